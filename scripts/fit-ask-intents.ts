/**
 * Fits the intent classifier of `ask` (src/ask/intent-model.ts) and writes src/ask/intent-weights.json.
 *
 *   npx tsx scripts/fit-ask-intents.ts [--train test/ask/questions.json] [--dev cv] [--write | --out file.json]
 *
 * Trained on the tuning questions' intents (the label each question was written with) plus
 * paraphrases of each made by rewriting its form (scripts/lib/intent-paraphrase.ts). L2 is chosen
 * by 5-fold cross-validation grouped by paper, scored on the original questions of the held-out
 * fold only; the cue patterns' main intent (intent.ts) is reported on the same questions as the
 * baseline. The held-out question sets are never read.
 */
import { readFileSync } from "node:fs";
import { INTENTS, intentWeights, mainIntent } from "../src/ask/intent.js";
import { INTENT_WEIGHTS, intentProbabilities } from "../src/ask/intent-model.js";
import { readQuestion } from "../src/ask/question.js";
import type { Question } from "../test/ask/question-set.js";
import { fitDay, parseFitArgs, writeWeights } from "./lib/fit-cli.js";
import { fitIntentModel, type Labelled } from "./lib/intent-fit.js";
import { paraphrases } from "./lib/intent-paraphrase.js";

const args = parseFitArgs({ train: "test/ask/questions.json", dev: "cv" });
const questions = (JSON.parse(readFileSync(args.train, "utf8")) as { questions: Question[] }).questions;
const paperOf = (q: Question) => q.id ?? q.title ?? "";
const FOLDS = 5;
const papers = [...new Set(questions.map(paperOf))].sort();
const foldOf = new Map(papers.map((p, i) => [p, i % FOLDS]));
const withParaphrases = (qs: readonly Question[]): Labelled[] =>
  qs.flatMap((q) => [q, ...paraphrases(q.question).map((question) => ({ question, intent: q.intent }))]);

const argmax = (p: Float64Array) => INTENTS[p.indexOf(Math.max(...p))];
let best = { l2: 0, accuracy: -1 };
for (const l2 of [0.0003, 0.001, 0.003, 0.01]) {
  let right = 0;
  for (let f = 0; f < FOLDS; f++) {
    const { model } = fitIntentModel(
      withParaphrases(questions.filter((q) => foldOf.get(paperOf(q)) !== f)),
      l2,
    );
    for (const q of questions.filter((x) => foldOf.get(paperOf(x)) === f))
      if (argmax(intentProbabilities(model, readQuestion(q.question).text)) === q.intent) right++;
  }
  const accuracy = right / questions.length;
  process.stderr.write(`L2 ${l2}: CV intent accuracy ${(100 * accuracy).toFixed(1)}%\n`);
  if (accuracy > best.accuracy) best = { l2, accuracy };
}
const patterns =
  questions.filter((q) => {
    const r = readQuestion(q.question);
    return mainIntent(intentWeights(r), r) === q.intent;
  }).length / questions.length;
const training = withParaphrases(questions);
const { model, terms } = fitIntentModel(training, best.l2);
const fitted =
  questions.filter((q) => argmax(intentProbabilities(model, readQuestion(q.question).text)) === q.intent)
    .length / questions.length;
process.stderr.write(
  `chosen L2 ${best.l2}: CV ${(100 * best.accuracy).toFixed(1)}%, fitted ${(100 * fitted).toFixed(1)}%; the cue patterns' main intent: ${(100 * patterns).toFixed(1)}% (${questions.length} questions, ${training.length} with paraphrases, ${terms.length} terms)\n`,
);

writeWeights(args, INTENT_WEIGHTS.file, {
  model: INTENT_WEIGHTS.model,
  version: INTENT_WEIGHTS.version,
  fitted: {
    at: fitDay(),
    script: INTENT_WEIGHTS.script,
    data: `${args.train}: ${questions.length} tuning questions on ${papers.length} papers and ${training.length - questions.length} paraphrases of them by form (the held-out sets are never read)`,
    method: `multinomial logistic regression over word stems, word pairs, opening words and character trigrams (terms seen twice or more), full-batch Adam, L2 ${best.l2} chosen by ${FOLDS}-fold cross-validation grouped by paper`,
    figures: {
      questions: questions.length,
      cv_accuracy: Number(best.accuracy.toFixed(4)),
      fitted_accuracy: Number(fitted.toFixed(4)),
      patterns_accuracy: Number(patterns.toFixed(4)),
    },
  },
  features: [...terms, "bias"],
  weights: Object.fromEntries(
    INTENTS.map((intent, k) => [
      intent,
      [...(model.weights[k] as Float64Array)].map((x) => Number(x.toFixed(4))),
    ]),
  ),
  settings: { l2: best.l2 },
});
