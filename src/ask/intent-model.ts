/**
 * Intent from a learned classifier, beside the cue patterns of intent.ts: a multinomial logistic
 * regression over the question's word stems, adjacent word pairs, its opening words and the
 * character trigrams of its words (so "datsets", "benchmrks" and "what do u get" still read),
 * fitted by scripts/fit-ask-intents.ts on the tuning questions' intents plus paraphrases made by
 * templates. It gives soft probabilities, which the answer model weighs as features
 * (features.ts "intent-p:…"), never as a route: a question the patterns miss is still scored
 * under the intents its wording resembles.
 */
import { readFileSync } from "node:fs";
import { loadWeightsFile } from "../learned/weights-file.js";
import { INTENTS, type Intent } from "./intent.js";
// Type-only: the build copies the file beside this module; it is read on the first question.
import type intentFile from "./intent-weights.json";
import { words } from "./words.js";

export const INTENT_WEIGHTS = {
  file: "src/ask/intent-weights.json",
  model: "ask-intent",
  version: 1,
  script: "scripts/fit-ask-intents.ts",
} as const;

/** The classifier's input: sparse named features of a cleaned, lower-cased question (question.ts `text`). */
export function intentTerms(text: string): string[] {
  const ws = words(text).map((w) => w.stem);
  const out = new Set<string>();
  out.add(`first:${ws[0] ?? ""}`);
  out.add(`first2:${ws.slice(0, 2).join(" ")}`);
  ws.forEach((w, i) => {
    out.add(`w:${w}`);
    if (i + 1 < ws.length) out.add(`b:${w} ${ws[i + 1]}`);
    if (w.length >= 3 && /^\p{L}+$/u.test(w)) {
      const padded = `^${w}$`;
      for (let k = 0; k + 3 <= padded.length; k++) out.add(`c:${padded.slice(k, k + 3)}`);
    }
  });
  if (/\?\s*$/.test(text)) out.add("mark:?");
  if (ws.length <= 2) out.add("short");
  return [...out];
}

export interface IntentModel {
  ids: Map<string, number>;
  /** Per intent (INTENTS order), one weight per term, then a bias. */
  weights: Float64Array[];
}

/** Probability of each intent, in INTENTS order. */
export function intentProbabilities(model: IntentModel, text: string): Float64Array {
  const ids = intentTerms(text)
    .map((t) => model.ids.get(t))
    .filter((i): i is number => i !== undefined);
  const n = model.ids.size;
  const z = model.weights.map((w) => ids.reduce((s, i) => s + (w[i] as number), w[n] as number));
  const max = Math.max(...z);
  const e = z.map((s) => Math.exp(s - max));
  const total = e.reduce((a, b) => a + b, 0);
  return Float64Array.from(e, (x) => x / total);
}

export function intentModelOf(json: unknown): IntentModel {
  const file = loadWeightsFile(json, INTENT_WEIGHTS);
  if (Array.isArray(file.weights)) throw new Error(`${INTENT_WEIGHTS.file}: expected one row per intent`);
  const terms = file.features.slice(0, -1);
  const rows = file.weights;
  return {
    ids: new Map(terms.map((t, i) => [t, i])),
    weights: INTENTS.map((intent: Intent) => {
      const row = rows[intent];
      if (!row) throw new Error(`${INTENT_WEIGHTS.file}: no weights for intent ${intent}`);
      return Float64Array.from(row);
    }),
  };
}

let shipped: IntentModel | undefined;
/** The shipped classifier, validated once on first use. */
export function shippedIntentModel(): IntentModel {
  shipped ??= intentModelOf(
    JSON.parse(readFileSync(new URL("./intent-weights.json", import.meta.url), "utf8")) as typeof intentFile,
  );
  return shipped;
}
