/**
 * Prints the per-intent table of the ask question set:
 *   npx tsx test/ask/report.ts            the tuning set (questions.json), with its misses
 *   npx tsx test/ask/report.ts --holdout  the held-out set: totals only, never its misses
 *   --round 2: only the questions of the second round; --misses: list the tuning set's misses
 */
import { loadQuestions, paperOf, questionArchive, score, table } from "./question-set.js";

const holdout = process.argv.includes("--holdout");
const engine = questionArchive();
const roundAt = process.argv.indexOf("--round");
const round = roundAt > 0 ? Number(process.argv[roundAt + 1]) : null;
const questions = loadQuestions(holdout ? "questions-holdout.json" : "questions.json").filter(
  (q) => round === null || (q.round ?? 1) === round,
);
const report = score(questions, (q) => {
  const { answer } = engine.ask(paperOf(engine, q).id, q.question);
  return { text: answer.text, evidence: answer.evidence, stated: answer.stated };
});
console.log(`${holdout ? "held-out" : "tuning"} set: ${questions.length} questions\n`);
console.log(table(report));
if (!holdout && process.argv.includes("--misses")) {
  for (const { q, a } of report.misses) {
    console.log(
      `\n- [${q.intent}] ${q.id ?? q.title} "${q.question}" expect: ${JSON.stringify(q.expect)}\n  got: ${a.text.slice(0, 300)}`,
    );
  }
}
engine.close();
