/**
 * The ranking parameters of paperboy's search, in one place, with the measurements that chose
 * them (SciTLDR dev queries against dev + train abstracts, `paperboy eval`; keyword queries from
 * the sample digests, test/search/keyword-queries.test.ts). See the README's Search section.
 */
export interface Bm25Params {
  /** Term-frequency saturation. */
  k: number;
  /** Length normalization. */
  b: number;
  /** BM25+ lower bound for a matching term (minisearch's `d`). */
  d: number;
}

export interface RankingConfig {
  bm25: Bm25Params;
  /** Per-field weights; a field at 0 is not searched. */
  fields: { title: number; abstract: number; authors: number };
  /**
   * A document's summed score is multiplied by (matched query terms)^coordination. minisearch
   * uses 1; documents that share more of the query's distinct terms rise.
   */
  coordination: number;
  /** A query term written n times weighs n^queryTf (0: every distinct term weighs the same). */
  queryTf: number;
  /** IDF is raised to this power (1: plain BM25; above 1 favours rare terms further). */
  idfPower: number;
  /** Whether the learned second stage (rerank.ts) re-orders the head. */
  rerank: boolean;
  /** Only this many of a query's most informative (rarest) terms are scored. */
  maxTerms: number;
  /**
   * Weight of a term a query gains from an abbreviation the archive defines ("CNN" → convolutional,
   * neural, network; "reinforcement learning" → RL). 0 turns the expansion off.
   */
  abbreviationWeight: number;
  /**
   * Weight of the joined term of words typed apart ("think safe" → thinksafe), when the archive
   * has it. 0 turns the joining off.
   */
  joinedNameWeight: number;
  /** Weight of the title term read for an unknown word ("densgrpo" → densegrpo); 0: no fallback. */
  fuzzyNameWeight: number;
}

export const RANKING: RankingConfig = {
  bm25: { k: 1.2, b: 0.8, d: 0 },
  fields: { title: 1, abstract: 1, authors: 1 },
  coordination: 0,
  queryTf: 1,
  idfPower: 1,
  rerank: true,
  maxTerms: 32,
  abbreviationWeight: 0.5,
  joinedNameWeight: 1,
  fuzzyNameWeight: 1,
};

/** BM25+ as minisearch computes it, so our fast path and `MiniSearch#search` score alike. */
export function bm25Idf(documentCount: number, matching: number): number {
  return Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
}
