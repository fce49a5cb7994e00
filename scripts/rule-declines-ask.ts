/**
 * The questions of every fitted set that a rule decided before the model ranks (round 15:
 * answerable questions declined by a rule, pooled over all sets). A rule's decision does not
 * depend on the fitted weights, so no fold is refitted: each question is read against its paper
 * once, as `ask` reads it, and the rule that decided it is kept (prepareAnswer's `rule`).
 *
 *   npx tsx scripts/rule-declines-ask.ts [--out /tmp/rule-declines.json]
 *
 * Prints per rule: answerable questions it declines (wrongly), unanswerable ones it declines
 * (rightly), and answers it gives; writes every decided question as one JSON record. It never
 * reads the set kept aside (FITTED_SETS leaves it out).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { prepareAnswer } from "../src/ask/answer.js";
import { isHit } from "../test/ask/question-set.js";
import { closeArchive, FITTED_SETS, inputOf, loadQuestionFiles, log, setOf } from "./lib/ask-examples.js";

const { values } = parseArgs({
  options: { out: { type: "string", default: "/tmp/rule-declines.json" } },
});

interface Tally {
  answerableMissed: number;
  answerableHit: number;
  unanswerableDeclined: number;
  unanswerableAnswered: number;
}
const tallies = new Map<string, Tally>();
const records: unknown[] = [];
let total = 0;
for (const q of loadQuestionFiles(FITTED_SETS)) {
  total++;
  const input = inputOf(q);
  const prepared = prepareAnswer(input, q.question, []);
  if (!("answer" in prepared)) continue;
  const a = prepared.answer;
  const h = isHit(q, { text: a.text, evidence: a.evidence, stated: a.stated });
  const t = tallies.get(prepared.rule) ?? {
    answerableMissed: 0,
    answerableHit: 0,
    unanswerableDeclined: 0,
    unanswerableAnswered: 0,
  };
  if (q.expect === null) h ? t.unanswerableDeclined++ : t.unanswerableAnswered++;
  else h ? t.answerableHit++ : t.answerableMissed++;
  tallies.set(prepared.rule, t);
  records.push({
    set: setOf({ q }),
    paper: input.id,
    question: q.question,
    intent: q.intent,
    why: q.why ?? null,
    rule: prepared.rule,
    answerable: q.expect !== null,
    hit: h,
    said: a.text,
    expect: q.expect,
  });
}
for (const [rule, t] of [...tallies].sort((x, y) => y[1].answerableMissed - x[1].answerableMissed))
  console.log(
    `${rule.padEnd(16)} answerable missed ${t.answerableMissed}, answered ${t.answerableHit}; unanswerable declined ${t.unanswerableDeclined}, answered ${t.unanswerableAnswered}`,
  );
console.log(`${records.length} of ${total} questions decided by a rule`);
writeFileSync(values.out, JSON.stringify(records, null, 1));
log(`written to ${values.out}`);
closeArchive();
