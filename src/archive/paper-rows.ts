/**
 * A stored paper's row as the ingest reads it, and what a new sighting of the paper makes of it:
 * shared by the two ingest paths of papers.ts (paper by paper, and a day in a few statements,
 * day-batch.ts), so both merge the same way.
 */
import type { Selectable } from "kysely";
import { codeLinks, extractLinks } from "../digest/links.js";
import type { ParsedPaper } from "../types.js";
import type { PapersTable } from "./sql/tables.js";

export const PAPER_COLUMNS = [
  "pk",
  "id",
  "arxiv_id",
  "title",
  "abstract",
  "authors",
  "date",
  "upvotes",
  "source_summary",
] as const;

/** The columns the ingest reads of a stored paper (the table's own types). */
export type PaperRow = Pick<Selectable<PapersTable>, (typeof PAPER_COLUMNS)[number]>;

/** A paper's row as first inserted: every column but its generated key. */
export type NewPaperRow = Omit<PaperRow, "pk"> &
  Pick<PapersTable, "created_at" | "updated_at" | "revision"> & { has_code: number };

export interface MergedSighting {
  /** The row's columns after the sighting (updated_at and revision are the caller's). */
  values: Omit<PaperRow, "pk">;
  /** Keys to add for the paper (those equal to its id are skipped by the caller). */
  aliases: string[];
  /** Its source-code links: the stored ones, then the sighting's new ones. */
  sources: string[];
  /** Whether anything visible changed (else the row is not written). */
  changed: boolean;
}

/**
 * Merges a new sighting into a stored paper: an arXiv id, once known, becomes its id (the old id
 * an alias); the newest text wins (digests correct titles and abstracts, never degrade them);
 * authors, upvotes and a summary are kept when the sighting has none (a page form of the day
 * carries no summary: it never erases the API form's); the date is the earliest seen.
 */
export function mergeSighting(
  row: PaperRow,
  p: ParsedPaper,
  days: readonly string[],
  storedSources: readonly string[],
): MergedSighting {
  let id = row.id;
  let arxivId = row.arxiv_id;
  const aliases: string[] = [...p.aliases];
  if (!arxivId && p.arxivId) {
    arxivId = p.arxivId;
    aliases.push(row.id);
    id = p.arxivId;
  }
  const authors = p.authors.length ? JSON.stringify(p.authors) : row.authors;
  const upvotes = p.upvotes ?? row.upvotes;
  const sourceSummary = p.sourceSummary ?? row.source_summary;
  const earliest = [row.date, ...days].sort()[0] as string;
  const newSources = p.sourceCode.filter((u) => !storedSources.includes(u));
  const textChanged = row.title !== p.title || row.abstract !== p.abstract;
  const changed =
    id !== row.id ||
    arxivId !== row.arxiv_id ||
    authors !== row.authors ||
    upvotes !== row.upvotes ||
    sourceSummary !== row.source_summary ||
    earliest !== row.date ||
    newSources.length > 0 ||
    textChanged;
  return {
    values: {
      id,
      arxiv_id: arxivId,
      title: p.title,
      abstract: p.abstract,
      authors,
      date: earliest,
      upvotes,
      source_summary: sourceSummary,
    },
    aliases,
    sources: [...storedSources, ...newSources],
    changed,
  };
}

/**
 * The row of a paper seen for the first time, under `id`, dated by the earliest of its days: one
 * builder for both ingest paths, so a paper stored alone or with its day is the same row.
 */
export function newPaperRow(
  p: ParsedPaper,
  id: string,
  days: readonly string[],
  now: string,
  revision: number,
) {
  return {
    id,
    arxiv_id: p.arxivId ?? null,
    title: p.title,
    abstract: p.abstract,
    authors: JSON.stringify(p.authors),
    date: [...days].sort()[0] as string,
    upvotes: p.upvotes ?? null,
    source_summary: p.sourceSummary ?? null,
    created_at: now,
    updated_at: now,
    revision,
    has_code: codeLinks(extractLinks(p.abstract), p.sourceCode).length > 0 ? 1 : 0,
  };
}
