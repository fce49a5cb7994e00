/**
 * Turns raw clusters into topics a person can use: no topic holds more than `maxShare` of the
 * papers (oversized ones are split in two), tiny topics are dissolved, papers far from every
 * topic go to "Other" (at most `otherShare` of the papers; the rest join their nearest topic),
 * and the count of topics stays within [minTopics, maxTopics], "Other" included.
 */
import { clusterK } from "./cluster.js";
import { centroid, dot } from "./vectors.js";

export interface ShapeOptions {
  minTopics: number;
  maxTopics: number;
  /** Largest share of the papers one topic may hold; null: no limit. */
  maxShare: number | null;
  otherShare: number;
  /** Smallest topic kept; smaller ones are dissolved. */
  minSize: number;
  /** Below this mean cosine to the other papers of its topic a paper is a straggler... */
  stragglerCosine: number;
  /** ...and below this share of the median paper's. */
  stragglerShareOfTypical: number;
}

export interface Shaped {
  clusters: number[][];
  other: number[];
}

function groups(labels: readonly number[]): number[][] {
  const out: number[][] = [];
  labels.forEach((l, i) => {
    const group = out[l] ?? [];
    group.push(i);
    out[l] = group;
  });
  return out.filter((g) => g && g.length > 0);
}

function splitInTwo(rows: number[][], members: number[]): number[][] {
  const sub = members.map((i) => rows[i] as number[]);
  const labels = clusterK(sub, 2);
  const parts = groups(labels).map((g) => g.map((j) => members[j] as number));
  if (parts.length === 2) return parts;
  // Papers with nothing to tell them apart (blank, or the same text): halves in input order keep
  // the size limits; the order is the only honest difference left.
  const half = Math.ceil(members.length / 2);
  return members.length >= 2 ? [members.slice(0, half), members.slice(half)] : [members];
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function largestFirst(clusters: number[][]): number[][] {
  return clusters.sort((a, b) => b.length - a.length || (a[0] as number) - (b[0] as number));
}

/**
 * `rows` are the clustering space (for splits); `affinity` rows (unit length) decide who is a
 * straggler and which topic is nearest: cosines there keep their meaning at any dimension.
 */
export function shapeClusters(
  rows: number[][],
  affinity: number[][],
  labels: readonly number[],
  o: ShapeOptions,
): Shaped {
  const n = rows.length;
  let clusters = largestFirst(groups(labels));
  const cap = o.maxShare === null ? n : Math.max(1, Math.floor(o.maxShare * n));
  // Split oversized topics while there is room for more (`reserved`: places taken by "Other").
  const splitOversized = (list: number[][], reserved: number): number[][] => {
    let out = list;
    for (let guard = 0; guard < 20; guard++) {
      const big = out.find((c) => c.length > cap);
      if (!big || out.length + reserved >= o.maxTopics) break;
      const parts = splitInTwo(rows, big);
      if (parts.length < 2) break;
      out = largestFirst([...out.filter((c) => c !== big), ...parts]);
    }
    return out;
  };
  clusters = splitOversized(clusters, 0);
  // Dissolve tiny topics; their papers look for a new home like stragglers do.
  const homeless: number[] = [];
  clusters = clusters.filter((c) => {
    if (c.length >= o.minSize || clusters.length <= o.minTopics) return true;
    homeless.push(...c);
    return false;
  });
  let centroids = clusters.map((c) => centroid(affinity, c));
  const nearest = (i: number, except = -1) => {
    let best = -1;
    let bestSim = Number.NEGATIVE_INFINITY;
    centroids.forEach((c, t) => {
      if (t === except) return;
      const s = dot(affinity[i] as number[], c);
      if (s > bestSim) {
        bestSim = s;
        best = t;
      }
    });
    return { topic: best, sim: bestSim };
  };
  const candidates: { i: number; sim: number; topic: number }[] = homeless.map((i) => ({ i, ...nearest(i) }));
  // A straggler's mean cosine to the other papers of its topic is low: it shares little with them.
  const width = affinity[0]?.length ?? 0;
  const cohesion = clusters.map((c) => {
    const sum = new Array<number>(width).fill(0);
    for (const i of c) {
      const row = affinity[i] as number[];
      for (let j = 0; j < width; j++) sum[j] = (sum[j] as number) + (row[j] as number);
    }
    return c.map((i) => (dot(affinity[i] as number[], sum) - 1) / Math.max(1, c.length - 1));
  });
  // Broad topics (a week's) are less cohesive throughout: "low" is judged against the typical paper.
  const typical = median(cohesion.flat());
  const threshold = Math.min(o.stragglerCosine, o.stragglerShareOfTypical * typical);
  clusters = clusters.map((c, t) =>
    c.filter((i, m) => {
      const sim = (cohesion[t] as number[])[m] as number;
      if (sim >= threshold || c.length <= o.minSize) return true;
      candidates.push({ i, topic: nearest(i).topic, sim });
      return false;
    }),
  );
  // The loneliest go to Other, up to its cap; the rest join their nearest topic.
  candidates.sort((a, b) => a.sim - b.sim || a.i - b.i);
  const otherCap = Math.floor(o.otherShare * n);
  const other: number[] = [];
  for (const c of candidates) {
    if (other.length < otherCap) other.push(c.i);
    else (clusters[c.topic] as number[]).push(c.i);
  }
  clusters = largestFirst(clusters.filter((c) => c.length > 0));
  // Stragglers that joined their nearest topic can push it past the limit again.
  clusters = splitOversized(clusters, other.length ? 1 : 0);
  // Too few topics: split the largest. Too many: fold the smallest into its nearest topic.
  for (let guard = 0; guard < 10 && clusters.length < o.minTopics; guard++) {
    const parts = splitInTwo(rows, clusters[0] as number[]);
    if (parts.length < 2) break;
    clusters = largestFirst([...clusters.slice(1), ...parts]);
  }
  while (clusters.length + (other.length ? 1 : 0) > o.maxTopics && clusters.length > 1) {
    centroids = clusters.map((c) => centroid(affinity, c));
    const smallest = clusters.length - 1;
    const c = clusters[smallest] as number[];
    const own = centroids[smallest] as number[];
    // The nearest topic that stays within the size limit, else the nearest.
    let target = -1;
    let fitting = -1;
    for (let t = 0; t < smallest; t++) {
      const sim = dot(own, centroids[t] as number[]);
      if (target < 0 || sim > dot(own, centroids[target] as number[])) target = t;
      const fits = (clusters[t] as number[]).length + c.length <= cap;
      if (fits && (fitting < 0 || sim > dot(own, centroids[fitting] as number[]))) fitting = t;
    }
    if (fitting >= 0) target = fitting;
    (clusters[target] as number[]).push(...c);
    clusters = largestFirst(clusters.slice(0, smallest));
  }
  return { clusters: clusters.map((c) => c.sort((a, b) => a - b)), other: other.sort((a, b) => a - b) };
}
