/**
 * Topics of a set of papers (a day, or a range of days): TF-IDF rows reduced by LSA, grouped by
 * average linkage (up to 150 papers) or k-means (past that), k chosen by silhouette, then shaped
 * (sizes, "Other") and labelled from the papers' own key phrases. The choice was measured
 * (`npm run bench`: agreement with a person's grouping of 2026-02-03, alone and inside a week).
 * Deterministic: the same papers in the same order always give the same topics.
 *
 * Small sets: 1–3 papers make one topic; 4–9 papers make 2 or 3 topics without "Other"; from 10
 * papers on there are 3 to 10 topics, "Other" (at most 20% of the papers) included, and from 30
 * papers on no topic holds more than 40% of them.
 */
import { chooseClustering, similarities } from "./cluster.js";
import { labelClusters } from "./labels.js";
import { lsaRows } from "./lsa.js";
import { paperPhrases } from "./phrases.js";
import { shapeClusters } from "./shape.js";
import { topicVectors } from "./vectors.js";

export interface TopicInput {
  pk: number;
  id: string;
  title: string;
  abstract: string;
}

export interface Topic {
  label: string;
  /** Primary keys of the topic's papers, in input order. */
  pks: number[];
  /** True for the catch-all group. */
  other: boolean;
}

export const OTHER_LABEL = "Other";
export const MIN_TOPICS = 3;
export const MAX_TOPICS = 10;
export const MAX_TOPIC_SHARE = 0.4;
export const MAX_OTHER_SHARE = 0.2;
/** From this many papers on, topics are shaped in full (3–10 topics, "Other"). */
export const FULL_ROUNDUP = 10;
const LARGE_DAY = 30;
const MAX_LINKAGE_PAPERS = 150;

function titleFallback(papers: readonly TopicInput[]) {
  return (members: readonly number[]) => {
    const words = (papers[members[0] as number]?.title ?? "").split(/\s+/).slice(0, 4).join(" ");
    return words || "Untitled papers";
  };
}

export interface TopicOptions {
  /** Cluster the TF-IDF rows themselves, or their LSA coordinates. */
  space?: "tfidf" | "lsa";
  /** LSA dimensions. */
  dims?: number;
  /** Fixed number of clusters (for measuring); default: chosen by silhouette. */
  k?: number;
  method?: "kmeans" | "agglomerative";
  /** Below this mean TF-IDF cosine to the rest of its topic a paper may go to "Other". */
  stragglerCosine?: number;
  /** ...and below this share of the median paper's mean cosine to its topic. */
  stragglerShare?: number;
}

/** LSA dimensions for n papers: about one per four papers, within [10, 40]. */
function lsaDims(n: number): number {
  return Math.max(10, Math.min(40, Math.round(n / 4)));
}

/** The space papers are clustered in, and their cluster per paper before shaping. */
function rawClusters(rows: number[][], o: TopicOptions): { space: number[][]; labels: number[] } {
  const n = rows.length;
  if (n <= 3 || (rows[0]?.length ?? 0) === 0) return { space: rows, labels: rows.map(() => 0) };
  const lsa = (o.space ?? "lsa") === "lsa";
  const space = lsa ? lsaRows(similarities(rows), o.dims ?? lsaDims(n)) : rows;
  // Average linkage follows a day's uneven topics; over a range it chains into two giant groups
  // (113 and 107 of 350 papers), where k-means keeps topics of comparable breadth.
  const method = o.method ?? (n <= MAX_LINKAGE_PAPERS ? "agglomerative" : "kmeans");
  const [minK, maxK] =
    n < FULL_ROUNDUP
      ? [2, Math.min(3, Math.floor(n / 2))]
      : [MIN_TOPICS, Math.min(MAX_TOPICS, Math.floor(n / 3))];
  const k = o.k ? [o.k, o.k] : [minK, maxK];
  return { space, labels: chooseClustering(space, k[0] as number, k[1] as number, method).labels };
}

export function groupTopics(papers: readonly TopicInput[], options: TopicOptions = {}): Topic[] {
  if (papers.length === 0) return [];
  const { rows } = topicVectors(papers);
  const n = papers.length;
  const { space, labels } = rawClusters(rows, options);
  const full = n >= FULL_ROUNDUP;
  const shaped = shapeClusters(space, rows, labels, {
    minTopics: full ? MIN_TOPICS : 1,
    maxTopics: full ? MAX_TOPICS : 3,
    maxShare: n >= LARGE_DAY ? MAX_TOPIC_SHARE : null,
    otherShare: full ? MAX_OTHER_SHARE : 0,
    minSize: full ? Math.max(2, Math.round(0.03 * n)) : 1,
    stragglerCosine: options.stragglerCosine ?? 0.08,
    stragglerShareOfTypical: options.stragglerShare ?? 0.6,
  });
  const phrases = papers.map((p) => paperPhrases(p.title, p.abstract));
  const names = labelClusters(shaped.clusters, phrases, titleFallback(papers));
  const topics: Topic[] = shaped.clusters.map((members, t) => ({
    label: names[t] as string,
    pks: members.map((i) => (papers[i] as TopicInput).pk),
    other: false,
  }));
  if (shaped.other.length) {
    topics.push({
      label: OTHER_LABEL,
      pks: shaped.other.map((i) => (papers[i] as TopicInput).pk),
      other: true,
    });
  }
  return topics;
}
