/**
 * Scoring a planned query against the index: BM25+ per term and field (as MiniSearch defines
 * it), summed into typed arrays, times a coordination factor, then the k best. One pass over each
 * query term's postings; no allocation per matching document.
 */
import { FIELDS, type Field } from "./fields.js";
import type { PaperIndex } from "./paper-index.js";
import { bm25Idf, type RankingConfig } from "./ranking.js";
import { type Ranked, topK } from "./top-k.js";

export interface WeightedTerm {
  term: string;
  /** The query-side weight of the term (from how often the query repeats it). */
  weight: number;
}

export interface DocFilter {
  /** YYYYMMDD bounds, inclusive. */
  since?: number;
  until?: number;
  hasCode?: boolean;
}

export interface Scored {
  /** Documents that match at least one term and pass the filter. */
  total: number;
  /** The best `k`, best first. */
  hits: Ranked[];
}

export function scoreQuery(
  index: PaperIndex,
  terms: readonly WeightedTerm[],
  ranking: RankingConfig,
  k: number,
  filter: DocFilter = {},
): Scored {
  const capacity = index.capacity;
  const acc = new Float64Array(capacity);
  const matched = new Uint16Array(capacity);
  const touched = new Int32Array(capacity);
  let touchedCount = 0;
  const N = index.documentCount;
  const { k: k1, b, d } = ranking.bm25;
  const live = index.live;
  // The ordinal (1-based) of the last term that matched a document: a term matching in several
  // fields counts once for coordination.
  const lastTerm = new Int32Array(capacity);
  let ordinal = 0;
  for (const { term, weight } of terms) {
    const ti = ++ordinal;
    for (let f = 0; f < FIELDS.length; f++) {
      const boost = ranking.fields[FIELDS[f] as Field];
      if (!boost) continue;
      const df = index.fieldDf(term, f);
      if (df === 0) continue;
      const idf = bm25Idf(N, df);
      const w = weight * boost * (ranking.idfPower === 1 ? idf : idf ** ranking.idfPower);
      const avg = index.avgLength(f) || 1;
      const lengths = index.lengths[f] as Float32Array;
      const norm0 = k1 * (1 - b);
      const norm1 = (k1 * b) / avg;
      index.forEachPosting(term, f, (sid, tf) => {
        if (live[sid] !== 1) return;
        const s = w * (d + (tf * (k1 + 1)) / (tf + norm0 + norm1 * (lengths[sid] as number)));
        if (matched[sid] === 0 && acc[sid] === 0) touched[touchedCount++] = sid;
        acc[sid] = (acc[sid] as number) + s;
        if (lastTerm[sid] !== ti) {
          lastTerm[sid] = ti;
          matched[sid] = (matched[sid] as number) + 1;
        }
      });
    }
  }
  const dates = index.dates;
  const code = index.hasCode;
  const since = filter.since ?? 0;
  const until = filter.until ?? Number.MAX_SAFE_INTEGER;
  const needCode = filter.hasCode === true;
  let total = 0;
  const passing = new Int32Array(touchedCount);
  for (let i = 0; i < touchedCount; i++) {
    const sid = touched[i] as number;
    const date = dates[sid] as number;
    if (date < since || date > until || (needCode && code[sid] !== 1)) continue;
    passing[total++] = sid;
  }
  const gamma = ranking.coordination;
  const final = (sid: number) => {
    const m = matched[sid] as number;
    return (acc[sid] as number) * (gamma === 1 ? m : m ** gamma);
  };
  // Ties: the newer paper first, then the one indexed first, so paging is stable.
  const better = (a: number, sa: number, b2: number, sb: number) =>
    sa !== sb ? sa > sb : dates[a] !== dates[b2] ? (dates[a] as number) > (dates[b2] as number) : a < b2;
  return { total, hits: topK(k, passing, total, final, better) };
}
