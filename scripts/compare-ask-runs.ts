/**
 * The paired change between two runs of scripts/loso-ask.ts saved with `--save` (same split):
 * fixes / breaks, answerable and unanswerable apart, the balanced rate's change ± its standard
 * error and a sign test (scripts/lib/paired-change.ts), overall and for each writer's set.
 *
 *   npx tsx scripts/compare-ask-runs.ts base.json variant.json [--sets "held-out 12,held-out 14,held-out 15"]
 *
 * It never reads the set kept aside (FITTED_SETS only).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  closeArchive,
  FITTED_SETS,
  inputOf,
  loadQuestionFiles,
  runKeyOf,
  setOf,
} from "./lib/ask-examples.js";
import { type PairedChange, pairedChange } from "./lib/paired-change.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { sets: { type: "string", default: "held-out 12,held-out 14,held-out 15" } },
});
const [basePath, rowPath] = positionals;
if (!basePath || !rowPath) throw new Error("usage: compare-ask-runs.ts base.json variant.json");
const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, boolean>;
const base = read(basePath);
const row = read(rowPath);
// Only what pairedChange and the run's keys need: the question and its paper.
const examples = loadQuestionFiles(FITTED_SETS).map((q) => ({ q, paper: inputOf(q).id }));
const hitsOf = (saved: Record<string, boolean>) => examples.map((e) => saved[runKeyOf(e)] === true);
const b = hitsOf(base);
const r = hitsOf(row);
const show = (name: string, c: PairedChange) =>
  process.stdout.write(
    `${name}: +${c.fixA}/−${c.breakA} answerable; +${c.fixU}/−${c.breakU} declined: ${(100 * c.diff).toFixed(2)} ± ${(100 * c.se).toFixed(2)} (p ${c.p.toFixed(2)})\n`,
  );
process.stdout.on("error", () => process.exit(0));
show("all", pairedChange(examples, r, b));
const chosen = new Set(values.sets.split(","));
show(
  [...chosen].join(" + "),
  pairedChange(examples, r, b, (e) => chosen.has(setOf(e))),
);
for (const set of [...new Set(examples.map(setOf))])
  show(
    `  ${set}`,
    pairedChange(examples, r, b, (e) => setOf(e) === set),
  );
closeArchive();
