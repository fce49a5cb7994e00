/**
 * Round 12's measurement of learned word associations (docs/ask.md, "Round 12: learned word
 * associations"; the table and its columns in scripts/lib/ask-assoc.ts). Leave one writer's set
 * out (LOSO) and 5-fold CV grouped by paper, each fold's answer model refitted with and without
 * the association columns, compared question by question (fixes / breaks, the balanced rate's
 * paired difference and its standard error, a sign test), overall, per set and per style.
 *
 * The table is refitted inside every fold: the scored questions' answers never reach their own
 * features. The fitted questions' columns are cross-fitted too (the table for a fitted question
 * leaves out its own inner group: its writer's set in LOSO, its fold in CV), so that the answer
 * model learns how far to trust a table on questions the table has not seen; `insample=1` uses the
 * fold's whole table for them instead (what a plain refit with a shipped table would do).
 *
 *   npx tsx scripts/assoc-ask.ts --split loso|cv|both
 *     --variants "assoc; assoc identity=1; assoc pseudo=0; assoc insample=1; assoc prior=10"
 *
 * It never reads the set kept aside (NEVER_FITTED in scripts/lib/ask-examples.ts).
 */
import { parseArgs } from "node:util";
import type { Ranking } from "../src/ask/answer.js";
import { FEATURES } from "../src/ask/features.js";
import {
  ASSOC_FEATURES,
  type AssocOptions,
  assocColumns,
  DEFAULT_ASSOC,
  type Extended,
  extend,
  fitAssoc,
  fitSparse,
} from "./lib/ask-assoc.js";
import {
  atMarginZero,
  closeArchive,
  type Example,
  FITTED_SETS,
  hit,
  ITERATIONS,
  LEARNING_RATE,
  loadQuestionFiles,
  log,
  paperFolds,
  pct,
  prepareExample,
  setOf,
} from "./lib/ask-examples.js";
import { TERM_FEATURES, termColumns } from "./lib/ask-terms.js";
import { pairedChange } from "./lib/paired-change.js";

const { values } = parseArgs({
  options: {
    split: { type: "string", default: "both" },
    variants: { type: "string", default: "assoc" },
    l2: { type: "string", default: "0.003" },
    detail: { type: "boolean", default: false },
  },
});
const L2 = Number(values.l2);
const F = FEATURES.length;

/**
 * A candidate: "assoc …" (the learned table, refitted per fold), "terms" (round 3's term space,
 * fitted on no question) or "assoc+terms …" (both).
 */
interface Variant {
  text: string;
  assoc: boolean;
  terms: boolean;
  options: AssocOptions;
  insample: boolean;
  names: string[];
}
const variants: Variant[] = String(values.variants)
  .split(";")
  .map((s) => s.trim())
  .filter(Boolean)
  .map((text) => {
    const settings = new Map(
      text
        .split(/\s+/)
        .slice(1)
        .map((p) => p.split("=") as [string, string]),
    );
    const num = (key: string, fallback: number) => (settings.has(key) ? Number(settings.get(key)) : fallback);
    const kind = text.split(/\s+/)[0] ?? "";
    const assoc = kind.includes("assoc");
    const terms = kind.includes("terms");
    if (!assoc && !terms) throw new Error(`unknown candidate ${kind}`);
    return {
      text,
      assoc,
      terms,
      names: [...(assoc ? ASSOC_FEATURES : []), ...(terms ? TERM_FEATURES : [])],
      insample: num("insample", 0) === 1,
      options: {
        prior: num("prior", DEFAULT_ASSOC.prior),
        minQuestions: num("minq", DEFAULT_ASSOC.minQuestions),
        minPapers: num("minpapers", DEFAULT_ASSOC.minPapers),
        identity: num("identity", DEFAULT_ASSOC.identity ? 1 : 0) === 1,
        pseudo: num("pseudo", DEFAULT_ASSOC.pseudo ? 1 : 0) === 1,
        minAbs: num("minabs", DEFAULT_ASSOC.minAbs),
        contentOnly: num("content", DEFAULT_ASSOC.contentOnly ? 1 : 0) === 1,
      },
    };
  });

const started = Date.now();
const examples = loadQuestionFiles(FITTED_SETS).map(prepareExample);
log(`${examples.length} questions read in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const folds = paperFolds(examples, 5);
const index = new Map(examples.map((e, i) => [e, i]));
const an = examples.filter((e) => e.q.expect !== null).length;
const un = examples.length - an;
const splits: { name: string; groupOf: (e: Example) => string }[] = [];
if (values.split !== "cv") splits.push({ name: "LOSO", groupOf: setOf });
if (values.split !== "loso")
  splits.push({ name: "CV", groupOf: (e) => `fold ${folds[index.get(e) as number]}` });

/** The columns of `targets`, the table fitted on `fitOn`. */
function extendedWith(targets: readonly Example[], fitOn: readonly Example[], v: Variant): Extended[] {
  const table = v.assoc ? fitAssoc(fitOn, v.options) : null;
  const columns = (r: Ranking) => {
    const parts = [
      ...(table ? [assocColumns(table, r, v.options)] : []),
      ...(v.terms ? [termColumns(r)] : []),
    ];
    return {
      passages: r.passages.map((_, i) => joined(parts.map((c) => c.passages[i] as Float64Array))),
      decline: joined(parts.map((c) => c.decline)),
    };
  };
  return targets.map((e) => extend(e, e.ranking ? columns(e.ranking) : null, v.names.length));
}

function joined(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Answerable right / unanswerable declined of a subset, with counts. */
function rates(row: readonly boolean[], keep: (e: Example) => boolean): string {
  let a = 0;
  let na = 0;
  let u = 0;
  let nu = 0;
  examples.forEach((e, i) => {
    if (!keep(e)) return;
    if (e.q.expect === null) {
      nu++;
      if (row[i]) u++;
    } else {
      na++;
      if (row[i]) a++;
    }
  });
  const r = (h: number, n: number) => (n ? `${pct(h / n)} (${h}/${n})` : "– (0/0)");
  return `${r(a, na)} / ${r(u, nu)}`;
}

for (const split of splits) {
  const groups = [...new Set(examples.map(split.groupOf))];
  const base: boolean[] = new Array(examples.length);
  const hits = variants.map(() => new Array<boolean>(examples.length));
  for (const group of groups) {
    const t0 = Date.now();
    const train = examples.filter((e) => split.groupOf(e) !== group);
    const held = examples.filter((e) => split.groupOf(e) === group);
    const w0 = fitSparse(
      train.map((e) => extend(e, null, 0)),
      F,
      L2,
      ITERATIONS,
      LEARNING_RATE,
    );
    for (const e of held) base[index.get(e) as number] = hit(e, atMarginZero(w0));
    variants.forEach((v, n) => {
      // Without a table (terms only), every question's columns are the same whichever fold.
      const fitted: Extended[] =
        v.insample || !v.assoc
          ? extendedWith(train, train, v)
          : [...new Set(train.map(split.groupOf))].flatMap((inner) =>
              extendedWith(
                train.filter((e) => split.groupOf(e) === inner),
                train.filter((e) => split.groupOf(e) !== inner),
                v,
              ),
            );
      const w = fitSparse(fitted, F + v.names.length, L2, ITERATIONS, LEARNING_RATE);
      if (values.detail)
        log(
          `    ${v.text} ${group} weights: ${v.names.map((f, j) => `${f} ${(w[F + j] as number).toFixed(2)}`).join(", ")}`,
        );
      for (const x of extendedWith(held, train, v))
        (hits[n] as boolean[])[index.get(x.e) as number] = hit(x.scored, atMarginZero(w));
    });
    log(`  ${split.name} ${group}: ${held.length} q, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const all = () => true;
  log(`${split.name} (${examples.length} q: ${an} answerable, ${un} unanswerable), L2 ${L2}, margins 0`);
  log(`  shipped features: ${rates(base, all)}`);
  variants.forEach((v, n) => {
    const row = hits[n] as boolean[];
    const c = pairedChange(examples, row, base);
    log(
      `  + ${v.text}: ${rates(row, all)}; +${c.fixA}/-${c.breakA} answerable, +${c.fixU}/-${c.breakU} declined; balanced ${c.diff >= 0 ? "+" : ""}${(100 * c.diff).toFixed(2)} ± ${(100 * c.se).toFixed(2)}, sign test p ${c.p.toFixed(2)}`,
    );
    const by = (name: string, keyOf: (e: Example) => string) => {
      for (const key of [...new Set(examples.map(keyOf))].sort()) {
        const keep = (e: Example) => keyOf(e) === key;
        const d = pairedChange(examples, row, base, keep);
        log(
          `      ${name} ${key}: ${rates(base, keep)} -> ${rates(row, keep)}  (+${d.fixA}/-${d.breakA}; +${d.fixU}/-${d.breakU})`,
        );
      }
    };
    by("set", setOf);
    by("style", (e) => e.q.style ?? "(none: tuning, held out 1-4)");
  });
}
closeArchive();
