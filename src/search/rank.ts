/**
 * The whole ranking of a planned query, shared by the product and `eval` so that the measured
 * numbers are the product's: BM25+ over the index (scorer.ts), then the phrase re-ordering of the
 * head (rerank.ts), which needs the hits' text.
 */
import type { PaperIndex } from "./paper-index.js";
import type { QueryPlan } from "./query-plan.js";
import type { RankingConfig } from "./ranking.js";
import { RERANK_DEPTH, rerankByPhrases } from "./rerank.js";
import { type DocFilter, type Scored, scoreQuery } from "./scorer.js";

/** Analyzed title + abstract of the papers with these primary keys (missing ones left out). */
export type TermsByPk = (pks: readonly number[]) => Map<number, readonly string[]>;

export function rankQuery(
  index: PaperIndex,
  plan: QueryPlan,
  ranking: RankingConfig,
  k: number,
  filter: DocFilter,
  termsByPk: TermsByPk,
): Scored {
  const scored = scoreQuery(index, plan.terms, ranking, Math.max(k, RERANK_DEPTH), filter);
  if (ranking.phraseWeight === 0 || plan.sequence.length < 2) return scored;
  const head = scored.hits.slice(0, RERANK_DEPTH);
  const texts = termsByPk(head.map((h) => index.pkOf(h.sid) as number));
  const reordered = rerankByPhrases(
    head,
    plan.sequence,
    (h) => texts.get(index.pkOf(h.sid) as number) ?? null,
    ranking.phraseWeight,
  );
  return { total: scored.total, hits: [...reordered, ...scored.hits.slice(RERANK_DEPTH)].slice(0, k) };
}
