/**
 * Many channels' watches against a day's new papers, in one pass: each distinct watch text is
 * planned once (a thousand channels watching "LLM agents" cost one), each paper is analyzed once,
 * and every (watch, paper) pair that passes the watch's filters and shares a word with the watch is
 * scored by the watch model. A paper alerts when its probability reaches the model's threshold.
 */
import type { RelevanceContext } from "./relevance-context.js";
import { type PreparedWatch, sharingTerms } from "./watch-features.js";
import { relevance, unsharedCeiling, type WatchModel } from "./watch-model.js";

export interface WatchToMatch {
  /** The caller's key for it (e.g. "slack:C1:3"). */
  key: string;
  query: string;
  since?: string;
  until?: string;
  hasCode?: boolean;
  /** Only papers the archive first saw at or after this instant (ISO) are new to it. */
  createdAt: string;
}

export interface PaperToMatch {
  pk: number;
  /** YYYY-MM-DD digest date. */
  date: string;
  hasCode: boolean;
  /** When the archive first saw it (ISO). */
  createdAt: string;
}

export interface WatchHit {
  pk: number;
  score: number;
}

/** A watch's text as the matcher dedupes it: case and spacing do not make another query. */
function normalized(query: string): string {
  return query.trim().replace(/\s+/g, " ").toLowerCase();
}

/** A distinct watch text, planned once: its query side, the papers that may match, their scores. */
interface Planned {
  watch: PreparedWatch;
  /** Papers (by position) worth scoring; null: every paper (the model could alert on any). */
  candidates: Uint8Array | null;
  /** Scores by paper position, NaN until computed. */
  scores: Float64Array;
}

/** For each watch (by key), the papers that match it, best first; watches with none are left out. */
export function matchWatches(
  context: RelevanceContext,
  model: WatchModel,
  watches: readonly WatchToMatch[],
  papers: readonly PaperToMatch[],
): Map<string, WatchHit[]> {
  const out = new Map<string, WatchHit[]>();
  if (watches.length === 0 || papers.length === 0) return out;
  const prepared = context.papers(papers.map((p) => p.pk));
  // Which of the day's papers hold each term: most watches share a word with few of them, and a
  // paper that shares none cannot alert (unsharedCeiling), so only those few are scored.
  const holding = new Map<number, number[]>();
  papers.forEach((p, i) => {
    const paper = prepared.get(p.pk);
    if (!paper) return;
    for (const t of paper.tf.keys()) {
      const list = holding.get(t);
      if (list) list.push(i);
      else holding.set(t, [i]);
    }
  });
  const planned = new Map<string, Planned | null>();
  const plan = (query: string): Planned | null => {
    const text = normalized(query);
    let entry = planned.get(text);
    if (entry !== undefined) return entry;
    const watch = context.watch(query);
    entry = null;
    if (watch) {
      let candidates: Uint8Array | null = null;
      if (unsharedCeiling(model, watch) < model.threshold) {
        candidates = new Uint8Array(papers.length);
        for (const t of sharingTerms(watch)) for (const i of holding.get(t) ?? []) candidates[i] = 1;
      }
      entry = { watch, candidates, scores: new Float64Array(papers.length).fill(Number.NaN) };
    }
    planned.set(text, entry);
    return entry;
  };
  for (const w of watches) {
    const entry = plan(w.query);
    if (!entry) continue;
    const hits: WatchHit[] = [];
    papers.forEach((p, i) => {
      if (entry.candidates && entry.candidates[i] === 0) return;
      if (p.createdAt < w.createdAt) return;
      if (w.hasCode && !p.hasCode) return;
      if ((w.since && p.date < w.since) || (w.until && p.date > w.until)) return;
      let s = entry.scores[i] as number;
      if (Number.isNaN(s)) {
        const paper = prepared.get(p.pk);
        s = paper ? relevance(model, entry.watch, paper) : 0;
        entry.scores[i] = s;
      }
      if (s >= model.threshold) hits.push({ pk: p.pk, score: s });
    });
    if (hits.length)
      out.set(
        w.key,
        hits.sort((a, b) => b.score - a.score || a.pk - b.pk),
      );
  }
  return out;
}
