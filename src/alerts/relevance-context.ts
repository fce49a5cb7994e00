/**
 * What scoring a watch against a few papers needs from the search engine, outside a ranked
 * search: the archive's term statistics (IDF), its abbreviations and semantic space, and the
 * papers' analyzed text. Built from the live search index in the product
 * (`SearchService.scoringParts`) and from the evaluation's index in `src/eval/alert-eval.ts`, so
 * the measured figures are the product's.
 */
import type { CandidateText } from "../search/features.js";
import type { PaperIndex } from "../search/paper-index.js";
import { planQuery } from "../search/query-plan.js";
import { queryFactsOf } from "../search/rank.js";
import { RANKING } from "../search/ranking.js";
import type { SemanticSpace } from "../search/semantic.js";
import { type PreparedPaper, type PreparedWatch, preparePaper, prepareWatch } from "./watch-features.js";

export interface ScoringParts {
  index: PaperIndex;
  semantic: SemanticSpace | null;
  /** Analyzed title and abstract of papers by primary key (missing ones left out). */
  texts: (pks: readonly number[]) => Map<number, CandidateText>;
}

export interface RelevanceContext {
  /** The watch's query side; null when it has no word search can use. */
  watch(text: string): PreparedWatch | null;
  /** Papers ready to be scored, by primary key (missing ones left out). */
  papers(pks: readonly number[]): Map<number, PreparedPaper>;
}

export function relevanceContext(parts: ScoringParts): RelevanceContext {
  const { index, semantic } = parts;
  const idfOf = (id: number) => index.termIdf(id);
  return {
    watch(text) {
      const plan = planQuery(index, text, RANKING);
      if (plan.sequence.length === 0) return null;
      return prepareWatch(queryFactsOf(index, plan, semantic));
    },
    papers(pks) {
      const out = new Map<number, PreparedPaper>();
      for (const [pk, text] of parts.texts(pks)) out.set(pk, preparePaper(text, idfOf));
      return out;
    },
  };
}
