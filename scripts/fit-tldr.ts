/**
 * Fits the TL;DR model on SciTLDR train.jsonl and writes src/summary/tldr-weights.json.
 *
 *   npx tsx scripts/fit-tldr.ts [--train train.jsonl] [--dev dev.jsonl] [--write | --out file.json]
 *
 * Model: a listwise softmax over an abstract's sentences (a conditional logit): the probability of
 * picking a sentence is proportional to exp(w · features). It is trained by full-batch Adam to
 * match a soft target built from each sentence's ROUGE against the gold TL;DR (as it would be
 * printed: compressed and trimmed), with L2 regularization. Weights are fitted on train only;
 * the choices are made on dev ("fit on train, choose on dev"): temperature and L2, then the
 * rewrite rules and the length limits greedily, the scorer refitted on train with them, and the
 * rules checked once more. Without a dev file, the choices are made on train (temperature and L2
 * on a held-out fifth).
 * Titles are read with the abstracts (the title features and the paper's own name need them).
 * dev.jsonl is never fitted on: it only chooses, and its figure is printed at the end.
 */
import { existsSync } from "node:fs";
import { type EvalPaper, readEvalFile } from "../src/eval/data.js";
import { bestRougeF1Tokens, rougeTokens } from "../src/eval/rouge.js";
import { OPTIONAL_RULES, type RewriteContext } from "../src/summary/compress.js";
import { sentenceFeatures } from "../src/summary/features.js";
import { TLDR_WEIGHTS, type TldrModel } from "../src/summary/model.js";
import { abstractSentences } from "../src/summary/summarize.js";
import { titleName } from "../src/summary/title-name.js";
import { tldrOf, tldrOfSentence } from "../src/summary/tldr.js";
import { adamStep } from "./lib/adam.js";
import { fitDay, parseFitArgs, writeWeights } from "./lib/fit-cli.js";

const MIN_LEXICAL_COUNT = 30;
const ITERATIONS = 400;
const RULE_ORDER = OPTIONAL_RULES;
// A TL;DR is one sentence a reader takes in at a glance: 30 words at most, and a sentence no more
// than 5 words over is kept whole rather than cut (cutting saves little and can lose the point).
const MAX_WORDS_CHOICES = [20, 22, 25, 28, 30];
const KEEP_WHOLE_CHOICES = [0, 3, 5];

interface Item {
  title: string;
  context: RewriteContext;
  sentences: string[];
  golds: string[][];
  /** Per sentence: feature indices and values. */
  x: { idx: Int32Array; val: Float64Array }[];
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function quality(text: string, golds: string[][]): number {
  const r = bestRougeF1Tokens(rougeTokens(text), golds);
  return (r.rouge1 + r.rouge2 + r.rougeL) / 3;
}

function buildItems(papers: EvalPaper[]): { items: Item[]; names: string[] } {
  const raw = papers.map((p) => {
    const sentences = abstractSentences(p.source.join(" "), p.title);
    return {
      title: p.title,
      context: { name: titleName(p.title) },
      sentences,
      golds: p.target.map(rougeTokens),
      feats: sentenceFeatures(sentences, p.title),
    };
  });
  const counts = new Map<string, number>();
  for (const r of raw)
    for (const f of r.feats) for (const k of f.keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
  const lexical = (k: string) => /^(?:w|b|f|f2):/.test(k);
  const names = [...counts].filter(([k, c]) => !lexical(k) || c >= MIN_LEXICAL_COUNT).map(([k]) => k);
  const index = new Map(names.map((k, i) => [k, i]));
  const items = raw
    .filter((r) => r.sentences.length > 1)
    .map((r) => ({
      title: r.title,
      context: r.context,
      sentences: r.sentences,
      golds: r.golds,
      x: r.feats.map((f) => {
        const kept = [...f].filter(([k]) => index.has(k));
        return {
          idx: Int32Array.from(kept.map(([k]) => index.get(k) as number)),
          val: Float64Array.from(kept.map(([, v]) => v)),
        };
      }),
    }));
  return { items, names };
}

/** Papers to score only (dev): the pipeline computes its own features from the weights by name. */
function scoringItems(papers: EvalPaper[]): Item[] {
  return papers.map((p) => ({
    title: p.title,
    context: { name: titleName(p.title) },
    sentences: abstractSentences(p.source.join(" "), p.title),
    golds: p.target.map(rougeTokens),
    x: [],
  }));
}

function softmax(xs: number[]): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** Full-batch Adam on the listwise cross-entropy with soft ROUGE targets. */
function fitWeights(items: Item[], labels: number[][], dim: number, tau: number, l2: number): Float64Array {
  const w = new Float64Array(dim);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  const targets = labels.map((r) => softmax(r.map((x) => x / tau)));
  const lr = 0.05;
  for (let t = 1; t <= ITERATIONS; t++) {
    const g = new Float64Array(dim);
    items.forEach((item, k) => {
      const scores = item.x.map(({ idx, val }) => {
        let s = 0;
        for (let j = 0; j < idx.length; j++) s += (w[idx[j] as number] as number) * (val[j] as number);
        return s;
      });
      const p = softmax(scores);
      const q = targets[k] as number[];
      item.x.forEach(({ idx, val }, i) => {
        const d = ((p[i] as number) - (q[i] as number)) / items.length;
        for (let j = 0; j < idx.length; j++) {
          const at = idx[j] as number;
          g[at] = (g[at] as number) + d * (val[j] as number);
        }
      });
    });
    adamStep(w, g, m, v, t, lr, l2);
  }
  return w;
}

function toModel(w: Float64Array, names: string[], settings: Omit<TldrModel, "weights">): TldrModel {
  const weights: Record<string, number> = {};
  names.forEach((n, i) => {
    const x = Math.round((w[i] as number) * 1e4) / 1e4;
    if (Math.abs(x) >= 1e-3) weights[n] = x;
  });
  return { weights, ...settings };
}

/** Per sentence: the quality of the TL;DR it would make (0 when it cannot make one). */
function settingsOf(model: TldrModel): Omit<TldrModel, "weights"> {
  return { compression: model.compression, maxWords: model.maxWords, keepWholeWithin: model.keepWholeWithin };
}

function labelsFor(items: Item[], model: TldrModel): number[][] {
  return items.map((it) =>
    it.sentences.map((_, i) => {
      const t = tldrOfSentence(it.sentences, i, model, it.context);
      return t ? quality(t.text, it.golds) : 0;
    }),
  );
}

/** Mean quality (R1+R2+RL)/3 ×100 of the model's TL;DRs. */
function evaluate(items: Item[], model: TldrModel): number {
  let total = 0;
  for (const it of items) total += quality(tldrOf(it.sentences, model, it.title, it.context).text, it.golds);
  return (100 * total) / items.length;
}

/** ROUGE-1/2/L ×100 on every paper of a file, as `paperboy eval` reports them. */
function scoreFile(path: string, model: TldrModel): string {
  const papers = readEvalFile(path);
  const sum = { r1: 0, r2: 0, rl: 0 };
  for (const p of papers) {
    const sentences = abstractSentences(p.source.join(" "), p.title);
    const text = tldrOf(sentences, model, p.title, { name: titleName(p.title) }).text;
    const r = bestRougeF1Tokens(rougeTokens(text), p.target.map(rougeTokens));
    sum.r1 += r.rouge1;
    sum.r2 += r.rouge2;
    sum.rl += r.rougeL;
  }
  const f = (x: number) => ((100 * x) / papers.length).toFixed(2);
  return `${papers.length} papers: R-1 ${f(sum.r1)}, R-2 ${f(sum.r2)}, R-L ${f(sum.rl)}`;
}

function chooseRules(items: Item[], base: TldrModel): TldrModel {
  let model = { ...base, compression: [] as string[] };
  let best = evaluate(items, model);
  log(`  no optional rewrite: ${best.toFixed(2)}`);
  for (const rule of RULE_ORDER) {
    const trial = { ...model, compression: [...model.compression, rule] };
    const q = evaluate(items, trial);
    log(`  + ${rule}: ${q.toFixed(2)}`);
    if (q > best + 0.02) {
      best = q;
      model = trial;
    }
  }
  for (const maxWords of MAX_WORDS_CHOICES) {
    const trial = { ...model, maxWords };
    const q = evaluate(items, trial);
    log(`  maxWords ${maxWords}: ${q.toFixed(2)}`);
    if (q > best + 0.02 || (maxWords === model.maxWords && q >= best)) {
      best = q;
      model = trial;
    }
  }
  for (const keepWholeWithin of KEEP_WHOLE_CHOICES) {
    const trial = { ...model, keepWholeWithin };
    const q = evaluate(items, trial);
    log(`  keep whole within ${keepWholeWithin}: ${q.toFixed(2)}`);
    if (q > best + 0.02 || (keepWholeWithin === model.keepWholeWithin && q >= best)) {
      best = q;
      model = trial;
    }
  }
  log(
    `  chosen: [${model.compression.join(", ")}], maxWords ${model.maxWords}, keep whole within ${model.keepWholeWithin}: ${best.toFixed(2)}`,
  );
  return model;
}

function main(): void {
  const args = parseFitArgs(
    {
      train: "../shared/eval/scitldr/train.jsonl",
      dev: "../shared/eval/scitldr/dev.jsonl",
    },
    // For quick trials: fixed temperature and L2 (no grid), and fixed rules and length (no choice).
    {
      tau: { type: "string" },
      l2: { type: "string" },
      "max-words": { type: "string" },
      rules: { type: "string" },
      "keep-whole": { type: "string" },
      "keep-rules": { type: "boolean" },
    },
  );
  const fixed = {
    tau: args.extra.tau ? Number(args.extra.tau) : null,
    l2: args.extra.l2 ? Number(args.extra.l2) : null,
    maxWords: args.extra["max-words"] ? Number(args.extra["max-words"]) : 30,
    keepRules: Boolean(args.extra["keep-rules"]),
    rules: typeof args.extra.rules === "string" ? args.extra.rules.split(",").filter(Boolean) : [],
    keepWholeWithin: args.extra["keep-whole"] ? Number(args.extra["keep-whole"]) : 0,
  };
  const papers = readEvalFile(args.train);
  const { items, names } = buildItems(papers);
  log(`${papers.length} papers (${items.length} with 2+ sentences), ${names.length} features`);

  let model: TldrModel = {
    weights: {},
    compression: fixed.rules,
    maxWords: fixed.maxWords,
    keepWholeWithin: fixed.keepWholeWithin,
  };
  // Temperature and L2: fitted on train, chosen on dev; without a dev file, fitted on four fifths
  // of train and chosen on the fifth held out.
  const dev = existsSync(args.dev) ? scoringItems(readEvalFile(args.dev)) : null;
  const holdout = dev ?? items.filter((_, i) => i % 5 === 0);
  const fitPart = dev ? items : items.filter((_, i) => i % 5 !== 0);
  log(`tau and L2 chosen on ${dev ? `dev (${dev.length} papers)` : "a held-out fifth of train"}`);
  let bestConfig = { tau: fixed.tau ?? 0.2, l2: fixed.l2 ?? 0.03 };
  let bestQ = -1;
  for (const tau of fixed.tau !== null ? [] : [0.1, 0.2, 0.4]) {
    for (const l2 of fixed.l2 !== null ? [] : [0.01, 0.03, 0.1]) {
      const w = fitWeights(fitPart, labelsFor(fitPart, model), names.length, tau, l2);
      const q = evaluate(holdout, toModel(w, names, settingsOf(model)));
      log(`  tau ${tau} l2 ${l2}: ${dev ? "dev" : "held-out"} ${q.toFixed(2)}`);
      if (q > bestQ) {
        bestQ = q;
        bestConfig = { tau, l2 };
      }
    }
  }
  const { tau, l2 } = bestConfig;
  log(`chosen tau ${tau}, l2 ${l2}`);
  // Rewrite rules and length limits: chosen on dev too (on train without a dev file).
  for (let round = 1; round <= (fixed.keepRules ? 0 : 2); round++) {
    const w = fitWeights(items, labelsFor(items, model), names.length, tau, l2);
    model = toModel(w, names, settingsOf(model));
    log(`round ${round}: scorer fitted; choosing rewrites and length on ${dev ? "dev" : "train"}`);
    model = chooseRules(dev ?? items, model);
  }
  const final = fitWeights(items, labelsFor(items, model), names.length, tau, l2);
  const q = evaluate(items, toModel(final, names, settingsOf(model)));
  model = toModel(final, names, settingsOf(model));
  log(`train ${scoreFile(args.train, model)}`);
  if (existsSync(args.dev)) log(`dev (scored, never fitted) ${scoreFile(args.dev, model)}`);
  writeWeights(args, TLDR_WEIGHTS.file, {
    model: TLDR_WEIGHTS.model,
    version: TLDR_WEIGHTS.version,
    fitted: {
      at: fitDay(),
      script: TLDR_WEIGHTS.script,
      data: `SciTLDR-A ${args.train} (${papers.length} papers); dev (${args.dev}) only chose settings, never fitted`,
      method: `listwise softmax over an abstract's sentences, soft ROUGE targets (tau ${tau}), L2 ${l2}, ${ITERATIONS} full-batch Adam steps; tau, L2, rewrites and length chosen on ${dev ? "dev" : "train (tau and L2 on a held-out fifth)"}`,
      figures: { "train (R1+R2+RL)/3": Math.round(q * 100) / 100 },
    },
    features: Object.keys(model.weights),
    weights: Object.values(model.weights),
    settings: settingsOf(model),
  });
}

main();
