/** The contract's JSON shapes (snake_case), built from core records. */
import type { Summary } from "../summary/summarize.js";
import type { Paper } from "../types.js";

export interface PaperJson {
  id: string;
  title: string;
  abstract: string;
  date: string;
  authors: string[];
  arxiv_id: string | null;
  links: string[];
  code: string[];
  tldr: string;
  upvotes: number | null;
  source_summary: string | null;
}

export function paperJson(paper: Paper, summary: Summary): PaperJson {
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    date: paper.date,
    authors: paper.authors,
    arxiv_id: paper.arxivId,
    links: paper.links,
    code: paper.code,
    tldr: summary.tldr,
    upvotes: paper.upvotes,
    source_summary: paper.sourceSummary,
  };
}

/** The export line: the contract's paper plus what a lossless round trip needs. */
export function exportJson(
  paper: Paper,
  summary: Summary,
): PaperJson & { aliases: string[]; days: string[] } {
  return { ...paperJson(paper, summary), aliases: paper.aliases, days: paper.days };
}
