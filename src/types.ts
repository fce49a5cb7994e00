/** The records paperboy works with, shared by every layer. Plain data only. */

/** A paper as a parser produces it: clean text, not yet in the archive. */
export interface ParsedPaper {
  title: string;
  abstract: string;
  authors: string[];
  /** arXiv id when the source names one ("2601.23265"), else null. */
  arxivId: string | null;
  /** Code links the source gives outside the abstract (the HF API's githubRepo, a jsonl `code`). */
  sourceCode: string[];
  upvotes: number | null;
  /** The source's own one-line summary (the HF API's `ai_summary`), else null. Shown as the source's. */
  sourceSummary: string | null;
  /** The digest day this paper belongs to, when the source says (jsonl lines, HF entries). */
  date: string | null;
  /** Ids this paper was known by before (jsonl round-trips keep them). */
  aliases: string[];
  /** Every digest day the paper appeared in, when the source knows (paperboy's own export). */
  days: string[];
  /** 1-based line (page, jsonl) or 0-based entry index (hf-api) where the paper starts. */
  origin: { line?: number; entry?: number };
}

export interface ParseWarning {
  message: string;
  line?: number;
  entry?: number;
  field?: string;
}

export type DigestFormat = "page" | "hf-api" | "jsonl";

export interface ParsedDigest {
  format: DigestFormat;
  /** The day named by the digest itself: a full date, or a month and day without a year. */
  day: { date: string } | { month: number; day: number } | null;
  papers: ParsedPaper[];
  warnings: ParseWarning[];
}

/** A paper as stored and shown: the contract's shape (snake_case lives only in JSON output). */
export interface Paper {
  id: string;
  title: string;
  abstract: string;
  date: string;
  authors: string[];
  arxivId: string | null;
  links: string[];
  code: string[];
  upvotes: number | null;
  /** The source's own one-line summary (the HF API's `ai_summary`), else null; never shown as ours. */
  sourceSummary: string | null;
  /** Every other id this paper answers to (its content id once it gained an arXiv id). */
  aliases: string[];
  /** Every digest day the paper appeared in, oldest first. */
  days: string[];
}

/** A short reference to a paper, used in lists. */
export interface PaperRef {
  id: string;
  title: string;
  date: string;
}
