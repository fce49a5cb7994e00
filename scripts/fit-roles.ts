/**
 * Fits the sentence-role model on CSAbstruct and writes src/roles/roles-weights.json.
 *
 *   npx tsx scripts/fit-roles.ts [--train train.jsonl] [--dev dev.jsonl] [--write | --out file.json]
 *                                [--test test.jsonl]
 *
 * Model: a linear-chain CRF over an abstract's sentences (src/roles/chain.ts): per-sentence
 * emission weights for each role over the features of src/roles/features.ts (words, opening
 * words, position, length, the neighbours' opening words) plus a weight for each pair of
 * consecutive roles. Trained by full-batch Adam on the conditional log-likelihood with L2.
 * The vocabulary cut (minimum count) and L2 are chosen on dev accuracy; the model is fitted on
 * train only. `--test` scores the chosen model on test once and records the figure; use it at
 * the end, not to choose anything.
 */
import { readFileSync } from "node:fs";
import { marginals, viterbi } from "../src/roles/chain.js";
import { abstractFeatures } from "../src/roles/features.js";
import { ROLE_WEIGHTS, ROLES } from "../src/roles/model.js";
import { adamStep } from "./lib/adam.js";
import { fitDay, parseFitArgs, writeWeights } from "./lib/fit-cli.js";

const DATA = "../shared/eval/csabstruct";
const ITERATIONS = 150;
const LEARNING_RATE = 0.05;
const MIN_COUNTS = [10, 20];
const L2S = [0.003, 0.006];
const K = ROLES.length;

interface Abstract {
  feats: string[][];
  labels: number[];
}

interface Encoded {
  x: Int32Array[];
  y: number[];
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function read(path: string): Abstract[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((line, n) => {
      const row = JSON.parse(line) as { sentences: string[]; labels: string[] };
      const labels = row.labels.map((l) => {
        const i = (ROLES as readonly string[]).indexOf(l);
        if (i < 0) throw new Error(`${path}:${n + 1}: unknown role ${l}`);
        return i;
      });
      return { feats: abstractFeatures(row.sentences), labels };
    });
}

function vocabulary(train: Abstract[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const a of train) for (const f of a.feats) for (const k of f) counts.set(k, (counts.get(k) ?? 0) + 1);
  const lexical = (k: string) => /^(?:w|f|f2|pf|nf):/.test(k);
  return [...counts]
    .filter(([k, c]) => c >= (lexical(k) ? minCount : 1))
    .map(([k]) => k)
    .sort();
}

function encode(data: Abstract[], index: Map<string, number>): Encoded[] {
  return data.map((a) => ({
    x: a.feats.map((f) => Int32Array.from(f.filter((k) => index.has(k)).map((k) => index.get(k) as number))),
    y: a.labels,
  }));
}

/** Parameters: emission weights w[c*F + f], then transitions t[a*K + b]. */
interface Params {
  F: number;
  w: Float64Array;
}

function scores(p: Params, seq: Encoded): { emit: Float64Array[]; trans: Float64Array[] } {
  const emit = seq.x.map((idx) => {
    const e = new Float64Array(K);
    for (let c = 0; c < K; c++) {
      let s = 0;
      for (const f of idx) s += p.w[c * p.F + f] as number;
      e[c] = s;
    }
    return e;
  });
  const trans = ROLES.map((_, a) => p.w.subarray(K * p.F + a * K, K * p.F + a * K + K));
  return { emit, trans };
}

function fitChain(train: Encoded[], F: number, l2: number): Params {
  const p: Params = { F, w: new Float64Array(K * F + K * K) };
  const m = new Float64Array(p.w.length);
  const v = new Float64Array(p.w.length);
  const sentences = train.reduce((s, q) => s + q.y.length, 0);
  for (let t = 1; t <= ITERATIONS; t++) {
    const g = new Float64Array(p.w.length);
    for (const seq of train) {
      const { emit, trans } = scores(p, seq);
      const mg = marginals(emit, trans, true);
      seq.x.forEach((idx, i) => {
        const node = mg.node[i] as Float64Array;
        for (let c = 0; c < K; c++) {
          const d = (node[c] as number) - (seq.y[i] === c ? 1 : 0);
          if (d === 0) continue;
          for (const f of idx) g[c * F + f] = (g[c * F + f] as number) + d;
        }
        if (i > 0) {
          const pair = mg.pair[i - 1] as Float64Array;
          const seen = (seq.y[i - 1] as number) * K + (seq.y[i] as number);
          for (let ab = 0; ab < K * K; ab++) {
            const j = K * F + ab;
            g[j] = (g[j] as number) + (pair[ab] as number) - (ab === seen ? 1 : 0);
          }
        }
      });
    }
    for (let j = 0; j < g.length; j++) g[j] = (g[j] as number) / sentences;
    adamStep(p.w, g, m, v, t, LEARNING_RATE, l2);
  }
  return p;
}

function accuracy(p: Params, data: Encoded[], confusion?: number[][]): number {
  let right = 0;
  let all = 0;
  for (const seq of data) {
    const { emit, trans } = scores(p, seq);
    const path = viterbi(emit, trans);
    path.forEach((c, i) => {
      all++;
      if (c === seq.y[i]) right++;
      const row = confusion?.[seq.y[i] as number];
      if (row) row[c] = (row[c] as number) + 1;
    });
  }
  return all ? right / all : 0;
}

const args = parseFitArgs(
  { train: `${DATA}/train.jsonl`, dev: `${DATA}/dev.jsonl` },
  { test: { type: "string" } },
);
const train = read(args.train);
const dev = read(args.dev);
log(`train: ${train.length} abstracts; dev: ${dev.length}`);

let best: { minCount: number; l2: number; dev: number; train: number; names: string[]; p: Params } | null =
  null;
for (const minCount of MIN_COUNTS) {
  const names = vocabulary(train, minCount);
  const index = new Map(names.map((k, i) => [k, i]));
  const tr = encode(train, index);
  const dv = encode(dev, index);
  for (const l2 of L2S) {
    const p = fitChain(tr, names.length, l2);
    const d = accuracy(p, dv);
    const a = accuracy(p, tr);
    log(
      `min count ${minCount} (${names.length} features), L2 ${l2}: train ${(100 * a).toFixed(2)}%, dev ${(100 * d).toFixed(2)}%`,
    );
    if (!best || d > best.dev) best = { minCount, l2, dev: d, train: a, names, p };
  }
}
if (!best) throw new Error("nothing fitted");
const confusion = ROLES.map(() => ROLES.map(() => 0));
accuracy(best.p, encode(dev, new Map(best.names.map((k, i) => [k, i]))), confusion);
log(`dev confusion (rows: gold ${ROLES.join(", ")}):\n${confusion.map((r) => r.join("\t")).join("\n")}`);
log(`chosen: min count ${best.minCount}, L2 ${best.l2} (dev ${(100 * best.dev).toFixed(2)}%)`);

const figures: Record<string, number> = {
  "train accuracy": round(100 * best.train, 2),
  "dev accuracy": round(100 * best.dev, 2),
};
const testPath = typeof args.extra.test === "string" ? args.extra.test : null;
if (testPath) {
  const test = read(testPath);
  const index = new Map(best.names.map((k, i) => [k, i]));
  const t = accuracy(best.p, encode(test, index));
  figures["test accuracy"] = round(100 * t, 2);
  log(`test: ${test.length} abstracts, accuracy ${(100 * t).toFixed(2)}%`);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const chosen = best;
const F = chosen.names.length;
const transitionNames = ROLES.map((r) => `prev=${r}`);
writeWeights(args, ROLE_WEIGHTS.file, {
  model: ROLE_WEIGHTS.model,
  version: ROLE_WEIGHTS.version,
  fitted: {
    at: fitDay(),
    script: ROLE_WEIGHTS.script,
    data: `CSAbstruct train.jsonl (${train.length} abstracts) fitted; dev.jsonl (${dev.length}) chose the vocabulary cut and L2${testPath ? "; test.jsonl scored once at the end" : ""}`,
    method: `linear-chain CRF (emissions per role + role-to-role transitions), conditional log-likelihood, L2 ${chosen.l2}, ${ITERATIONS} full-batch Adam steps (lr ${LEARNING_RATE}); lexical features seen at least ${chosen.minCount} times in train`,
    figures,
  },
  features: [...chosen.names, ...transitionNames],
  // Row of role b: its emission weights, then the weights of "previous sentence had role a".
  weights: Object.fromEntries(
    ROLES.map((role, b) => [
      role,
      [
        ...Array.from(chosen.p.w.subarray(b * F, b * F + F), (x) => round(x, 4)),
        ...ROLES.map((_, a) => round(chosen.p.w[K * F + a * K + b] as number, 4)),
      ],
    ]),
  ),
  settings: { roles: [...ROLES] },
});
