/** Related papers (to be built by the Understanding issue). */
import type { PaperStore } from "../archive/papers.js";
import { NotAvailableError } from "../errors.js";

export interface RelatedHit {
  pk: number;
  id: string;
  title: string;
  date: string;
  score: number;
}

export class RelatedService {
  constructor(readonly store: PaperStore) {}

  sync(): void {}

  related(_pk: number, _limit: number): RelatedHit[] {
    throw new NotAvailableError("related");
  }
}
