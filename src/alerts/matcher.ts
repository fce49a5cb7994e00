/**
 * Many channels' watches against a day's new papers, in one pass: each distinct watch text is
 * planned once (a thousand channels watching "LLM agents" cost one), each paper is analyzed once,
 * and every (watch, paper) pair that passes the watch's filters is scored by the watch model. A
 * paper alerts when its probability reaches the model's threshold.
 */
import type { RelevanceContext } from "./relevance-context.js";
import type { PreparedWatch } from "./watch-features.js";
import { relevance, type WatchModel } from "./watch-model.js";

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
  const planned = new Map<string, PreparedWatch | null>();
  // Scores per distinct text and paper: two channels with the same watch share them.
  const scores = new Map<string, Float64Array>();
  for (const w of watches) {
    const text = normalized(w.query);
    if (!planned.has(text)) planned.set(text, context.watch(w.query));
    const watch = planned.get(text);
    if (!watch) continue;
    let row = scores.get(text);
    if (!row) {
      row = new Float64Array(papers.length).fill(Number.NaN);
      scores.set(text, row);
    }
    const hits: WatchHit[] = [];
    papers.forEach((p, i) => {
      if (p.createdAt < w.createdAt) return;
      if (w.hasCode && !p.hasCode) return;
      if ((w.since && p.date < w.since) || (w.until && p.date > w.until)) return;
      let s = (row as Float64Array)[i] as number;
      if (Number.isNaN(s)) {
        const paper = prepared.get(p.pk);
        s = paper ? relevance(model, watch, paper) : 0;
        (row as Float64Array)[i] = s;
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
