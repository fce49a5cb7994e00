/**
 * k-means (the `ml-kmeans` package) over unit-length rows, with k chosen by the mean silhouette
 * (cosine). Seeds are fixed, so the same papers always give the same topics; a few seeds per k
 * and the lowest within-cluster error wins, as one k-means++ start can land badly.
 */
import { kmeans } from "ml-kmeans";
import { agglomerateCuts } from "./agglomerative.js";
import { dot } from "./vectors.js";

const SEEDS = [17, 29, 43];

export interface Clustering {
  k: number;
  /** Cluster of each row. */
  labels: number[];
  silhouette: number;
}

/** The best clustering of rows into k groups over the seeds (lowest squared error). */
export function clusterK(rows: number[][], k: number): number[] {
  // k-means++ cannot seed more centres than there are distinct points (blank or copied papers):
  // group identical rows together instead.
  const distinct = new Map<string, number>();
  const keyOf = rows.map((r) => r.join(","));
  for (const key of keyOf) if (!distinct.has(key)) distinct.set(key, distinct.size);
  if (distinct.size <= k) return keyOf.map((key) => distinct.get(key) as number);
  let best: number[] = [];
  let bestError = Number.POSITIVE_INFINITY;
  for (const seed of SEEDS) {
    const r = kmeans(rows, k, { seed, initialization: "kmeans++", maxIterations: 60 });
    let error = 0;
    for (let i = 0; i < rows.length; i++) {
      error += 2 - 2 * dot(rows[i] as number[], r.centroids[r.clusters[i] as number] as number[]);
    }
    if (error < bestError - 1e-9) {
      bestError = error;
      best = r.clusters;
    }
  }
  return best;
}

/**
 * Pairwise cosine similarities of unit rows. TF-IDF rows are mostly zeros: each row is kept as
 * its non-zero columns only, and row i is spread into one dense buffer to meet the others.
 */
export function similarities(rows: readonly number[][]): Float64Array[] {
  const n = rows.length;
  const width = rows[0]?.length ?? 0;
  const sim = Array.from({ length: n }, () => new Float64Array(n));
  const cols: Int32Array[] = [];
  const vals: Float64Array[] = [];
  for (const r of rows) {
    const nz: number[] = [];
    for (let j = 0; j < width; j++) if (r[j] !== 0) nz.push(j);
    cols.push(Int32Array.from(nz));
    vals.push(Float64Array.from(nz, (j) => r[j] as number));
  }
  const dense = new Float64Array(width);
  for (let i = 0; i < n; i++) {
    const ci = cols[i] as Int32Array;
    const vi = vals[i] as Float64Array;
    for (let t = 0; t < ci.length; t++) dense[ci[t] as number] = vi[t] as number;
    const row = sim[i] as Float64Array;
    row[i] = 1;
    for (let j = i + 1; j < n; j++) {
      const cj = cols[j] as Int32Array;
      const vj = vals[j] as Float64Array;
      let s = 0;
      for (let t = 0; t < cj.length; t++) s += (dense[cj[t] as number] as number) * (vj[t] as number);
      row[j] = s;
      (sim[j] as Float64Array)[i] = s;
    }
    for (let t = 0; t < ci.length; t++) dense[ci[t] as number] = 0;
  }
  return sim;
}

/** Mean silhouette with cosine distance; singletons count 0, as in scikit-learn. */
export function silhouette(sim: readonly Float64Array[], labels: readonly number[]): number {
  const n = labels.length;
  const k = Math.max(...labels) + 1;
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l] = (sizes[l] as number) + 1;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i] as number;
    if ((sizes[own] as number) <= 1) continue;
    const sums = new Array<number>(k).fill(0);
    const row = sim[i] as Float64Array;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const l = labels[j] as number;
      sums[l] = (sums[l] as number) + 1 - (row[j] as number);
    }
    const a = (sums[own] as number) / ((sizes[own] as number) - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c !== own && (sizes[c] as number) > 0) b = Math.min(b, (sums[c] as number) / (sizes[c] as number));
    }
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

/** Clusters for every k in [minK, maxK]; the one with the best silhouette. */
export function chooseClustering(
  rows: number[][],
  minK: number,
  maxK: number,
  method: "kmeans" | "agglomerative" = "kmeans",
): Clustering {
  const sim = similarities(rows);
  const cuts = method === "agglomerative" ? agglomerateCuts(sim, minK, maxK) : null;
  let best: Clustering | null = null;
  for (let k = minK; k <= maxK; k++) {
    const labels = cuts ? (cuts.get(k) as number[]) : clusterK(rows, k);
    const s = silhouette(sim, labels);
    if (!best || s > best.silhouette + 1e-9) best = { k, labels, silhouette: s };
  }
  return best as Clustering;
}
