/**
 * How well saved-search alerts pick a day's papers: watches whose right papers are known, scored
 * against every candidate paper with the product's own code (relevance-context.ts,
 * watch-features.ts), then precision and recall of "alert when the score reaches the threshold".
 *
 * Two sets. SciTLDR (`scitldrWatchSet`): each paper's title and its first gold TL;DR are two
 * watches whose one right answer is that paper, matched against every abstract of the same split
 * (dev: 619 papers, about nine 70-paper days), with the archive's statistics from every abstract
 * given. A watch that names a paper's topic can fairly alert on other papers too, which count as
 * wrong here: precision is a lower bound. Topic gold days (`topicWatchSet`): each labelled topic
 * of a hand-grouped digest day is a watch ("Agents & tool use") whose right answers are the papers
 * of that topic, matched against that day's papers: short topical watches, as people write them.
 */

import { type RelevanceContext, relevanceContext } from "../alerts/relevance-context.js";
import type { PreparedPaper } from "../alerts/watch-features.js";
import { indexCandidates } from "../search/rank.js";
import type { EvalPaper } from "./data.js";
import { buildEvalIndex, type EvalDoc, fitEvalSemantic } from "./search-eval.js";

export interface WatchCase {
  text: string;
  /** Where the watch came from ("title", "summary", "topic"). */
  kind: string;
  /** Primary keys of the papers it should alert on. */
  relevant: ReadonlySet<number>;
  /** The papers it is matched against. */
  candidates: readonly number[];
}

export interface WatchSet {
  context: RelevanceContext;
  cases: WatchCase[];
  /** Papers the archive's statistics come from. */
  papers: number;
  /** Prepared papers by primary key (every candidate). */
  prepared: Map<number, PreparedPaper>;
}

/** An archive of these papers (pk = position + 1), as the evaluation's search index sees it. */
function contextOf(docs: readonly EvalDoc[]): {
  context: RelevanceContext;
  prepared: Map<number, PreparedPaper>;
} {
  const index = buildEvalIndex(docs);
  const semantic = fitEvalSemantic(index);
  const context = relevanceContext({ index, semantic, texts: indexCandidates(index, semantic) });
  const prepared = context.papers(docs.map((_, i) => i + 1));
  return { context, prepared };
}

/** Watches from `data` (title and first gold TL;DR of each paper) against `data`'s abstracts. */
export function scitldrWatchSet(data: readonly EvalPaper[], extra: readonly EvalPaper[] = []): WatchSet {
  const position = new Map<string, number>();
  const texts: EvalDoc[] = [];
  for (const p of [...data, ...extra]) {
    if (position.has(p.paperId)) continue;
    position.set(p.paperId, texts.length + 1);
    // The abstract alone: the title is one of the watches, and would find its paper by itself.
    texts.push({ title: "", abstract: p.source.join(" ") });
  }
  const candidates = [...new Set(data.map((p) => position.get(p.paperId) as number))];
  const cases: WatchCase[] = [];
  for (const p of data) {
    const relevant = new Set([position.get(p.paperId) as number]);
    if (p.title.trim()) cases.push({ text: p.title, kind: "title", relevant, candidates });
    cases.push({ text: p.target[0] as string, kind: "summary", relevant, candidates });
  }
  const { context, prepared } = contextOf(texts);
  return { context, cases, papers: texts.length, prepared };
}

export interface GoldDay {
  papers: { id: string; title: string; abstract: string }[];
  topics: { label: string; papers: string[] }[];
}

/** Each labelled topic of each day (not "Other") as a watch against that day's papers. */
export function topicWatchSet(days: readonly GoldDay[], background: readonly string[] = []): WatchSet {
  const texts: EvalDoc[] = [];
  const cases: WatchCase[] = [];
  const perDay = days.map((day) => {
    const pkOf = new Map<string, number>();
    for (const p of day.papers) {
      texts.push({ title: p.title, abstract: p.abstract });
      pkOf.set(p.id, texts.length);
    }
    return pkOf;
  });
  texts.push(...background.map((abstract) => ({ title: "", abstract })));
  days.forEach((day, d) => {
    const pkOf = perDay[d] as Map<string, number>;
    const candidates = [...pkOf.values()];
    for (const topic of day.topics) {
      if (/^other$/i.test(topic.label.trim())) continue;
      const relevant = new Set(topic.papers.flatMap((id) => pkOf.get(id) ?? []));
      cases.push({ text: topic.label, kind: "topic", relevant, candidates });
    }
  });
  const { context, prepared } = contextOf(texts);
  return { context, cases, papers: texts.length, prepared };
}

/** Per case, the score of each candidate (same order); a case whose text has no usable word scores 0. */
export function scoreSet(
  set: WatchSet,
  score: (watch: NonNullable<ReturnType<RelevanceContext["watch"]>>, paper: PreparedPaper) => number,
): Float64Array[] {
  return set.cases.map((c) => {
    const watch = set.context.watch(c.text);
    const out = new Float64Array(c.candidates.length);
    if (!watch) return out;
    c.candidates.forEach((pk, i) => {
      const paper = set.prepared.get(pk);
      out[i] = paper ? score(watch, paper) : 0;
    });
    return out;
  });
}

export interface AlertFigures {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  /** Alerts raised, and right papers found of those there were. */
  alerts: number;
  found: number;
  relevant: number;
  /** Alerts a watch raises per 70-paper day, on average. */
  perWatchDay: number;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Precision, recall and F1 of alerting on every candidate scoring at least `threshold`. */
export function figuresAt(set: WatchSet, scores: readonly Float64Array[], threshold: number): AlertFigures {
  let alerts = 0;
  let found = 0;
  let relevant = 0;
  let pairs = 0;
  set.cases.forEach((c, k) => {
    const s = scores[k] as Float64Array;
    relevant += c.relevant.size;
    pairs += c.candidates.length;
    c.candidates.forEach((pk, i) => {
      if ((s[i] as number) < threshold) return;
      alerts++;
      if (c.relevant.has(pk)) found++;
    });
  });
  const precision = alerts ? found / alerts : 0;
  const recall = relevant ? found / relevant : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    threshold: round(threshold),
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    alerts,
    found,
    relevant,
    perWatchDay: round(pairs ? (alerts / pairs) * 70 : 0),
  };
}

/** The threshold (among the scores seen) with the best F1, and its figures. */
export function bestThreshold(set: WatchSet, scores: readonly Float64Array[]): AlertFigures {
  const all: { s: number; right: boolean }[] = [];
  let relevant = 0;
  set.cases.forEach((c, k) => {
    const s = scores[k] as Float64Array;
    relevant += c.relevant.size;
    c.candidates.forEach((pk, i) => {
      all.push({ s: s[i] as number, right: c.relevant.has(pk) });
    });
  });
  all.sort((a, b) => b.s - a.s);
  let found = 0;
  let best = { f1: -1, threshold: Number.POSITIVE_INFINITY };
  for (let i = 0; i < all.length; i++) {
    const e = all[i] as { s: number; right: boolean };
    if (e.right) found++;
    // Only where the next score differs: a threshold takes every tie.
    if (i + 1 < all.length && (all[i + 1] as { s: number }).s === e.s) continue;
    const p = found / (i + 1);
    const r = relevant ? found / relevant : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    if (f1 > best.f1) best = { f1, threshold: e.s };
  }
  return figuresAt(set, scores, best.threshold);
}
