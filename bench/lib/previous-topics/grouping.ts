/**
 * The grouping of the roundup before issue 17 (commit 6f05235), frozen here as a baseline for
 * `scripts/eval-topics.ts` and `npm run bench`: TF-IDF rows (title ×3), LSA, average linkage up to
 * 150 papers (k-means past), k by silhouette, then shaped (sizes, "Other"). Labels are left out:
 * the agreement scores compare partitions only. Do not improve this copy; it is the yardstick.
 */
import { chooseClustering, clusterK, similarities } from "./cluster.js";
import { lsaRows } from "./lsa.js";
import { shapeClusters } from "./shape.js";
import { topicVectors } from "./vectors.js";

export interface BaselinePaper {
  title: string;
  abstract: string;
}

/** Groups of paper indices; the last one is "Other" when `other` is true. */
export interface BaselineGrouping {
  groups: number[][];
  other: number[];
}

const FULL_ROUNDUP = 10;

export function previousGrouping(papers: readonly BaselinePaper[]): BaselineGrouping {
  const n = papers.length;
  const { rows } = topicVectors(papers);
  if (n <= 3 || (rows[0]?.length ?? 0) === 0) return { groups: [papers.map((_, i) => i)], other: [] };
  const space = lsaRows(similarities(rows), Math.max(10, Math.min(40, Math.round(n / 4))));
  const method = n <= 150 ? "agglomerative" : "kmeans";
  const [minK, maxK] =
    n < FULL_ROUNDUP ? [2, Math.min(3, Math.floor(n / 2))] : [3, Math.min(10, Math.floor(n / 3))];
  const { labels } = chooseClustering(space, minK, maxK, method);
  const full = n >= FULL_ROUNDUP;
  const shaped = shapeClusters(space, rows, labels, {
    minTopics: full ? 3 : 1,
    maxTopics: full ? 10 : 3,
    maxShare: n >= 30 ? 0.4 : null,
    otherShare: full ? 0.2 : 0,
    minSize: full ? Math.max(2, Math.round(0.03 * n)) : 1,
    stragglerCosine: 0.08,
    stragglerShareOfTypical: 0.6,
  });
  return { groups: shaped.clusters, other: shaped.other };
}

/**
 * Plain k-means: the same TF-IDF rows, k-means (ml-kmeans, best of three seeds) with k given (the
 * evaluation passes the gold day's own number of topics, which favours this baseline).
 */
export function plainKmeans(papers: readonly BaselinePaper[], k: number): BaselineGrouping {
  const { rows } = topicVectors(papers);
  if (papers.length <= k || (rows[0]?.length ?? 0) === 0)
    return { groups: [papers.map((_, i) => i)], other: [] };
  const labels = clusterK(rows, k);
  const groups: number[][] = [];
  labels.forEach((l, i) => {
    const group = groups[l] ?? [];
    group.push(i);
    groups[l] = group;
  });
  return { groups: groups.filter((g) => g?.length), other: [] };
}
