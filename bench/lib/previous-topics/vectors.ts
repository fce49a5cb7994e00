/**
 * Papers as TF-IDF rows for clustering. Only terms shared by at least two papers and by at most
 * half of them are features: a term in one paper cannot pull papers together, and a term in
 * every paper ("model", "show") cannot pull them apart. Rows are unit length, so squared
 * Euclidean distance between rows is 2 − 2·cosine and k-means groups by cosine.
 */
import { paperTermCounts } from "./terms.js";

export interface VectorInput {
  title: string;
  abstract: string;
}

export interface TopicVectors {
  rows: number[][];
  features: string[];
}

/** Caps the width of a week's rows; the rarest features add little and cost k-means time. */
const MAX_FEATURES = 1500;

export function topicVectors(papers: readonly VectorInput[]): TopicVectors {
  const counts = papers.map((p) => paperTermCounts(p.title, p.abstract, 3));
  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = papers.length;
  const maxDf = Math.max(2, Math.floor(n / 2));
  const features = [...df.entries()]
    .filter(([, d]) => d >= 2 && d <= maxDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_FEATURES)
    .map(([t]) => t)
    .sort();
  const column = new Map(features.map((t, i) => [t, i]));
  const rows = counts.map((c) => {
    const row = new Array<number>(features.length).fill(0);
    for (const [t, tf] of c) {
      const j = column.get(t);
      if (j !== undefined) row[j] = (1 + Math.log(tf)) * Math.log((1 + n) / (1 + (df.get(t) as number)));
    }
    const norm = Math.hypot(...row) || 1;
    return row.map((v) => v / norm);
  });
  return { rows, features };
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** Mean of some rows, scaled to unit length (a spherical centroid). */
export function centroid(rows: readonly number[][], members: readonly number[]): number[] {
  const width = rows[0]?.length ?? 0;
  const c = new Array<number>(width).fill(0);
  for (const i of members) {
    const r = rows[i] as number[];
    for (let j = 0; j < width; j++) c[j] = (c[j] as number) + (r[j] as number);
  }
  const norm = Math.hypot(...c) || 1;
  return c.map((v) => v / norm);
}
