/**
 * The engine's summaries by paper id, least recently used dropped first. A long-running `serve` on
 * a large archive summarizes every paper someone pages to, searches or rounds up; unbounded, that
 * grows with the archive (ingest clears it, but an archive of years is read without ingesting).
 */
import { LRUCache } from "lru-cache";
import { type Summary, summarize } from "./summarize.js";

/**
 * Summaries kept: ~3 KB each with the text they were made from (~12 MB in all, measured on the
 * fixture digests' papers), room for a 2,000-paper day's roundup plus weeks of `day` and `search`
 * pages. A page (20 papers) is far below it, so what `prepareSummaries` computed is still here
 * when the page is built.
 */
export const SUMMARY_CACHE_ENTRIES = 4_096;

/** What a summary is made from; a paper whose title or abstract changed is summarized again. */
export interface SummaryText {
  id: string;
  title: string;
  abstract: string;
}

interface Entry {
  title: string;
  abstract: string;
  summary: Summary;
}

export class SummaryCache {
  private readonly entries: LRUCache<string, Entry>;

  constructor(
    options: {
      max?: number;
      /** How a summary is made (tests count the calls). */
      compute?: (title: string, abstract: string) => Summary;
    } = {},
  ) {
    this.entries = new LRUCache<string, Entry>({ max: options.max ?? SUMMARY_CACHE_ENTRIES });
    this.compute = options.compute ?? ((title, abstract) => summarize(title, abstract));
  }

  private readonly compute: (title: string, abstract: string) => Summary;

  /** The paper's summary: remembered when its text is unchanged, else made and remembered. */
  summary(paper: SummaryText): Summary {
    const known = this.current(paper);
    if (known) return known;
    const summary = this.compute(paper.title, paper.abstract);
    this.entries.set(paper.id, { title: paper.title, abstract: paper.abstract, summary });
    return summary;
  }

  /** Keeps a summary made elsewhere (a roundup's worker), unless one for that text is kept already. */
  remember(paper: SummaryText, summary: Summary): void {
    // peek: a roundup's hundreds of papers must not count as reads of the ones already kept.
    const kept = this.entries.peek(paper.id);
    if (kept && kept.title === paper.title && kept.abstract === paper.abstract) return;
    this.entries.set(paper.id, { title: paper.title, abstract: paper.abstract, summary });
  }

  /** Forgets everything (an ingest changed papers). */
  clear(): void {
    this.entries.clear();
  }

  /** How many summaries are kept (at most the capacity). */
  get size(): number {
    return this.entries.size;
  }

  private current(paper: SummaryText): Summary | undefined {
    const kept = this.entries.get(paper.id);
    return kept && kept.title === paper.title && kept.abstract === paper.abstract ? kept.summary : undefined;
  }
}
