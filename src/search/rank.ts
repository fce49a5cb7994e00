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
import { cosine, type SemanticSpace } from "./semantic.js";
import type { Ranked } from "./top-k.js";

/**
 * First-stage hits after the head (ranks RERANK_DEPTH+1 to SEMANTIC_BAND) whose place in the
 * semantic space is compared with the query's; the SEMANTIC_EXTRA nearest join the head. A
 * paper worded differently from the query (a summary's words against the abstract's) lands there
 * and is otherwise never re-ranked. Measured on SciTLDR dev (619 queries, 2,611 papers, v2
 * weights): R@10 0.979 → 0.984 at 3–10 extra from ranks 51–200 or 51–500, and no better from the
 * whole archive; train (1,992 queries) unchanged. Reading 150 kept vectors costs microseconds.
 */
export const SEMANTIC_BAND = 200;
export const SEMANTIC_EXTRA = 5;

/**
 * The analyzed papers (`candidateFrom`, with their semantic vectors) with these primary keys;
 * missing ones left out. The service caches these per paper.
 */
export type CandidatesByPk = (pks: readonly number[]) => Map<number, CandidateText>;

/** A paper's vector in the semantic space by primary key (null: none, or no space). */
export type VectorOf = (pk: number) => Float32Array | null;

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

/** `VectorOf` straight from the index's analyzed papers, each embedded once (eval and scripts). */
export function indexVectors(index: PaperIndex, semantic: SemanticSpace | null): VectorOf {
  const kept = new Map<number, Float32Array | null>();
  return (pk) => {
    if (!semantic) return null;
    let v = kept.get(pk);
    if (v === undefined) {
      const counts = index.analyzed.termCounts(pk);
      v = counts ? semantic.embedCounts(counts) : null;
      kept.set(pk, v);
    }
    return v;
  };
}

/**
 * The hits the re-ranker reads, in the order it reads them: the first stage's best RERANK_DEPTH,
 * then the SEMANTIC_EXTRA of the next ones (up to SEMANTIC_BAND) nearest the query in the
 * semantic space, nearest first; `rest` is every other hit, in the first stage's order.
 */
export function rerankHead<T extends Ranked>(
  index: PaperIndex,
  hits: readonly T[],
  queryVector: Float32Array | null,
  vectorOf: VectorOf,
): { head: T[]; rest: T[] } {
  const head = hits.slice(0, RERANK_DEPTH);
  const band = hits.slice(RERANK_DEPTH, SEMANTIC_BAND);
  if (!queryVector || band.length === 0) return { head, rest: hits.slice(RERANK_DEPTH) };
  const near = band
    .map((hit, i) => ({ i, s: cosine(queryVector, vectorOf(index.pkOf(hit.sid) as number)) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, SEMANTIC_EXTRA);
  const taken = new Set(near.map((x) => x.i));
  return {
    head: [...head, ...near.map((x) => band[x.i] as T)],
    rest: [...band.filter((_, i) => !taken.has(i)), ...hits.slice(SEMANTIC_BAND)],
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
  vectorOf: VectorOf = () => null,
): Scored {
  const depth = ranking.rerank && semantic ? SEMANTIC_BAND : RERANK_DEPTH;
  const scored = scoreQuery(index, plan.terms, ranking, Math.max(k, depth), filter);
  if (!ranking.rerank || scored.hits.length < 2)
    return { total: scored.total, hits: scored.hits.slice(0, k) };
  const q = queryFactsOf(index, plan, semantic);
  const { head, rest } = rerankHead(index, scored.hits, q.vector, vectorOf);
  const pks = head.map((h) => index.pkOf(h.sid) as number);
  const texts = candidates(pks);
  const reordered = rerank(
    head,
    q,
    pks.map((pk) => texts.get(pk) ?? null),
    (rest[0] ?? head[head.length - 1])?.score ?? 0,
  );
  return { total: scored.total, hits: [...reordered, ...rest].slice(0, k) };
}
