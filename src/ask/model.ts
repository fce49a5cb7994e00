/**
 * The answer model: one linear score per sentence over the features of features.ts, and one for
 * declining ("none:" features), fitted together by scripts/fit-ask.ts as a listwise softmax over a
 * question's sentences plus the option of not answering. A sentence answers when its score beats
 * declining by the fitted margin (chosen by cross-validation, grouped by paper, on the tuning
 * questions). Shipped as answer-weights.json in the learned-weights convention
 * (src/learned/weights-file.ts); a file whose feature names differ from the code's is refused.
 */
import { checkFeatureNames, loadWeightsFile, weightsByName } from "../learned/weights-file.js";
import weightsJson from "./answer-weights.json" with { type: "json" };
import { FEATURES } from "./features.js";

export const ANSWER_WEIGHTS = {
  file: "src/ask/answer-weights.json",
  model: "ask-answer",
  version: 1,
  script: "scripts/fit-ask.ts",
} as const;

export interface AnswerModel {
  /** One weight per feature, in FEATURES order. */
  weights: Float64Array;
  /** How far a sentence's score must be above declining's to be given as the answer. */
  margin: number;
  /** How close (in score) a second sentence must be to the best to complete a two-part answer. */
  complementGap: number;
  /**
   * How far above declining the source's summary must score to be given instead (it is a model's
   * rewording of the paper, so it needs more than an abstract sentence does).
   */
  summaryMargin: number;
}

export function answerModelOf(json: unknown): AnswerModel {
  const file = loadWeightsFile(json, ANSWER_WEIGHTS);
  checkFeatureNames(file, FEATURES, ANSWER_WEIGHTS);
  const byName = weightsByName(file);
  const number = (key: string, fallback: number) => {
    const v = Number(file.settings[key]);
    return Number.isFinite(v) ? v : fallback;
  };
  return {
    weights: Float64Array.from(FEATURES.map((f) => byName.get(f) as number)),
    margin: number("margin", 0),
    complementGap: number("complementGap", 1),
    summaryMargin: number("summaryMargin", 0),
  };
}

let shipped: AnswerModel | undefined;
/** The shipped model, validated once on first use. */
export function shippedAnswerModel(): AnswerModel {
  shipped ??= answerModelOf(weightsJson);
  return shipped;
}

export function scoreRow(weights: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) {
    const v = x[j] as number;
    if (v !== 0) s += v * (weights[j] as number);
  }
  return s;
}
