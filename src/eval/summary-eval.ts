/** The summary part of `eval` (to be built by the Understanding issue: ROUGE of TL;DRs vs gold). */
import type { EvalPaper } from "./data.js";

export interface SummaryScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
  /** Mean TL;DR length in words. */
  words: number;
}

export interface SummaryEvalResult {
  paperboy: SummaryScores;
  /** Baseline rows printed beside paperboy's (lead-1). */
  baselines: Record<string, SummaryScores>;
}

/** null until TL;DRs are evaluated. */
export function evaluateSummaries(_papers: readonly EvalPaper[]): SummaryEvalResult | null {
  return null;
}
