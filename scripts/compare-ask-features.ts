/**
 * Compares feature groups of the answer model on the same questions and splits, for the method
 * notes (docs/ask.md, round 8): each variant is the full feature set with the features matching
 * its DROP expression held at 0. For each: leave one writer's set out and 5-fold cross-validation
 * grouped by paper (L2 0.003, margins 0, as shipped), answerable right / unanswerable declined,
 * per intent, where the accepted sentence ranks out of fold, and the questions it fixes and breaks
 * against the first variant (the baseline).
 *
 *   npx tsx scripts/compare-ask-features.ts --train a.json,b.json… 'base=^(names|named-data)' 'all='
 *
 * (`name=regex`: the features the regex matches are held at 0; an empty regex keeps all.) Round 8
 * compared its sentence-act features this way (commit 427d77b: src/ask/sentence-acts.ts, and
 * 'base=^(act|act-kind|after-focus):' against 'acts=^(act-kind|after-focus):' and so on).
 * `--base-file` keeps the first variant's hits between runs.
 *
 * Writes nothing; prints to stderr.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { FEATURES } from "../src/ask/features.js";
import {
  atMarginZero,
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
  ratesOf,
  setOf,
} from "./lib/ask-examples.js";

const { values, positionals } = parseArgs({
  options: {
    train: { type: "string" },
    l2: { type: "string", default: "0.003" },
    // The baseline's hits, kept between runs (the first variant is read from it when it exists).
    "base-file": { type: "string" },
  },
  allowPositionals: true,
});
if (!values.train || !positionals.length)
  throw new Error("usage: compare-ask-features.ts --train files name=DROP-regex …");
const L2 = Number(values.l2);
const FOCUS_INTENTS = ["results", "method", "reason", "problem", "proposal", "other"];

const train = loadQuestionFiles(values.train).map(prepareExample);
const folds = paperFolds(train, 5);
const sets = [...new Set(train.map(setOf))];
log(`${train.length} questions, ${sets.length} writer's sets, ${FEATURES.length} features`);

interface Outcome {
  loso: boolean[];
  cv: boolean[];
}

function rank(e: Example, w: Float64Array): number {
  const scores = e.rows.map((x) => dot(w, x));
  const bestGold = Math.max(...e.gold.map((i) => scores[i] as number));
  return scores.filter((s) => s > bestGold).length;
}

function run(name: string, drop: RegExp | null): Outcome {
  const keep = FEATURES.map((f) => !drop?.test(f));
  const t0 = process.cpuUsage();
  const bySet = new Map(
    sets.map((s) => [
      s,
      fitWeights(
        train.filter((e) => setOf(e) !== s),
        L2,
        keep,
      ),
    ]),
  );
  const byFold = [0, 1, 2, 3, 4].map((f) =>
    fitWeights(
      train.filter((_, i) => folds[i] !== f),
      L2,
      keep,
    ),
  );
  const loso = train.map((e) => hit(e, atMarginZero(bySet.get(setOf(e)) as Float64Array)));
  const cv = train.map((e, i) => hit(e, atMarginZero(byFold[folds[i] as number] as Float64Array)));
  const r = (hits: boolean[]) => ratesOf(train.map((e, i) => ({ e, hit: hits[i] as boolean })));
  const l = r(loso);
  const c = r(cv);
  const perIntent = (hits: boolean[]) =>
    FOCUS_INTENTS.map((intent) => {
      const idx = train.map((e, i) => (e.q.intent === intent ? i : -1)).filter((i) => i >= 0);
      return `${intent} ${idx.filter((i) => hits[i]).length}/${idx.length}`;
    }).join(", ");
  const ranks = [0, 0, 0];
  let n = 0;
  train.forEach((e, i) => {
    if (!e.ranking || e.q.expect === null || e.gold.length === 0) return;
    n++;
    const k = Math.min(2, rank(e, byFold[folds[i] as number] as Float64Array));
    ranks[k] = (ranks[k] as number) + 1;
  });
  const perSet = sets
    .map((s) => {
      const idx = train.map((e, i) => (setOf(e) === s && e.q.expect !== null ? i : -1)).filter((i) => i >= 0);
      return `${s} ${pct(idx.filter((i) => loso[i]).length / idx.length)}`;
    })
    .join(", ");
  const cpu = (process.cpuUsage(t0).user / 1e6).toFixed(0);
  log(`== ${name} (drop ${drop ?? "nothing"}; ${keep.filter(Boolean).length} features; ${cpu} s CPU)`);
  log(`  leave one set out: ${pct(l.answerable)} / ${pct(l.unanswerable)} (balanced ${pct(l.balanced)})`);
  log(`  per set, answerable: ${perSet}`);
  log(`  CV by paper: ${pct(c.answerable)} / ${pct(c.unanswerable)} (balanced ${pct(c.balanced)})`);
  log(`  per intent, LOSO: ${perIntent(loso)}`);
  log(`  per intent, CV: ${perIntent(cv)}`);
  log(
    `  out of fold, accepted sentence 1st ${pct((ranks[0] as number) / n)}, top 2 ${pct(((ranks[0] as number) + (ranks[1] as number)) / n)} of ${n}`,
  );
  return { loso, cv };
}

let base: Outcome | null = null;
for (const spec of positionals) {
  const eq = spec.indexOf("=");
  const name = spec.slice(0, eq);
  const drop = spec.slice(eq + 1);
  const baseFile = values["base-file"];
  const cached: boolean = !base && !!baseFile && existsSync(baseFile);
  const out: Outcome = cached
    ? (JSON.parse(readFileSync(baseFile as string, "utf8")) as Outcome)
    : run(name, drop ? new RegExp(drop) : null);
  if (!base && baseFile && !cached) writeFileSync(baseFile, JSON.stringify(out));
  if (cached) log(`== ${name}: read from ${baseFile}`);
  if (base) {
    for (const k of ["loso", "cv"] as const) {
      const fixed = out[k].filter((h, i) => h && !(base as Outcome)[k][i]).length;
      const broken = out[k].filter((h, i) => !h && (base as Outcome)[k][i]).length;
      log(`  against the baseline, ${k}: fixes ${fixed}, breaks ${broken}`);
    }
  } else base = out;
}
closeArchive();
