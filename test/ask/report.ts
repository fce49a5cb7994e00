/**
 * Prints the per-intent table of an ask question set:
 *   npx tsx test/ask/report.ts             the tuning set (questions.json)
 *   npx tsx test/ask/report.ts --holdout   the first held-out set (questions-holdout.json): totals only
 *   npx tsx test/ask/report.ts --holdout2  the second held-out set (questions-holdout2.json): totals only
 *   npx tsx test/ask/report.ts --holdout3  the third held-out set (questions-holdout3.json): totals only
 *   npx tsx test/ask/report.ts --holdout4  the fourth held-out set (questions-holdout4.json): totals only
 *   npx tsx test/ask/report.ts --holdout5  the fifth held-out set (questions-holdout5.json): totals only
 *   npx tsx test/ask/report.ts --holdout6  the sixth held-out set (questions-holdout6.json): totals only
 *   npx tsx test/ask/report.ts --holdout7  the seventh held-out set (questions-holdout7.json): totals only
 *   npx tsx test/ask/report.ts --holdout8  the eighth held-out set (questions-holdout8.json): totals only
 *   npx tsx test/ask/report.ts --holdout9  the ninth held-out set (questions-holdout9.json): totals only
 *   npx tsx test/ask/report.ts --holdout10 the tenth held-out set (questions-holdout10.json): totals only
 *   npx tsx test/ask/report.ts --holdout11 the eleventh held-out set (questions-holdout11.json): totals only
 *   npx tsx test/ask/report.ts --holdout12 the twelfth held-out set (questions-holdout12.json): totals only
 *   npx tsx test/ask/report.ts --holdout13 the thirteenth held-out set (questions-holdout13.json): totals only
 *   npx tsx test/ask/report.ts --holdout14 the fourteenth held-out set (questions-holdout14.json): totals only
 *   npx tsx test/ask/report.ts --holdout15 the fifteenth held-out set (questions-holdout15.json): totals only
 *   npx tsx test/ask/report.ts --holdout16 the sixteenth held-out set (questions-holdout16.json): totals only
 *   npx tsx test/ask/report.ts --holdout17 the seventeenth held-out set (questions-holdout17.json): totals only
 *   npx tsx test/ask/report.ts --holdout18 the eighteenth held-out set (questions-holdout18.json): totals only
 *   npx tsx test/ask/report.ts --holdout19 the nineteenth held-out set (questions-holdout19.json): totals only
 *   npx tsx test/ask/report.ts --holdout20 the twentieth held-out set (questions-holdout20.json): totals only
 *   npx tsx test/ask/report.ts --holdout21 the twenty-first held-out set (questions-holdout21.json): totals only
 *   npx tsx test/ask/report.ts --holdout22 the twenty-second held-out set (questions-holdout22.json): totals only
 *   npx tsx test/ask/report.ts --holdout23 the twenty-third held-out set (questions-holdout23.json): totals only
 *   --round N: only the tuning questions of round N; --misses: list the tuning set's misses
 * Held-out sets never print their misses: looking at them would make them tuning sets.
 */
import { loadQuestions, paperOf, QUESTION_FILES, questionArchive, score, table } from "./question-set.js";

// "--holdout" is the first held-out set, "--holdoutN" the Nth.
const heldOutFlag = process.argv.find((a) => /^--holdout\d*$/.test(a));
const wanted = heldOutFlag
  ? `questions-holdout${heldOutFlag.slice("--holdout".length)}.json`
  : "questions.json";
const file = QUESTION_FILES.find((f) => f === wanted);
if (!file) throw new Error(`${heldOutFlag}: no such question set (there are ${QUESTION_FILES.join(", ")})`);
const heldOut = file !== "questions.json";
const engine = questionArchive();
const roundAt = process.argv.indexOf("--round");
const round = roundAt > 0 ? Number(process.argv[roundAt + 1]) : null;
const questions = loadQuestions(file).filter((q) => round === null || (q.round ?? 1) === round);
const report = score(questions, (q) => {
  const { answer } = engine.ask(paperOf(engine, q).id, q.question);
  return { text: answer.text, evidence: answer.evidence, stated: answer.stated };
});
console.log(`${file}: ${questions.length} questions\n`);
console.log(table(report));
// Totals by the kind of user the writer played (held out 5 to 9): counts only, never the questions.
const styles = [...new Set(questions.flatMap((q) => (q.style ? [q.style] : [])))];
if (styles.length) {
  console.log("\n| style | answerable right | unanswerable declined |\n|---|---:|---:|");
  for (const style of styles) {
    const of = questions.filter((q) => q.style === style);
    const missed = new Set(report.misses.filter((m) => m.q.style === style).map((m) => m.q));
    const cell = (list: typeof of) => `${list.filter((q) => !missed.has(q)).length} / ${list.length}`;
    console.log(
      `| ${style} | ${cell(of.filter((q) => q.expect !== null))} | ${cell(of.filter((q) => q.expect === null))} |`,
    );
  }
}
if (!heldOut && process.argv.includes("--misses")) {
  for (const { q, a } of report.misses) {
    console.log(
      `\n- [${q.intent}] ${q.id ?? q.title} "${q.question}" expect: ${JSON.stringify(q.expect)}\n  got: ${a.text.slice(0, 300)}`,
    );
  }
}
engine.close();
