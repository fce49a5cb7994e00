/** Topics of a set of papers (to be built by the Understanding issue). */
import { NotAvailableError } from "../errors.js";

export interface TopicInput {
  pk: number;
  id: string;
  title: string;
  abstract: string;
}

export interface Topic {
  label: string;
  /** Primary keys of the topic's papers, in input order. */
  pks: number[];
  /** True for the catch-all group. */
  other: boolean;
}

export function groupTopics(_papers: readonly TopicInput[]): Topic[] {
  throw new NotAvailableError("roundup");
}
