/**
 * How far to trust the answer model's own confidence (docs/ask.md, "Confidence"): leave one
 * writer's set out over the fitted question sets (L2 0.003, margins 0, as scripts/loso-ask.ts), and
 * for every answer given from the abstract by ranking, its confidence (the probability the fitted
 * softmax gives the chosen sentence) against whether a reader accepts it. Prints the hit rate per
 * band of confidence and what `TENTATIVE_BELOW` (src/ask/answer.ts) makes tentative.
 *
 *   npx tsx scripts/calibrate-ask.ts
 *
 * It never reads the set kept aside (NEVER_FITTED in scripts/lib/ask-examples.ts).
 */
import { answerFromRanking, TENTATIVE_BELOW } from "../src/ask/answer.js";
import { isHit } from "../test/ask/question-set.js";
import {
  atMarginZero,
  FITTED_SETS,
  fitWeights,
  loadQuestionFiles,
  log,
  pct,
  prepareExample,
  setOf,
} from "./lib/ask-examples.js";

const BANDS = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.000001];

const examples = loadQuestionFiles(FITTED_SETS).map(prepareExample);
const answered: {
  confidence: number;
  right: boolean;
  answerable: boolean;
  tentative: boolean;
  intent: string;
}[] = [];
for (const set of new Set(examples.map(setOf))) {
  log(`fitting without ${set}`);
  const weights = fitWeights(
    examples.filter((e) => setOf(e) !== set),
    0.003,
  );
  const model = atMarginZero(weights);
  for (const e of examples) {
    if (setOf(e) !== set || e.ranking === null) continue;
    const a = answerFromRanking(e.ranking, model);
    if (a.confidence === null || a.source !== "abstract") continue;
    answered.push({
      confidence: a.confidence,
      right: isHit(e.q, a),
      answerable: e.q.expect !== null,
      tentative: a.tentative,
      intent: a.intent,
    });
  }
}

const line = (label: string, rows: typeof answered) => {
  const right = rows.filter((r) => r.right).length;
  const wrongfully = rows.filter((r) => !r.answerable).length;
  console.log(
    `${label.padEnd(22)} ${String(rows.length).padStart(5)} answers, ${pct(right / Math.max(1, rows.length)).padStart(6)} right (${right}), ${wrongfully} to questions it should have declined`,
  );
};
console.log(
  `${examples.length} questions, ${answered.length} answered from the abstract by ranking, each out of set:`,
);
for (let i = 0; i + 1 < BANDS.length; i++) {
  const lo = BANDS[i] as number;
  const hi = BANDS[i + 1] as number;
  line(
    `confidence ${lo.toFixed(1)}–${Math.min(1, hi).toFixed(1)}`,
    answered.filter((r) => r.confidence >= lo && r.confidence < hi),
  );
}
line(
  `tentative (< ${TENTATIVE_BELOW})`,
  answered.filter((r) => r.tentative),
);
line(
  "given as sure",
  answered.filter((r) => !r.tentative),
);

console.log("by the answer's intent (tentative: answers, right · sure: answers, right):");
for (const intent of [...new Set(answered.map((r) => r.intent))].sort()) {
  const rows = answered.filter((r) => r.intent === intent);
  const t = rows.filter((r) => r.tentative);
  const u = rows.filter((r) => !r.tentative);
  const right = (xs: typeof rows) =>
    `${xs.length}, ${pct(xs.filter((r) => r.right).length / Math.max(1, xs.length))}`;
  console.log(`  ${intent.padEnd(12)} tentative ${right(t).padEnd(12)} sure ${right(u)}`);
}
