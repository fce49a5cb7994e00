/**
 * Fits the answer's second stage (src/ask/second-stage.ts): a pairwise logistic model over the
 * first stage's top 2-3 sentences, used only when the first stage answers. Writes
 * src/ask/pair-weights.json.
 *
 *   npx tsx scripts/fit-ask-pairs.ts --train test/ask/questions.json[,more.json…]
 *       [--l2 0.003] [--cache file.json] [--write | --out file.json]
 *
 * The second stage must learn the first stage's real mistakes, not its fit, so it is fitted on
 * out-of-fold candidates: each question's sentences scored by a first-stage model that never saw
 * its paper (5-fold cross-validation grouped by paper). Two validations, each nesting the second
 * stage inside the first's split: 5-fold CV grouped by paper (the second stage of fold f fitted on
 * the other folds' out-of-fold candidates), and leave one set out (each writer's set scored by a
 * first stage fitted without it, and a second stage fitted on the other sets' out-of-set
 * candidates). The settings (how many to compare, L2, or no second stage at all) are chosen on
 * leave-one-set-out by the one-standard-error rule: the plainest within one standard error of the
 * best, and "none" is the plainest.
 *
 * `--cache` keeps the first stage's fold weights (11 fits, minutes) between runs; it is refitted
 * when the questions or the features differ.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { answerFromRanking, chooseSentence, type Ranking } from "../src/ask/answer.js";
import { DECLINE_CHECK_FEATURES, declineCheckRow, declineProbability } from "../src/ask/decline-check.js";
import { FEATURES } from "../src/ask/features.js";
import { type AnswerModel, shippedAnswerModel } from "../src/ask/model.js";
import { PAIR_FEATURES, PAIR_WEIGHTS, type PairModel, pairRows } from "../src/ask/second-stage.js";
import { adamStep } from "./lib/adam.js";
import {
  closeArchive,
  dot,
  type Example,
  fitWeights,
  hit,
  loadQuestionFiles,
  log,
  paperFolds,
  pct,
  prepareExample,
  type Rates,
  ratesOf,
  setOf,
} from "./lib/ask-examples.js";
import { fitDay, parseFitArgs, writeWeights } from "./lib/fit-cli.js";

const FOLDS = 5;
const PAIR_ITERATIONS = 300;
const PAIR_LEARNING_RATE = 0.05;
const TOPS = [2, 3];
const PAIR_L2S = (process.env.ASK_PAIR_L2 ?? "0.001,0.003,0.01").split(",").map(Number);
const SWITCH_MARGINS = [0, 0.5, 1];

const args = parseFitArgs(
  { train: "test/ask/questions.json", dev: "cv" },
  { l2: { type: "string", default: "0.003" }, cache: { type: "string" } },
);
const FIRST_L2 = Number(args.extra.l2);

const train = loadQuestionFiles(args.train).map(prepareExample);
const shipped = shippedAnswerModel();
/** The first stage with other weights, the shipped margins. */
const firstStage = (weights: Float64Array): AnswerModel => ({ ...shipped, weights });
const fold = paperFolds(train, FOLDS);
const sets = [...new Set(train.map(setOf))];
log(`${train.length} questions on ${new Set(train.map((e) => e.paper)).size} papers, ${sets.length} sets`);

// The first stage's out-of-fold and out-of-set weights, cached.
const key = createHash("sha256")
  .update(JSON.stringify([args.train, FIRST_L2, FEATURES, train.map((e) => e.q.question)]))
  .digest("hex");
interface Cache {
  key: string;
  folds: number[][];
  sets: Record<string, number[]>;
}
const cachePath = typeof args.extra.cache === "string" ? args.extra.cache : null;
let cache: Cache | null = null;
if (cachePath && existsSync(cachePath)) {
  const read = JSON.parse(readFileSync(cachePath, "utf8")) as Cache;
  if (read.key === key) cache = read;
}
if (!cache) {
  const t0 = Date.now();
  cache = {
    key,
    folds: Array.from({ length: FOLDS }, (_, f) => [
      ...fitWeights(
        train.filter((_, i) => fold[i] !== f),
        FIRST_L2,
      ),
    ]),
    sets: Object.fromEntries(
      sets.map((s) => [
        s,
        [
          ...fitWeights(
            train.filter((e) => setOf(e) !== s),
            FIRST_L2,
          ),
        ],
      ]),
    ),
  };
  log(`first stage: ${FOLDS + sets.length} fits in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (cachePath) writeFileSync(cachePath, JSON.stringify(cache));
}
const foldModels = cache.folds.map((w) => firstStage(Float64Array.from(w)));
const setModels = new Map(sets.map((s) => [s, firstStage(Float64Array.from(cache.sets[s] as number[]))]));

/** A question with the first-stage model that scores it out of fold (or out of set). */
interface Scored {
  e: Example;
  model: AnswerModel;
  /** Places in `rows` of the eligible abstract sentences, best first by the first stage. */
  order: number[];
  scores: number[];
  /** Whether the first stage answers (a sentence beats declining). */
  answers: boolean;
}

function scoredOf(e: Example, model: AnswerModel): Scored {
  if (!e.ranking) return { e, model, order: [], scores: [], answers: false };
  const r = e.ranking;
  const scores = e.rows.map((x) => dot(model.weights, x));
  const order = e.rows
    .map((_, n) => n)
    .filter((n) => r.passages[e.at[n] as number]?.source === "abstract")
    .sort(
      (a, b) =>
        (scores[b] as number) - (scores[a] as number) ||
        (r.passages[e.at[a] as number]?.index ?? 0) - (r.passages[e.at[b] as number]?.index ?? 0),
    );
  const decline = dot(model.weights, r.decline) + model.margin;
  const answers = order.length > 0 && (scores[order[0] as number] as number) > decline;
  return { e, model, order, scores, answers };
}

const outOfFold = train.map((e, i) => scoredOf(e, foldModels[fold[i] as number] as AnswerModel));
const outOfSet = train.map((e) => scoredOf(e, setModels.get(setOf(e)) as AnswerModel));

interface Pair {
  x: Float64Array;
  y: number;
}

/** Training comparisons: an accepted sentence against a wrong one, both in the first stage's top. */
function pairsOf(list: readonly Scored[], top: number): Pair[] {
  const out: Pair[] = [];
  for (const s of list) {
    if ((!s.answers && process.env.ASK_PAIR_ALL !== "1") || s.e.q.expect === null) continue;
    const cands = s.order.slice(0, top);
    const gold = cands.map((n) => s.e.gold.includes(n));
    if (!gold.some(Boolean) || gold.every(Boolean)) continue;
    const rows = pairRows(
      s.e.ranking as Ranking,
      cands.map((n) => s.e.at[n] as number),
      cands.map((n) => s.scores[n] as number),
    );
    for (let a = 0; a < cands.length; a++)
      for (let b = 0; b < cands.length; b++)
        if (gold[a] && !gold[b]) {
          out.push({ x: rows[a]?.[b] as Float64Array, y: 1 });
          out.push({ x: rows[b]?.[a] as Float64Array, y: 0 });
        }
  }
  return out;
}

// For experiments: pair features whose names match ASK_PAIR_DROP (a regular expression) stay at 0.
const PAIR_DROP = process.env.ASK_PAIR_DROP ? new RegExp(process.env.ASK_PAIR_DROP) : null;
const PAIR_KEEP = PAIR_FEATURES.map((f) => !PAIR_DROP?.test(f));

function fitPairs(pairs: readonly Pair[], l2: number): Float64Array {
  const F = PAIR_FEATURES.length;
  const w = new Float64Array(F);
  const m = new Float64Array(F);
  const v = new Float64Array(F);
  if (!pairs.length) return w;
  for (let t = 1; t <= PAIR_ITERATIONS; t++) {
    const g = new Float64Array(F);
    for (const { x, y } of pairs) {
      const p = 1 / (1 + Math.exp(-dot(w, x)));
      const d = (p - y) / pairs.length;
      for (let j = 0; j < F; j++) if (x[j] !== 0) g[j] = (g[j] as number) + d * (x[j] as number);
    }
    for (let j = 0; j < F; j++) if (!PAIR_KEEP[j]) g[j] = 0;
    adamStep(w, g, m, v, t, PAIR_LEARNING_RATE, l2);
  }
  return w;
}

const hitOf = (s: Scored, pairs: PairModel | null) => hit(s.e, s.model, pairs);

interface Setting {
  top: number;
  l2: number;
  switchMargin: number;
}
const settings: (Setting | null)[] = [
  null,
  ...TOPS.flatMap((top) =>
    PAIR_L2S.flatMap((l2) => SWITCH_MARGINS.map((switchMargin) => ({ top, l2, switchMargin }))),
  ),
];
const label = (s: Setting | null) =>
  s ? `top ${s.top}, L2 ${s.l2}, switch margin ${s.switchMargin}` : "no second stage";

/** The second stage of each group, fitted on the other groups' candidates (none: null). */
function nestedModels(
  list: readonly Scored[],
  groupOf: (i: number) => string,
  s: Setting | null,
): Map<string, PairModel | null> {
  const groups = [...new Set(list.map((_, i) => groupOf(i)))];
  if (!s) return new Map(groups.map((g) => [g, null]));
  return new Map(
    groups.map((g) => [
      g,
      {
        weights: fitPairs(
          pairsOf(
            list.filter((_, i) => groupOf(i) !== g),
            s.top,
          ),
          s.l2,
        ),
        top: s.top,
        switchMargin: s.switchMargin,
      },
    ]),
  );
}

/** Hits of every question under a setting, the second stage nested in the split given by `groupOf`. */
function nestedHits(list: readonly Scored[], groupOf: (i: number) => string, s: Setting | null): boolean[] {
  const models = nestedModels(list, groupOf, s);
  return list.map((x, i) => hitOf(x, models.get(groupOf(i)) ?? null));
}

const answerableN = train.filter((e) => e.q.expect !== null).length;
const unanswerableN = train.length - answerableN;
const se = (r: Rates) =>
  0.5 *
  Math.sqrt(
    (r.answerable * (1 - r.answerable)) / answerableN +
      (r.unanswerable * (1 - r.unanswerable)) / unanswerableN,
  );

const byFold = (i: number) => String(fold[i]);
const bySet = (i: number) => setOf(train[i] as Example);
const results = settings.map((s) => {
  const cvHits = nestedHits(outOfFold, byFold, s);
  const setHits = nestedHits(outOfSet, bySet, s);
  const cv = ratesOf(train.map((e, i) => ({ e, hit: cvHits[i] as boolean })));
  const loso = ratesOf(train.map((e, i) => ({ e, hit: setHits[i] as boolean })));
  log(
    `${label(s)}: CV ${pct(cv.answerable)} / ${pct(cv.unanswerable)}; leave one set out ${pct(loso.answerable)} / ${pct(loso.unanswerable)}`,
  );
  return { s, cv, loso, cvHits, setHits };
});
const bestLoso = results.reduce((a, b) => (b.loso.balanced > a.loso.balanced + 1e-9 ? b : a));
const within = results.filter((r) => r.loso.balanced >= bestLoso.loso.balanced - se(bestLoso.loso));
// Plainest: none, then fewer compared, then the largest switch margin, then the strongest L2.
const chosen = within.sort(
  (a, b) =>
    (a.s ? 1 : 0) - (b.s ? 1 : 0) ||
    (a.s?.top ?? 0) - (b.s?.top ?? 0) ||
    (b.s?.switchMargin ?? 0) - (a.s?.switchMargin ?? 0) ||
    (b.s?.l2 ?? 0) - (a.s?.l2 ?? 0),
)[0] as (typeof results)[number];
log(
  `best by leave one set out: ${label(bestLoso.s)} (balanced ${pct(bestLoso.loso.balanced)}, one standard error ${pct(se(bestLoso.loso))}); chosen: ${label(chosen.s)}`,
);

// What the chosen setting changes, against no second stage, per set and per intent.
const base = results[0] as (typeof results)[number];
for (const [name, hitsOf] of [
  ["CV", (r: typeof base) => r.cvHits],
  ["leave one set out", (r: typeof base) => r.setHits],
] as const) {
  const before = hitsOf(base);
  const after = hitsOf(bestLoso);
  let fixed = 0;
  let broken = 0;
  train.forEach((_, i) => {
    if (!before[i] && after[i]) fixed++;
    if (before[i] && !after[i]) broken++;
  });
  log(`${name}, ${label(bestLoso.s)} against none: ${fixed} fixed, ${broken} broken`);
  const perSet = sets.map((set) => {
    const idx = train.map((e, i) => (setOf(e) === set ? i : -1)).filter((i) => i >= 0);
    const r0 = ratesOf(idx.map((i) => ({ e: train[i] as Example, hit: before[i] as boolean })));
    const r1 = ratesOf(idx.map((i) => ({ e: train[i] as Example, hit: after[i] as boolean })));
    return `${set} ${pct(r0.answerable)}→${pct(r1.answerable)} / ${pct(r0.unanswerable)}→${pct(r1.unanswerable)}`;
  });
  log(`  per set: ${perSet.join("; ")}`);
  const intents = [...new Set(train.map((e) => e.q.intent))];
  const perIntent = intents
    .map((intent) => {
      const idx = train.map((e, i) => (e.q.intent === intent ? i : -1)).filter((i) => i >= 0);
      const h0 = idx.filter((i) => before[i]).length;
      const h1 = idx.filter((i) => after[i]).length;
      return { intent, n: idx.length, h0, h1 };
    })
    .sort((a, b) => b.n - a.n)
    .map((x) => `${x.intent} ${x.h0}→${x.h1}/${x.n}`);
  log(`  per intent: ${perIntent.join(", ")}`);
}

// Where the accepted sentence ranks among answering first stages, out of fold.
{
  const ranks = [0, 0, 0, 0];
  for (const s of outOfFold) {
    if (!s.answers || s.e.q.expect === null || !s.e.gold.length) continue;
    const first = s.order.findIndex((n) => s.e.gold.includes(n));
    const k = first < 0 ? 3 : Math.min(3, first);
    ranks[k] = (ranks[k] as number) + 1;
  }
  const n = ranks.reduce((a, b) => a + b, 0);
  log(
    `out of fold, answering, accepted sentence 1st ${ranks[0]}, 2nd ${ranks[1]}, 3rd ${ranks[2]}, lower ${ranks[3]} of ${n}`,
  );
}

if (process.env.ASK_FIT_MISSES === "1") {
  // Questions the second stage changed, out of fold (held-out 6 is never read).
  train.forEach((e, i) => {
    if (base.cvHits[i] === bestLoso.cvHits[i]) return;
    const s = outOfFold[i] as Scored;
    const a = answerFromRanking(e.ranking as Ranking, s.model);
    log(
      `- [${bestLoso.cvHits[i] ? "fixed" : "broken"}] [${e.q.intent}] "${e.q.question}" expect ${JSON.stringify(e.q.expect)}\n    first stage: ${a.text.slice(0, 160)}`,
    );
  });
}

// Declining, looked at again: a check on the sentence the two stages would answer with (the best
// second-stage setting by leave one set out), nested in the same splits.
const THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5];
const CHECK_L2 = 0.01;
interface Answered {
  row: Float64Array;
  /** 1: unanswerable; 0: answerable and answered right; null: answerable and answered wrong. */
  y: number | null;
}
function answeredOf(s: Scored, pairs: PairModel | null, isHitNow: boolean): Answered | null {
  if (!s.e.ranking) return null;
  const { best, decline } = chooseSentence(s.e.ranking, s.model, pairs);
  if (!best || best.score <= decline) return null;
  const row = declineCheckRow(s.e.ranking, s.e.ranking.passages.indexOf(best.passage), best.score - decline);
  return { row, y: s.e.q.expect === null ? 1 : isHitNow ? 0 : null };
}
function fitCheck(rows: readonly Answered[]): Float64Array {
  const F = DECLINE_CHECK_FEATURES.length;
  const w = new Float64Array(F);
  const m = new Float64Array(F);
  const v = new Float64Array(F);
  const data = rows.filter((a) => a.y !== null);
  for (let t = 1; t <= PAIR_ITERATIONS; t++) {
    const g = new Float64Array(F);
    for (const { row, y } of data) {
      const d = (1 / (1 + Math.exp(-dot(w, row))) - (y as number)) / data.length;
      for (let j = 0; j < F; j++) if (row[j] !== 0) g[j] = (g[j] as number) + d * (row[j] as number);
    }
    adamStep(w, g, m, v, t, PAIR_LEARNING_RATE, CHECK_L2);
  }
  return w;
}
const checkResults: { threshold: number; cv: Rates; loso: Rates }[] = [];
const checkSetting = bestLoso.s;
for (const [name, list, groupOf, baseHits] of [
  ["CV", outOfFold, byFold, bestLoso.cvHits],
  ["leave one set out", outOfSet, bySet, bestLoso.setHits],
] as const) {
  const pairModels = nestedModels(list, groupOf, checkSetting);
  const answered = list.map((s, i) =>
    answeredOf(s, pairModels.get(groupOf(i)) ?? null, baseHits[i] as boolean),
  );
  const groups = [...new Set(list.map((_, i) => groupOf(i)))];
  const checks = new Map(
    groups.map((g) => [
      g,
      fitCheck(answered.filter((a, i): a is Answered => a !== null && groupOf(i) !== g)),
    ]),
  );
  // Out-of-group unanswerable questions answered, by writer's set.
  const answeredUnanswerable = new Map<string, number>();
  list.forEach((s, i) => {
    if (s.e.q.expect === null && !baseHits[i])
      answeredUnanswerable.set(setOf(s.e), (answeredUnanswerable.get(setOf(s.e)) ?? 0) + 1);
  });
  log(
    `${name}: unanswerable questions answered, by set: ${[...answeredUnanswerable].map(([k, n]) => `${k} ${n}`).join(", ")}`,
  );
  for (const threshold of THRESHOLDS) {
    const hits = list.map((s, i) => {
      const a = answered[i];
      if (!a) return baseHits[i] as boolean;
      const check = { weights: checks.get(groupOf(i)) as Float64Array, threshold };
      return declineProbability(check, a.row) > threshold ? s.e.q.expect === null : (baseHits[i] as boolean);
    });
    const r = ratesOf(train.map((e, i) => ({ e, hit: hits[i] as boolean })));
    let slot = checkResults.find((c) => c.threshold === threshold);
    if (!slot) {
      slot = { threshold, cv: r, loso: r };
      checkResults.push(slot);
    }
    if (name === "CV") slot.cv = r;
    else slot.loso = r;
  }
}
// The other calibration: the first stage's own margin against declining (no second stage).
for (const margin of [0, 0.25, 0.5, 0.75, 1, 1.5, 2]) {
  const at = (list: readonly Scored[]) =>
    ratesOf(list.map((s) => ({ e: s.e, hit: hit(s.e, { ...s.model, margin }) })));
  const cv = at(outOfFold);
  const loso = at(outOfSet);
  log(
    `first stage alone, margin ${margin}: CV ${pct(cv.answerable)} / ${pct(cv.unanswerable)}; leave one set out ${pct(loso.answerable)} / ${pct(loso.unanswerable)}`,
  );
}
const baseFor = { cv: bestLoso.cv, loso: bestLoso.loso };
for (const c of checkResults) {
  const cost = (x: Rates, b: Rates) =>
    x.unanswerable > b.unanswerable
      ? ` (${((100 * (b.answerable - x.answerable)) / (100 * (x.unanswerable - b.unanswerable))).toFixed(2)} answerable points per declining point)`
      : "";
  log(
    `decline check at ${c.threshold} (${label(checkSetting)}): CV ${pct(c.cv.answerable)} / ${pct(c.cv.unanswerable)}${cost(c.cv, baseFor.cv)}; leave one set out ${pct(c.loso.answerable)} / ${pct(c.loso.unanswerable)}${cost(c.loso, baseFor.loso)}`,
  );
}

const final = chosen.s ?? bestLoso.s ?? { top: 2, l2: 0.01, switchMargin: 0 };
const weights = fitPairs(pairsOf(outOfFold, final.top), final.l2);
const finalModel: PairModel = { weights, top: final.top, switchMargin: final.switchMargin };
const fitted = ratesOf(outOfFold.map((s) => ({ e: s.e, hit: hitOf(s, finalModel) })));
log(
  `final second stage on the out-of-fold candidates: ${pct(fitted.answerable)} / ${pct(fitted.unanswerable)}`,
);
if (process.env.ASK_FIT_SHOW === "1") {
  const order = [...PAIR_FEATURES.keys()].sort(
    (a, b) => Math.abs(weights[b] as number) - Math.abs(weights[a] as number),
  );
  for (const j of order.slice(0, 30)) log(`  ${PAIR_FEATURES[j]} ${(weights[j] as number).toFixed(3)}`);
}
closeArchive();

const r4 = (x: number) => Number(x.toFixed(4));
writeWeights(args, PAIR_WEIGHTS.file, {
  model: PAIR_WEIGHTS.model,
  version: PAIR_WEIGHTS.version,
  fitted: {
    at: fitDay(),
    script: PAIR_WEIGHTS.script,
    data: `${args.train}: ${train.length} questions on ${new Set(train.map((e) => e.paper)).size} papers of the shared digests; fitted on the first stage's out-of-fold top ${final.top} (held-out 6 is never read)`,
    method: `pairwise logistic regression without bias over antisymmetric comparison features, full-batch Adam (${PAIR_ITERATIONS} steps, lr ${PAIR_LEARNING_RATE}), L2 ${final.l2}; candidates scored by a first stage (L2 ${FIRST_L2}) fitted without their paper (${FOLDS}-fold CV grouped by paper); settings chosen by leave-one-set-out nested in the first stage's split, the plainest within one standard error of the best (chosen: ${label(chosen.s)})`,
    figures: {
      questions: train.length,
      cv_answerable_before: r4(base.cv.answerable),
      cv_unanswerable_before: r4(base.cv.unanswerable),
      cv_answerable: r4(bestLoso.cv.answerable),
      cv_unanswerable: r4(bestLoso.cv.unanswerable),
      leave_one_set_out_answerable_before: r4(base.loso.answerable),
      leave_one_set_out_unanswerable_before: r4(base.loso.unanswerable),
      leave_one_set_out_answerable: r4(bestLoso.loso.answerable),
      leave_one_set_out_unanswerable: r4(bestLoso.loso.unanswerable),
    },
  },
  features: [...PAIR_FEATURES],
  weights: [...weights].map((x) => Number(x.toFixed(5))),
  settings: { top: final.top, switchMargin: final.switchMargin, chosen: chosen.s !== null },
});
