/**
 * Papers as sparse TF-IDF vectors of their words and word pairs, for the similarity that groups
 * papers no research area claims and splits an area too large for one topic. Word pairs (adjacent
 * stems, stopwords left out) carry the subject ("sparse attention", "video generation") better than
 * single words, so they weigh `PAIR_WEIGHT` times more; title words count 3×, summary words 2×.
 * Only features shared by two papers or more can make two papers alike, so the others are dropped;
 * rows are unit length, so a dot product is a cosine.
 */
import { FIELD_WEIGHT, FIELDS, type TopicPaperText } from "./text.js";

export interface SparseVector {
  /** Feature ids, ascending. */
  ids: Int32Array;
  values: Float64Array;
}

const PAIR_WEIGHT = 1.5;

function termCounts(text: TopicPaperText): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string, w: number) => counts.set(key, (counts.get(key) ?? 0) + w);
  for (const field of FIELDS) {
    const stream = text[field];
    const w = FIELD_WEIGHT[field];
    if (w <= 0) continue;
    for (let i = 0; i < stream.length; i++) {
      add(stream[i] as string, w);
      if (i + 1 < stream.length) add(`${stream[i]} ${stream[i + 1]}`, w * PAIR_WEIGHT);
    }
  }
  return counts;
}

export function textVectors(texts: readonly TopicPaperText[]): SparseVector[] {
  const counts = texts.map(termCounts);
  const df = new Map<string, number>();
  for (const c of counts) for (const key of c.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = texts.length;
  const ids = new Map<string, number>();
  for (const [key, d] of df) if (d >= 2) ids.set(key, ids.size);
  return counts.map((c) => {
    const entries: [number, number][] = [];
    for (const [key, tf] of c) {
      const id = ids.get(key);
      if (id === undefined) continue;
      // tf is already weighted by field; its log keeps one repeated word from ruling the row.
      entries.push([id, (1 + Math.log(tf)) * Math.log((1 + n) / (df.get(key) as number))]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.hypot(...entries.map((e) => e[1])) || 1;
    return {
      ids: Int32Array.from(entries, (e) => e[0]),
      values: Float64Array.from(entries, (e) => e[1] / norm),
    };
  });
}

export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      s += (a.values[i++] as number) * (b.values[j++] as number);
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Cosines of every pair of rows (a full symmetric matrix, 1 on the diagonal). */
export function cosineMatrix(rows: readonly SparseVector[]): Float64Array[] {
  const n = rows.length;
  const m = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    (m[i] as Float64Array)[i] = 1;
    for (let j = i + 1; j < n; j++) {
      const s = sparseDot(rows[i] as SparseVector, rows[j] as SparseVector);
      (m[i] as Float64Array)[j] = s;
      (m[j] as Float64Array)[i] = s;
    }
  }
  return m;
}
