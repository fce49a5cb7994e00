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

/**
 * Per-slot accumulators, kept between queries (a query at 100k papers would otherwise allocate
 * and zero 2 MB): only the slots a query touched are reset after it.
 */
let acc = new Float64Array(0);
let matched = new Uint16Array(0);
let lastTerm = new Int32Array(0);
let touched = new Int32Array(0);

function reserve(capacity: number): void {
  if (acc.length >= capacity) return;
  const n = Math.max(capacity, acc.length * 2, 1024);
  acc = new Float64Array(n);
  matched = new Uint16Array(n);
  lastTerm = new Int32Array(n);
  touched = new Int32Array(n);
}

export function scoreQuery(
  index: PaperIndex,
  terms: readonly WeightedTerm[],
  ranking: RankingConfig,
  k: number,
  filter: DocFilter = {},
): Scored {
  reserve(index.capacity);
  let touchedCount = 0;
  const N = index.documentCount;
  const { k: k1, b, d } = ranking.bm25;
  const live = index.live;
  // The ordinal (1-based) of the last term that matched a document: a term matching in several
  // fields counts once for coordination.
  let ordinal = 0;
  const add = (
    sid: number,
    tf: number,
    w: number,
    norm0: number,
    norm1: number,
    len: Float32Array,
    ti: number,
  ) => {
    if (live[sid] !== 1) return;
    const s = w * (d + (tf * (k1 + 1)) / (tf + norm0 + norm1 * (len[sid] as number)));
    if (matched[sid] === 0 && acc[sid] === 0) touched[touchedCount++] = sid;
    acc[sid] = (acc[sid] as number) + s;
    if (lastTerm[sid] !== ti) {
      lastTerm[sid] = ti;
      matched[sid] = (matched[sid] as number) + 1;
    }
  };
  const base = index.base;
  // Without coordination (the shipped setting) nothing reads how many terms a document matched,
  // and with every term's weight positive a document's sum is above 0 from its first posting:
  // the base postings' loop then skips the matched-terms count, two of its five memory reads.
  const fast = ranking.coordination === 0 && d >= 0 && terms.every((t) => t.weight > 0);
  // Locals, not the module's `let`s, in the hot loop below: V8 keeps them in registers.
  const accA = acc;
  const matchedA = matched;
  const lastTermA = lastTerm;
  const touchedA = touched;
  for (const { term, weight } of terms) {
    const ti = ++ordinal;
    const id = base.termIds.get(term);
    const recent = index.recentPostings(term);
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
      // The base segment's postings straight from its arrays: the hot loop of every query (a
      // common term's postings cover much of a 100k archive), written out rather than through
      // `add` so nothing is called per posting.
      if (id !== undefined) {
        const o = base.offsets[f] as Uint32Array;
        const slots = base.slots[f] as Int32Array;
        const tfs = base.tfs[f] as Uint16Array;
        const k1p = k1 + 1;
        if (fast) {
          for (let i = o[id] as number, end = o[id + 1] as number; i < end; i++) {
            const sid = slots[i] as number;
            if (live[sid] !== 1) continue;
            const tf = tfs[i] as number;
            const s = w * (d + (tf * k1p) / (tf + norm0 + norm1 * (lengths[sid] as number)));
            const before = accA[sid] as number;
            if (before === 0) touchedA[touchedCount++] = sid;
            accA[sid] = before + s;
          }
        } else {
          for (let i = o[id] as number, end = o[id + 1] as number; i < end; i++) {
            const sid = slots[i] as number;
            if (live[sid] !== 1) continue;
            const tf = tfs[i] as number;
            // The same arithmetic as `add`, so scores are bit-identical whichever path adds them.
            const s = w * (d + (tf * k1p) / (tf + norm0 + norm1 * (lengths[sid] as number)));
            const before = accA[sid] as number;
            if (before === 0 && matchedA[sid] === 0) touchedA[touchedCount++] = sid;
            accA[sid] = before + s;
            if (lastTermA[sid] !== ti) {
              lastTermA[sid] = ti;
              matchedA[sid] = (matchedA[sid] as number) + 1;
            }
          }
        }
      }
      const B = base.size;
      recent?.get(f)?.forEach((tf, short) => {
        add(B + short, tf, w, norm0, norm1, lengths, ti);
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
  // No coordination (the shipped setting) reads the sum as it is: no power per document.
  const final =
    gamma === 0
      ? (sid: number) => acc[sid] as number
      : (sid: number) => {
          const m = matched[sid] as number;
          return (acc[sid] as number) * (gamma === 1 ? m : m ** gamma);
        };
  // Ties: the newer paper first, then the one indexed first, so paging is stable.
  const better = (a: number, sa: number, b2: number, sb: number) =>
    sa !== sb ? sa > sb : dates[a] !== dates[b2] ? (dates[a] as number) > (dates[b2] as number) : a < b2;
  const hits = topK(k, passing, total, final, better);
  for (let i = 0; i < touchedCount; i++) {
    const sid = touched[i] as number;
    acc[sid] = 0;
    matched[sid] = 0;
    lastTerm[sid] = 0;
  }
  return { total, hits };
}
