/**
 * The source's own summary of a paper (the Hugging Face API's `ai_summary`, kept in the archive as
 * `Paper.sourceSummary`): shown beside paperboy's TL;DR, always labelled as the source's, never
 * passed off as ours.
 */
import type { Paper } from "../types.js";
import { displayText } from "./latex.js";

/** A summary written by the paper's source, not by paperboy. */
export interface SourceSummary {
  /** Who wrote it, for the label: "Hugging Face" → "Hugging Face's summary". */
  source: string;
  text: string;
}

/** Where `Paper.sourceSummary` comes from (jsonl exports carry the same field on). */
export const SOURCE_SUMMARY_AUTHOR = "Hugging Face";

/** The source's summary in display form; null when the source gave none. */
export function sourceSummaryOf(paper: Pick<Paper, "title" | "sourceSummary">): SourceSummary | null {
  const text = paper.sourceSummary ? displayText(paper.sourceSummary, { title: paper.title }) : "";
  return text ? { source: SOURCE_SUMMARY_AUTHOR, text } : null;
}

/** The label every front end shows before a source's summary. */
export function sourceSummaryLabel(summary: SourceSummary): string {
  return `${summary.source}'s summary`;
}
