/**
 * Fitting the intent classifier of src/ask/intent-model.ts: a multinomial logistic regression,
 * full-batch Adam with L2, over terms seen at least twice. Shared by scripts/fit-ask-intents.ts
 * (which writes the shipped file) and scripts/fit-ask.ts (which refits it inside each
 * cross-validation fold, so that no question's own intent label reaches its features).
 */
import { INTENTS, type Intent } from "../../src/ask/intent.js";
import { type IntentModel, intentTerms } from "../../src/ask/intent-model.js";
import { readQuestion } from "../../src/ask/question.js";
import { adamStep } from "./adam.js";

export interface Labelled {
  question: string;
  intent: string;
}

const ITERATIONS = 250;
const LEARNING_RATE = 0.1;

export function fitIntentModel(
  examples: readonly Labelled[],
  l2 = 0.001,
): { model: IntentModel; terms: string[] } {
  const docs = examples.map((e) => ({
    terms: intentTerms(readQuestion(e.question).text),
    y: INTENTS.indexOf(e.intent as Intent),
  }));
  for (const d of docs) if (d.y < 0) throw new Error(`unknown intent in a training question`);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const terms = [...df]
    .filter(([, c]) => c >= 2)
    .map(([t]) => t)
    .sort();
  const ids = new Map(terms.map((t, i) => [t, i]));
  const rows = docs.map((d) => ({
    ids: d.terms.map((t) => ids.get(t)).filter((i): i is number => i !== undefined),
    y: d.y,
  }));
  const K = INTENTS.length;
  const F = terms.length + 1;
  const w = new Float64Array(K * F);
  const m = new Float64Array(K * F);
  const v = new Float64Array(K * F);
  for (let t = 1; t <= ITERATIONS; t++) {
    const g = new Float64Array(K * F);
    for (const r of rows) {
      const z = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        let s = w[k * F + F - 1] as number;
        for (const i of r.ids) s += w[k * F + i] as number;
        z[k] = s;
      }
      const max = Math.max(...z);
      let total = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp((z[k] as number) - max);
        total += z[k] as number;
      }
      for (let k = 0; k < K; k++) {
        const d = ((z[k] as number) / total - (k === r.y ? 1 : 0)) / rows.length;
        g[k * F + F - 1] = (g[k * F + F - 1] as number) + d;
        for (const i of r.ids) g[k * F + i] = (g[k * F + i] as number) + d;
      }
    }
    adamStep(w, g, m, v, t, LEARNING_RATE, l2);
  }
  return {
    terms,
    model: { ids, weights: INTENTS.map((_, k) => w.slice(k * F, (k + 1) * F)) },
  };
}
