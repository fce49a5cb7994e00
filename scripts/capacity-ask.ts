/**
 * Round 10's capacity experiment (docs/ask.md, "Round 10: capacity, measured"): does a non-linear
 * ranker over the same features answer better than the linear model? Each candidate is fitted on
 * the same splits as scripts/loso-ask.ts (leave one writer's set out, and 5-fold CV grouped by
 * paper) at margins 0, and compared question by question with the linear model fitted on the
 * same split (fixes / breaks, and the paired difference's standard error).
 *
 *   npx tsx scripts/capacity-ask.ts --split loso|cv|both|fitted
 *     --configs "linear; mlp H=8 l2u=0.01 lr=0.01 steps=100,200,400; boost depth=2 rounds=100,200,400; bag bags=10"
 *
 * It never reads the set kept aside (NEVER_FITTED in scripts/lib/ask-examples.ts).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  fitBagged,
  fitBoost,
  fitLinear,
  fitMlp,
  hiddenResidual,
  hitWith,
  type ListItem,
  listItems,
  type Residual,
  treesResidual,
} from "./lib/ask-capacity.js";
import {
  closeArchive,
  type Example,
  FITTED_SETS,
  ITERATIONS,
  LEARNING_RATE,
  loadQuestionFiles,
  log,
  paperFolds,
  pct,
  prepareExample,
  setOf,
} from "./lib/ask-examples.js";
import { pairedChange } from "./lib/paired-change.js";

const { values } = parseArgs({
  options: {
    split: { type: "string", default: "both" },
    configs: { type: "string", default: "linear" },
    l2: { type: "string", default: "0.003" },
    save: { type: "string" },
  },
});
const L2 = Number(values.l2);

/** One candidate: a kind and its settings ("mlp H=8 l2u=0.01 steps=100,200"). */
interface Config {
  kind: string;
  text: string;
  num: (key: string, fallback: number) => number;
  list: (key: string, fallback: number[]) => number[];
}
const configs: Config[] = String(values.configs)
  .split(";")
  .map((s) => s.trim())
  .filter(Boolean)
  .map((text) => {
    const [kind = "", ...pairs] = text.split(/\s+/);
    const settings = new Map(pairs.map((p) => p.split("=") as [string, string]));
    return {
      kind,
      text,
      num: (key, fallback) => (settings.has(key) ? Number(settings.get(key)) : fallback),
      list: (key, fallback) =>
        settings.has(key) ? String(settings.get(key)).split(",").map(Number) : fallback,
    };
  });

const started = Date.now();
const examples = loadQuestionFiles(FITTED_SETS).map(prepareExample);
log(`${examples.length} questions read in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const folds = paperFolds(examples, 5);
const index = new Map(examples.map((e, i) => [e, i]));
const splits: { name: string; groupOf: (e: Example) => string }[] = [];
if (values.split !== "cv") splits.push({ name: "LOSO", groupOf: setOf });
if (values.split !== "loso" && values.split !== "fitted")
  splits.push({ name: "CV", groupOf: (e) => `fold ${folds[index.get(e) as number]}` });
// In sample (fitted on all, scored on all): whether a candidate fits the questions at all.
if (values.split === "fitted") splits.splice(0, splits.length, { name: "fitted", groupOf: () => "all" });

/** A fitted candidate for one split: linear weights and a residual, per checkpoint label. */
type Fitted = { label: string; w: Float64Array; residual: Residual | null }[];

function fitCandidate(c: Config, items: ListItem[], w0: Float64Array): Fitted {
  if (c.kind === "linear") return [{ label: "", w: w0, residual: null }];
  if (c.kind === "mlp") {
    const steps = c.list("steps", [100, 200, 400]);
    return fitMlp(items, w0, {
      H: c.num("H", 8),
      l2w: c.num("l2w", L2),
      l2u: c.num("l2u", 0.01),
      lr: c.num("lr", 0.01),
      lrw: c.num("lrw", c.num("lr", 0.01)),
      checkpoints: steps,
      seed: c.num("seed", 1),
      initScale: c.num("init", 0.5),
    }).map((s) => ({ label: `steps=${s.steps}`, w: s.w, residual: hiddenResidual(s.net) }));
  }
  if (c.kind === "boost") {
    const rounds = c.list("rounds", [100, 200, 400]);
    return fitBoost(items, w0, {
      depth: c.num("depth", 2),
      shrinkage: c.num("shrink", 0.1),
      lambda: c.num("lambda", 1),
      minHessian: c.num("minh", 1),
      quantiles: c.num("q", 3),
      checkpoints: rounds,
    }).map((trees, i) => ({ label: `rounds=${rounds[i]}`, w: w0, residual: treesResidual(trees) }));
  }
  if (c.kind === "bag")
    return [
      {
        label: "",
        w: fitBagged(items, L2, ITERATIONS, LEARNING_RATE, c.num("bags", 10), c.num("seed", 1)),
        residual: null,
      },
    ];
  throw new Error(`unknown candidate ${c.kind}`);
}

const an = examples.filter((e) => e.q.expect !== null).length;
const un = examples.length - an;
const saved: Record<string, Record<string, boolean[]>> = {};
for (const split of splits) {
  const groups = [...new Set(examples.map(split.groupOf))];
  // Hits per candidate label, question by question (in examples order).
  const hits = new Map<string, boolean[]>();
  const linear: boolean[] = new Array(examples.length);
  for (const group of groups) {
    const t0 = Date.now();
    const items = listItems(examples.filter((e) => split.name === "fitted" || split.groupOf(e) !== group));
    const w0 = fitLinear(items, L2, ITERATIONS, LEARNING_RATE);
    const held = examples.filter((e) => split.groupOf(e) === group);
    for (const e of held) linear[index.get(e) as number] = hitWith(e, w0, null);
    for (const c of configs) {
      for (const f of fitCandidate(c, items, w0)) {
        const key = `${c.text}${f.label ? ` @${f.label}` : ""}`;
        const row = hits.get(key) ?? new Array<boolean>(examples.length);
        for (const e of held) row[index.get(e) as number] = hitWith(e, f.w, f.residual);
        hits.set(key, row);
      }
    }
    log(`  ${split.name} ${group}: ${held.length} q, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const report = (key: string, row: boolean[]) => {
    let a = 0;
    let u = 0;
    examples.forEach((e, i) => {
      if (row[i]) e.q.expect !== null ? a++ : u++;
    });
    const c = pairedChange(examples, row, linear);
    log(
      `${split.name} ${key}: ${pct(a / an)} (${a}/${an}) / ${pct(u / un)} (${u}/${un}), balanced ${pct((a / an + u / un) / 2)}; vs linear +${c.fixA}/-${c.breakA} answerable, +${c.fixU}/-${c.breakU} declined; balanced ${c.diff >= 0 ? "+" : ""}${(100 * c.diff).toFixed(2)} ± ${(100 * c.se).toFixed(2)} (1 SE), sign test p ${c.p.toFixed(2)}`,
    );
  };
  report("linear (fast fit)", linear);
  for (const [key, row] of hits) report(key, row);
  saved[split.name] = { linear, ...Object.fromEntries(hits) };
}
if (values.save) writeFileSync(values.save, JSON.stringify(saved));
closeArchive();
