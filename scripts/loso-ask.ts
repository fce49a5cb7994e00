/**
 * A quick check of a change to `ask`'s rules or question reading (docs/ask.md, round 8): leave
 * one writer's set out on the fitted question sets at one L2 and margins 0, printing answerable
 * right / unanswerable declined overall, per set and per intent. With `--save file` it keeps each
 * question's hit; with `--compare file` it lists the questions whose hit changed since.
 *
 *   npx tsx scripts/loso-ask.ts [--l2 0.003] [--save before.json] [--compare before.json]
 *                               [--misses "held-out 7"]
 *
 * `--misses` prints that set's questions missed out of set, with the answer given. `--cv` scores
 * 5-fold cross-validation grouped by paper instead of leaving one set out.
 *
 * It never reads the set kept aside (NEVER_FITTED in scripts/lib/ask-examples.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { answerFromRanking, prepareAnswer } from "../src/ask/answer.js";
import {
  atMarginZero,
  closeArchive,
  type Example,
  FITTED_SETS,
  fitWeights,
  hit,
  inputOf,
  loadQuestionFiles,
  log,
  paperFolds,
  pct,
  prepareExample,
  ratesOf,
  runKeyOf,
  setOf,
} from "./lib/ask-examples.js";

const { values } = parseArgs({
  options: {
    l2: { type: "string", default: "0.003" },
    save: { type: "string" },
    compare: { type: "string" },
    misses: { type: "string" },
    cv: { type: "boolean", default: false },
  },
});
const l2 = Number(values.l2);
const examples = loadQuestionFiles(FITTED_SETS).map(prepareExample);
const sets = [...new Set(examples.map(setOf))];
const folds = paperFolds(examples, 5);
// The group a question is scored in: its writer's set, or its fold of papers with --cv.
const groupOf = (e: Example) => (values.cv ? `fold ${folds[examples.indexOf(e)]}` : setOf(e));
const hits = new Map<Example, boolean>();
for (const set of [...new Set(examples.map(groupOf))]) {
  const w = fitWeights(
    examples.filter((e) => groupOf(e) !== set),
    l2,
  );
  for (const e of examples.filter((x) => groupOf(x) === set)) {
    hits.set(e, hit(e, atMarginZero(w)));
    if (set !== values.misses || hits.get(e)) continue;
    const said = e.ranking
      ? answerFromRanking(e.ranking, atMarginZero(w)).text
      : (() => {
          const p = prepareAnswer(inputOf(e.q), e.q.question, []);
          return "answer" in p ? `(rule) ${p.answer.text}` : "(ranked)";
        })();
    log(
      `- [${e.q.intent}${e.q.expect === null ? ", unanswerable" : ""}] ${e.paper} "${e.q.question}"\n    expect ${JSON.stringify(e.q.expect)?.slice(0, 160)}\n    got ${said.slice(0, 200)}`,
    );
  }
}
const all = ratesOf(examples.map((e) => ({ e, hit: hits.get(e) as boolean })));
const count = (f: (e: Example) => boolean) => examples.filter((e) => f(e) && hits.get(e)).length;
const an = examples.filter((e) => e.q.expect !== null).length;
log(
  `${values.cv ? "5-fold CV by paper" : "leave one set out"} (${examples.length} q, L2 ${l2}, margins 0): ${pct(all.answerable)} (${count((e) => e.q.expect !== null)}/${an}) / ${pct(all.unanswerable)} (${count((e) => e.q.expect === null)}/${examples.length - an})`,
);
for (const set of sets) {
  const r = ratesOf(
    examples.filter((e) => setOf(e) === set).map((e) => ({ e, hit: hits.get(e) as boolean })),
  );
  log(`  ${set}: ${pct(r.answerable)} / ${pct(r.unanswerable)}`);
}
const byIntent = new Map<string, [number, number]>();
for (const e of examples) {
  const k = `${e.q.intent}${e.q.expect === null ? " (unanswerable)" : ""}`;
  const slot = byIntent.get(k) ?? [0, 0];
  slot[0]++;
  if (hits.get(e)) slot[1]++;
  byIntent.set(k, slot);
}
log(
  `  per intent: ${[...byIntent]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([k, [n, h]]) => `${k} ${h}/${n}`)
    .join(", ")}`,
);
if (values.save)
  writeFileSync(
    values.save,
    JSON.stringify(Object.fromEntries(examples.map((e) => [runKeyOf(e), hits.get(e)]))),
  );
if (values.compare) {
  const before = JSON.parse(readFileSync(values.compare, "utf8")) as Record<string, boolean>;
  for (const e of examples) {
    const was = before[runKeyOf(e)];
    if (was !== undefined && was !== hits.get(e))
      log(
        `  ${was ? "lost" : "won "} [${e.q.intent}${e.q.expect === null ? ", unanswerable" : ""}] ${runKeyOf(e)}`,
      );
  }
}
closeArchive();
