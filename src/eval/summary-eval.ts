/**
 * The summary part of `eval`: each paper's TL;DR against all its golds, ROUGE-1/2/L F1 ×100 with
 * Porter stemming, best gold per paper and metric, averaged; lead-1 (the abstract's first
 * sentence) beside it as the baseline.
 */
import { summarize } from "../summary/summarize.js";
import { wordCount } from "../summary/tokens.js";
import type { EvalPaper } from "./data.js";
import { bestRougeF1Tokens, rougeTokens } from "./rouge.js";

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

/** Mean scores (×100, unrounded) of one summary per paper against that paper's golds. */
export function scoreSummaries(
  papers: readonly EvalPaper[],
  summaryOf: (paper: EvalPaper) => string,
): SummaryScores {
  const total = { rouge1: 0, rouge2: 0, rougeL: 0, words: 0 };
  for (const paper of papers) {
    const text = summaryOf(paper);
    const best = bestRougeF1Tokens(rougeTokens(text), paper.target.map(rougeTokens));
    total.rouge1 += best.rouge1;
    total.rouge2 += best.rouge2;
    total.rougeL += best.rougeL;
    total.words += wordCount(text);
  }
  const n = Math.max(1, papers.length);
  return {
    rouge1: (100 * total.rouge1) / n,
    rouge2: (100 * total.rouge2) / n,
    rougeL: (100 * total.rougeL) / n,
    words: total.words / n,
  };
}

function rounded(s: SummaryScores): SummaryScores {
  const r = (x: number) => Math.round(x * 100) / 100;
  return { rouge1: r(s.rouge1), rouge2: r(s.rouge2), rougeL: r(s.rougeL), words: r(s.words) };
}

/** paperboy's TL;DR of an eval paper: its sentences joined as the abstract, with its title. */
export function evalTldr(paper: EvalPaper): string {
  return summarize(paper.title, paper.source.join(" ")).tldr;
}

/** Scores rounded to two decimals; null when there are no papers to score. */
export function evaluateSummaries(papers: readonly EvalPaper[]): SummaryEvalResult | null {
  if (papers.length === 0) return null;
  return {
    paperboy: rounded(scoreSummaries(papers, evalTldr)),
    baselines: { "lead-1": rounded(scoreSummaries(papers, (p) => p.source[0] ?? "")) },
  };
}
