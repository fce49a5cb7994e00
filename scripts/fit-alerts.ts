/**
 * Fits the watch model (src/alerts/watch-weights.json) and chooses the alert threshold.
 *
 * Train: each SciTLDR train paper's title and gold TL;DR are watches whose one right paper is that
 * paper; every train abstract is a candidate (the archive's statistics come from train + dev, as
 * in search's eval). A pointwise logistic regression over the watch features
 * (src/alerts/watch-features.ts, the product's code) is fitted on, per watch, the right paper, the
 * 30 candidates with the highest IDF coverage and 60 others drawn at random, weighted by how many
 * candidates each stands for (so the loss is that of every pair). L2 from a grid by 5-fold
 * cross-validation on train (folds by paper), on weighted log-loss.
 * Dev: the same watches of dev papers against every dev abstract (every pair scored); the
 * threshold is the one with the best F1 there. Then the topic gold days are scored as a check that
 * nothing was tuned on: short topical watches ("Agents & tool use").
 *   npx tsx scripts/fit-alerts.ts [--train F] [--dev F] [--write | --out F] [--topics DIR] [--digests DIR]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { WATCH_FEATURES, WATCH_WEIGHTS, watchFeatures } from "../src/alerts/watch-features.js";
import {
  type AlertFigures,
  bestThreshold,
  figuresAt,
  type GoldDay,
  scitldrWatchSet,
  scoreSet,
  topicWatchSet,
  type WatchSet,
} from "../src/eval/alert-eval.js";
import { readEvalFile } from "../src/eval/data.js";
import { seeded } from "../src/random.js";
import { adamStep } from "./lib/adam.js";
import { fitDay, parseFitArgs, writeWeights } from "./lib/fit-cli.js";

const args = parseFitArgs(
  { train: "../shared/eval/scitldr/train.jsonl", dev: "../shared/eval/scitldr/dev.jsonl" },
  {
    topics: { type: "string", default: "../shared/eval/topics" },
    digests: { type: "string", default: "../shared/digests" },
    l2: { type: "string", default: "0,0.001,0.01" },
    iters: { type: "string", default: "300" },
    folds: { type: "string", default: "5" },
  },
);
const L2S = String(args.extra.l2).split(",").map(Number);
const ITERS = Number(args.extra.iters);
const FOLDS = Number(args.extra.folds);
const HARD = 30;
const RANDOM = 60;

interface Sample {
  row: number[];
  y: 0 | 1;
  w: number;
  /** The watch's paper, for folds. */
  paper: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dotRow = (w: readonly number[], row: readonly number[]) => {
  let s = 0;
  for (let j = 0; j < row.length; j++) s += (w[j] as number) * (row[j] as number);
  return s;
};

function samplesOf(set: WatchSet): Sample[] {
  const random = seeded(7);
  const out: Sample[] = [];
  for (const c of set.cases) {
    const watch = set.context.watch(c.text);
    if (!watch) continue;
    const paper = [...c.relevant][0] as number;
    const rows: { row: number[]; right: boolean }[] = c.candidates.map((pk) => ({
      row: watchFeatures(watch, set.prepared.get(pk) as NonNullable<ReturnType<typeof set.prepared.get>>),
      right: c.relevant.has(pk),
    }));
    const others = rows.filter((r) => !r.right);
    // idfCoverage (then semantic) orders the hard negatives: what a lexical match would alert on.
    others.sort(
      (a, b) => (b.row[1] as number) - (a.row[1] as number) || (b.row[4] as number) - (a.row[4] as number),
    );
    for (const r of rows) if (r.right) out.push({ row: r.row, y: 1, w: 1, paper });
    for (const r of others.slice(0, HARD)) out.push({ row: r.row, y: 0, w: 1, paper });
    const rest = others.slice(HARD);
    const k = Math.min(RANDOM, rest.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(random() * (rest.length - i));
      [rest[i], rest[j]] = [rest[j] as (typeof rest)[number], rest[i] as (typeof rest)[number]];
      out.push({ row: (rest[i] as (typeof rest)[number]).row, y: 0, w: rest.length / k, paper });
    }
  }
  return out;
}

/** The samples as flat typed arrays: the fit runs hundreds of passes over them. */
interface Matrix {
  x: Float64Array;
  y: Uint8Array;
  w: Float64Array;
  rows: number;
}

function matrixOf(samples: readonly Sample[]): Matrix {
  const d = WATCH_FEATURES.length;
  const x = new Float64Array(samples.length * d);
  const y = new Uint8Array(samples.length);
  const w = new Float64Array(samples.length);
  samples.forEach((s, i) => {
    x.set(s.row, i * d);
    y[i] = s.y;
    w[i] = s.w;
  });
  return { x, y, w, rows: samples.length };
}

function fitLogistic(samples: readonly Sample[], l2: number): number[] {
  const d = WATCH_FEATURES.length;
  const { x, y, w: sw, rows } = matrixOf(samples);
  const w = new Float64Array(d);
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  let total = 0;
  for (let i = 0; i < rows; i++) total += sw[i] as number;
  const g = new Float64Array(d);
  for (let it = 1; it <= ITERS; it++) {
    g.fill(0);
    for (let i = 0; i < rows; i++) {
      const at = i * d;
      let z = 0;
      for (let j = 0; j < d; j++) z += (w[j] as number) * (x[at + j] as number);
      const err = (1 / (1 + Math.exp(-z)) - (y[i] as number)) * ((sw[i] as number) / total);
      for (let j = 0; j < d; j++) g[j] = (g[j] as number) + err * (x[at + j] as number);
    }
    // The bias is not regularized: it only sets the prior.
    for (let j = 1; j < d; j++) g[j] = (g[j] as number) + l2 * (w[j] as number);
    adamStep(w, g, m, v, it, 0.1, 0);
  }
  return [...w];
}

function logLoss(samples: readonly Sample[], w: readonly number[]): number {
  let loss = 0;
  let total = 0;
  for (const s of samples) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(dotRow(w, s.row))));
    loss += s.w * -(s.y ? Math.log(p) : Math.log(1 - p));
    total += s.w;
  }
  return loss / total;
}

const show = (name: string, f: AlertFigures) =>
  console.log(
    `${name.padEnd(44)} P ${f.precision.toFixed(3)}  R ${f.recall.toFixed(3)}  F1 ${f.f1.toFixed(3)}  (threshold ${f.threshold}; ${f.found}/${f.relevant} right papers, ${f.alerts} alerts, ${f.perWatchDay} per watch and 70-paper day)`,
  );

function goldDays(): GoldDay[] {
  const dir = String(args.extra.topics);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .flatMap((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
        day: string;
        topics: GoldDay["topics"];
      };
      const digest = join(String(args.extra.digests), `${gold.day}.expected.json`);
      if (!existsSync(digest)) return [];
      const papers = (JSON.parse(readFileSync(digest, "utf8")) as { papers: GoldDay["papers"] }).papers;
      return [{ papers, topics: gold.topics }];
    });
}

const train = readEvalFile(args.train);
const dev = readEvalFile(args.dev);
const started = performance.now();
const trainSet = scitldrWatchSet(train, dev);
const devSet = scitldrWatchSet(dev, train);
const days = goldDays();
const topicSet = days.length
  ? topicWatchSet(
      days,
      [...train, ...dev].map((p) => p.source.join(" ")),
    )
  : null;
console.log(
  `train: ${trainSet.cases.length} watches × ${train.length} papers; dev: ${devSet.cases.length} watches × ${dev.length} papers; archive statistics from ${devSet.papers} papers; topic days: ${days.length} (${topicSet?.cases.length ?? 0} watches); ${Math.round(performance.now() - started)} ms`,
);

// The blind rule, written before anything was fitted: alert when the paper holds words carrying
// at least half of the watch's information (IDF coverage >= 0.5).
const coverage = (set: WatchSet) => scoreSet(set, (wt, p) => watchFeatures(wt, p)[1] as number);
show("blind: IDF coverage >= 0.5, dev", figuresAt(devSet, coverage(devSet), 0.5));
if (topicSet) show("blind: IDF coverage >= 0.5, topic days", figuresAt(topicSet, coverage(topicSet), 0.5));

const samples = samplesOf(trainSet);
console.log(`${samples.length} training rows`);
let best = { l2: L2S[0] as number, loss: Number.POSITIVE_INFINITY };
// One value given (`--l2 0`): nothing to choose, so no cross-validation (a refit at the chosen value).
for (const l2 of L2S.length > 1 ? L2S : []) {
  let loss = 0;
  for (let k = 0; k < FOLDS; k++) {
    const w = fitLogistic(
      samples.filter((s) => s.paper % FOLDS !== k),
      l2,
    );
    loss += logLoss(
      samples.filter((s) => s.paper % FOLDS === k),
      w,
    );
  }
  console.log(`L2 ${l2}: ${FOLDS}-fold CV log-loss ${(loss / FOLDS).toFixed(6)}`);
  if (loss < best.loss) best = { l2, loss };
}
const weights = fitLogistic(samples, best.l2);
console.log(WATCH_FEATURES.map((f, j) => `${f} ${(weights[j] as number).toFixed(3)}`).join(", "));
const model = (set: WatchSet) => scoreSet(set, (wt, p) => sigmoid(dotRow(weights, watchFeatures(wt, p))));
const devScores = model(devSet);
const chosen = bestThreshold(devSet, devScores);
show("model, dev, best-F1 threshold", chosen);
for (const kind of ["title", "summary"]) {
  const cases = devSet.cases
    .map((c, k) => ({ c, s: devScores[k] as Float64Array }))
    .filter((x) => x.c.kind === kind);
  show(
    `  dev ${kind} watches`,
    figuresAt(
      { ...devSet, cases: cases.map((x) => x.c) },
      cases.map((x) => x.s),
      chosen.threshold,
    ),
  );
}
// Every train watch against every train abstract is 8M pairs (a quarter of an hour on a loaded
// laptop); a seeded sixth of the watches, still against every abstract, tells the same story.
const pick = seeded(11);
const trainSample: WatchSet = { ...trainSet, cases: trainSet.cases.filter(() => pick() < 1 / 6) };
const trainAt = figuresAt(trainSample, model(trainSample), chosen.threshold);
show(`model, train (${trainSample.cases.length} watches), same threshold`, trainAt);
const topicAt = topicSet ? figuresAt(topicSet, model(topicSet), chosen.threshold) : null;
if (topicSet && topicAt) {
  show("model, topic days, same threshold (held out)", topicAt);
  show("  (topic days at their own best threshold)", bestThreshold(topicSet, model(topicSet)));
}

const figures: Record<string, number> = {
  "dev precision": chosen.precision,
  "dev recall": chosen.recall,
  "dev F1": chosen.f1,
  "train precision (sample of watches)": trainAt.precision,
  "train recall (sample of watches)": trainAt.recall,
};
if (topicAt) {
  figures["topic days precision"] = topicAt.precision;
  figures["topic days recall"] = topicAt.recall;
}
writeWeights(args, WATCH_WEIGHTS.file, {
  model: WATCH_WEIGHTS.model,
  version: WATCH_WEIGHTS.version,
  fitted: {
    at: fitDay(),
    script: WATCH_WEIGHTS.script,
    data: `SciTLDR-A ${args.train}: each paper's title and first gold TL;DR as watches (${trainSet.cases.length}) against every train abstract (${train.length}), statistics from train + dev (${trainSet.papers}); threshold chosen on ${args.dev} (${devSet.cases.length} watches × ${dev.length} abstracts, every pair)`,
    method: `pointwise logistic regression on the right paper, the ${HARD} highest-IDF-coverage and ${RANDOM} random other candidates per watch (weighted to stand for every pair), Adam (${ITERS} steps, lr 0.1), L2 ${best.l2} ${L2S.length > 1 ? `by ${FOLDS}-fold CV on train (log-loss)` : "as given (--l2; chosen by 5-fold CV on train, docs/alerts.md)"}; threshold: best F1 on dev`,
    figures,
  },
  features: [...WATCH_FEATURES],
  weights,
  settings: { threshold: chosen.threshold },
});
