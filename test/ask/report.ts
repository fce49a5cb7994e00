/**
 * Prints the per-intent table of the ask question set:
 *   npx tsx test/ask/report.ts            the tuning set (questions.json), with its misses
 *   npx tsx test/ask/report.ts --holdout  the held-out set: totals only, never its misses
 */
import { loadQuestions, paperOf, questionArchive, score, table } from "./question-set.js";

const holdout = process.argv.includes("--holdout");
const engine = questionArchive();
const questions = loadQuestions(holdout ? "questions-holdout.json" : "questions.json");
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
