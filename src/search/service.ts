/**
 * Search over the archive (to be built by the Search issue). The interface is fixed here so the
 * CLI and the bot can depend on it.
 */
import type { PaperStore } from "../archive/papers.js";
import { NotAvailableError } from "../errors.js";
import type { Logger } from "../logger.js";

export interface SearchQuery {
  text: string;
  /** YYYY-MM-DD bounds on the paper's date, inclusive. */
  since?: string;
  until?: string;
  hasCode?: boolean;
  /** Results per page; default 10. */
  limit?: number;
  /** 0-based offset of the first result (paging). */
  offset?: number;
}

export interface SearchHit {
  pk: number;
  id: string;
  title: string;
  date: string;
  score: number;
  /** A short piece of the abstract around the matched terms. */
  snippet: string;
}

export interface SearchResult {
  query: string;
  total: number;
  results: SearchHit[];
  /** Offset of the next page, when there is one. */
  nextOffset?: number;
  /** A corrected query when this one found nothing. */
  didYouMean?: string;
}

export interface SearchServiceOptions {
  /** Where the persisted index lives; null keeps it in memory only. */
  indexPath: string | null;
  logger: Logger;
}

export class SearchService {
  constructor(
    readonly store: PaperStore,
    readonly options: SearchServiceOptions,
  ) {}

  /** Brings the index in step with the archive (after an ingest, or at start-up). */
  sync(): void {}

  search(_query: SearchQuery): SearchResult {
    throw new NotAvailableError("search");
  }
}
