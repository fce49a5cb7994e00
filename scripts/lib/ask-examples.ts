/**
 * The question sets as the answer model's fit sees them (scripts/fit-ask.ts): each question read
 * against its paper exactly as `ask` reads it, the listwise fit, folds grouped by paper, the
 * writer's-set groups and the hit rates. Kept apart from the script so that a second stage over
 * the answer model (round 6 tried one: commit 5fbed30, scripts/fit-ask-pairs.ts) is fitted and
 * scored on the same examples and the same splits.
 */
import { readFileSync } from "node:fs";
import { type AnswerInput, answerFromRanking, prepareAnswer, type Ranking } from "../../src/ask/answer.js";
import { FEATURES } from "../../src/ask/features.js";
import type { AnswerModel } from "../../src/ask/model.js";
import {
  isHit,
  paperOf,
  QUESTION_FILES,
  type Question,
  questionArchive,
  SET_ASIDE,
} from "../../test/ask/question-set.js";
import { adamStep } from "./adam.js";

export const ITERATIONS = 400;
export const LEARNING_RATE = 0.05;

/** The question set kept aside (SET_ASIDE in test/ask/question-set.ts): never fitted or chosen on. */
const NEVER_FITTED = SET_ASIDE ? new RegExp(`${SET_ASIDE.replace(/[.]/g, "\\.")}$`) : /^$/;

/** Every question file that may be fitted on, comma-separated (tuning set and held-out sets). */
export const FITTED_SETS = QUESTION_FILES.filter((f) => !NEVER_FITTED.test(f))
  .map((f) => `test/ask/${f}`)
  .join(",");

/**
 * The questions of one or more files (comma-separated). A held-out set fitted on becomes a round
 * of its own (10 + its number), so leave-one-round-out scores it as one writer's questions.
 */
export function loadQuestionFiles(paths: string): Question[] {
  return paths.split(",").flatMap((path) => {
    if (NEVER_FITTED.test(path))
      throw new Error(`${path} is kept aside for the final figure; never fit on it`);
    const held = /questions-holdout(\d*)\.json$/.exec(path);
    const round = held ? 10 + Number(held[1] || 1) : null;
    const questions = (JSON.parse(readFileSync(path, "utf8")) as { questions: Question[] }).questions;
    return round === null ? questions : questions.map((q) => ({ ...q, round }));
  });
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, " ");

export interface Example {
  q: Question;
  /** Weight in the fit (a rewording of a tuning question weighs less). */
  weight: number;
  paper: string;
  /** Decided before ranking: its hit is fixed. */
  decided: boolean | null;
  ranking: Ranking | null;
  /** Rows of the sentences that may answer, and which of them a reader accepts. */
  rows: Float64Array[];
  gold: number[];
}

let engine: ReturnType<typeof questionArchive> | null = null;

/** The paper a question is about, as `ask` gets it, and its id (the folds group by it). */
export function inputOf(q: Question): AnswerInput & { id: string } {
  engine ??= questionArchive();
  const paper = paperOf(engine, q);
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    links: paper.links,
    code: paper.code,
    sourceSummary: paper.sourceSummary,
  };
}

export function closeArchive(): void {
  engine?.close();
  engine = null;
}

export function prepareExample(q: Question): Example {
  const input = inputOf(q);
  const prepared = prepareAnswer(input, q.question, []);
  const key = input.id;
  if ("answer" in prepared) {
    const a = prepared.answer;
    return {
      q,
      weight: 1,
      paper: key,
      decided: isHit(q, { text: a.text, evidence: a.evidence, stated: a.stated }),
      ranking: null,
      rows: [],
      gold: [],
    };
  }
  const r = prepared.ranking;
  const rows: Float64Array[] = [];
  const gold: number[] = [];
  const wanted = q.expect === null ? [] : (Array.isArray(q.expect) ? q.expect : [q.expect]).map(squash);
  // The source's summary is a candidate too (never an accepted one: the questions are answered
  // from the abstract), so the model learns how far to trust it.
  r.passages.forEach((p, i) => {
    if (p.source === "abstract" && !r.eligible[i]) return;
    if (p.source === "abstract" && wanted.some((w) => squash(p.shown).includes(w))) gold.push(rows.length);
    rows.push(r.rows[i] as Float64Array);
  });
  return { q, weight: 1, paper: key, decided: null, ranking: r, rows, gold };
}

/** Examples the model can learn from: answerable with an accepted sentence among the eligible, or unanswerable. */
export function learnable(e: Example): boolean {
  return e.ranking !== null && (e.q.expect === null || e.gold.length > 0);
}

export function dot(w: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) if (x[j] !== 0) s += (w[j] as number) * (x[j] as number);
  return s;
}

/**
 * The first stage: a listwise softmax over each question's eligible sentences plus declining,
 * full-batch Adam with L2. `keep` says which features may move (the others stay at 0).
 */
export function fitWeights(
  examples: readonly Example[],
  l2: number,
  keep: readonly boolean[] = FEATURES.map(() => true),
): Float64Array {
  const F = FEATURES.length;
  const w = new Float64Array(F);
  const m = new Float64Array(F);
  const v = new Float64Array(F);
  const data = examples.filter(learnable);
  const totalWeight = data.reduce((a, e) => a + e.weight, 0);
  for (let t = 1; t <= ITERATIONS; t++) {
    const g = new Float64Array(F);
    for (const e of data) {
      const r = e.ranking as Ranking;
      const rows = [...e.rows, r.decline];
      const z = rows.map((x) => dot(w, x));
      const max = Math.max(...z);
      const p = z.map((s) => Math.exp(s - max));
      const total = p.reduce((a, b) => a + b, 0);
      for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) / total;
      // Target: the accepted sentences in proportion to their current probability, or declining.
      const target = new Float64Array(rows.length);
      if (e.q.expect === null) target[rows.length - 1] = 1;
      else {
        const mass = e.gold.reduce((a, i) => a + (p[i] as number), 0);
        for (const i of e.gold) target[i] = (p[i] as number) / mass;
      }
      for (let i = 0; i < rows.length; i++) {
        const d = (p[i] as number) - (target[i] as number);
        if (d === 0) continue;
        const x = rows[i] as Float64Array;
        for (let j = 0; j < F; j++)
          if (x[j] !== 0) g[j] = (g[j] as number) + (e.weight * d * (x[j] as number)) / totalWeight;
      }
    }
    for (let j = 0; j < F; j++) if (!keep[j]) g[j] = 0;
    adamStep(w, g, m, v, t, LEARNING_RATE, l2);
  }
  return w;
}

/**
 * The model the evaluation scripts score a fitted weight vector with: margins 0 (declining scores
 * as it was fitted), the source's summary at margin 0, and the shipped complement gap.
 */
export function atMarginZero(weights: Float64Array): AnswerModel {
  return { weights, margin: 0, summaryMargin: 0, complementGap: 1 };
}

export function hit(e: Example, model: AnswerModel): boolean {
  if (e.decided !== null) return e.decided;
  const a = answerFromRanking(e.ranking as Ranking, model);
  return isHit(e.q, { text: a.text, evidence: a.evidence, stated: a.stated });
}

export interface Rates {
  answerable: number;
  unanswerable: number;
  balanced: number;
}

export function ratesOf(hits: readonly { e: Example; hit: boolean }[]): Rates {
  let a = 0;
  let an = 0;
  let u = 0;
  let un = 0;
  for (const { e, hit: h } of hits) {
    if (e.q.expect === null) {
      un++;
      if (h) u++;
    } else {
      an++;
      if (h) a++;
    }
  }
  const answerable = an ? a / an : 0;
  const unanswerable = un ? u / un : 0;
  return { answerable, unanswerable, balanced: (answerable + unanswerable) / 2 };
}

/** Folds by paper, balanced by question count (largest papers first, each to the smallest fold). */
export function paperFolds(examples: readonly Example[], k: number): number[] {
  const byPaper = new Map<string, number>();
  for (const e of examples) byPaper.set(e.paper, (byPaper.get(e.paper) ?? 0) + 1);
  const sizes = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const [paper, n] of [...byPaper].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const f = sizes.indexOf(Math.min(...sizes));
    foldOf.set(paper, f);
    sizes[f] = (sizes[f] as number) + n;
  }
  return examples.map((e) => foldOf.get(e.paper) as number);
}

/**
 * A writer's set: the tuning set (one file, rounds 1-6) and each held-out set fitted on (rounds
 * 11+). Leaving one out is the closest proxy for a new writer's questions.
 */
export const setOf = (e: Pick<Example, "q">) =>
  (e.q.round ?? 1) >= 11 ? `held-out ${(e.q.round as number) - 10}` : "tuning";

/** A question's key in a run saved by scripts/loso-ask.ts --save (read by --compare, compare-ask-runs). */
export const runKeyOf = (e: Pick<Example, "q" | "paper">) => `${setOf(e)}|${e.paper}|${e.q.question}`;

export const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
