/**
 * The whole ranking of a planned query, shared by the product and `eval` so that the measured
 * numbers are the product's: BM25 over the index (scorer.ts), then the learned re-ordering of
 * the head (rerank.ts), which needs the head's text and, when the archive has one, its semantic
 * space (semantic.ts).
 */
import {
  type CandidateText,
  candidateFrom,
  type QueryFacts,
  queryFacts,
  type Vocabulary,
} from "./features.js";
import type { PaperIndex } from "./paper-index.js";
import type { QueryPlan } from "./query-plan.js";
import type { RankingConfig } from "./ranking.js";
import { RERANK_DEPTH, rerank } from "./rerank.js";
import { type DocFilter, type Scored, scoreQuery } from "./scorer.js";
import type { SemanticSpace } from "./semantic.js";

/**
 * The analyzed papers (`candidateFrom`, with their semantic vectors) with these primary keys;
 * missing ones left out. The service caches these per paper.
 */
export type CandidatesByPk = (pks: readonly number[]) => Map<number, CandidateText>;

/**
 * A `CandidatesByPk` straight from the index's analyzed papers, vectors embedded on each call
 * (eval and scripts; the service keeps both).
 */
export function indexCandidates(index: PaperIndex, semantic: SemanticSpace | null): CandidatesByPk {
  return (pks) => {
    const out = new Map<number, CandidateText>();
    for (const pk of pks) {
      const entry = index.analyzed.entry(pk);
      if (!entry) continue;
      const counts = semantic ? index.analyzed.termCounts(pk) : null;
      out.set(pk, candidateFrom(entry, semantic && counts ? semantic.embedCounts(counts) : null));
    }
    return out;
  };
}

/** What the re-ranker knows of a planned query against this index (and semantic space). */
export function queryFactsOf(index: PaperIndex, plan: QueryPlan, semantic: SemanticSpace | null): QueryFacts {
  return queryFacts(
    plan.sequence,
    plan.words,
    (t) => index.documentFrequency(t),
    index.documentCount,
    vocabularyOf(index),
    semantic,
    plan.alternatives,
    plan.names,
  );
}

/** The index's analyzed terms as the re-ranker reads them. */
export function vocabularyOf(index: PaperIndex): Vocabulary {
  return {
    termIdOf: (term) => index.analyzed.termIdOf(term),
    termIdf: (id) => index.termIdf(id),
    get idfVersion() {
      return index.idfVersion;
    },
  };
}

export function rankQuery(
  index: PaperIndex,
  plan: QueryPlan,
  ranking: RankingConfig,
  k: number,
  filter: DocFilter,
  candidates: CandidatesByPk,
  semantic: SemanticSpace | null = null,
): Scored {
  const scored = scoreQuery(index, plan.terms, ranking, Math.max(k, RERANK_DEPTH), filter);
  if (!ranking.rerank || scored.hits.length < 2)
    return { total: scored.total, hits: scored.hits.slice(0, k) };
  const head = scored.hits.slice(0, RERANK_DEPTH);
  const pks = head.map((h) => index.pkOf(h.sid) as number);
  const texts = candidates(pks);
  const q = queryFactsOf(index, plan, semantic);
  const reordered = rerank(
    head,
    q,
    pks.map((pk) => texts.get(pk) ?? null),
    (scored.hits[RERANK_DEPTH] ?? head[head.length - 1])?.score ?? 0,
  );
  return { total: scored.total, hits: [...reordered, ...scored.hits.slice(RERANK_DEPTH)].slice(0, k) };
}
