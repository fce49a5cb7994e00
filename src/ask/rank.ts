/**
 * Scores every passage for a question. Nothing is filtered per intent: each weighted intent adds
 * what a sentence answering it tends to have (its role in the abstract, its cue phrases, a number
 * of the asked kind, named data, its place), and the question's own words add their overlap,
 * rarer words (within this abstract) counting more. The weights are set by hand, per intent, from
 * what each kind of answer is; the scale and the decline threshold were chosen on the tuning
 * question set (test/ask/questions.json), never on the held-out one.
 */
import { fitsMeasure } from "./cues.js";
import type { Intent, IntentWeights } from "./intent.js";
import type { Passage } from "./passages.js";
import type { Question } from "./question.js";
import { mentions, type Word } from "./words.js";

// Affinity of each intent to each role: background, objective, method, result, other.
const ROLE_AFFINITY: Record<Intent, readonly number[]> = {
  proposal: [0, 1, 0.4, 0, 0],
  problem: [1, 0.2, 0, 0, 0],
  method: [0, 0.2, 1, 0, 0],
  results: [0, 0, 0, 1, 0],
  comparison: [0, 0, 0, 1, 0],
  datasets: [0, 0, 0.5, 0.5, 0],
  quantity: [0, 0, 0.3, 0.3, 0],
  hardware: [0, 0, 0.4, 0.4, 0],
  limitations: [0.2, 0, 0, 0.6, 0],
  code: [0, 0, 0, 0.3, 1],
  reason: [0.6, 0, 0.4, 0.2, 0],
  definition: [0, 0.4, 0.4, 0.2, 0],
};

// How much a cue phrase of the intent says the sentence answers it.
const CUE_WEIGHT: Record<Intent, number> = {
  proposal: 1,
  problem: 0.6,
  method: 0.5,
  results: 0.8,
  comparison: 0.8,
  datasets: 1,
  quantity: 0,
  hardware: 1.5,
  limitations: 1.5,
  code: 2,
  reason: 1,
  definition: 0.6,
};

const ROLE_WEIGHT = 1;
const OVERLAP_WEIGHT = 3;
const QUANTITY_WEIGHT = 1.2;
const NAMED_DATA_WEIGHT = 1;
const POSITION_WEIGHT = 0.3;
/** Words of the kind of answer ("faster", "datasets") count this much of a focus word. */
const KIND_WORD_SHARE = 0.4;
/** Words of earlier questions in a thread count this much of the question's own. */
const CONTEXT_SHARE = 0.5;

export interface Scored {
  passage: Passage;
  score: number;
  /** Share of the question's weighted words the passage holds, 0 to 1. */
  overlap: number;
  /** The focus words it holds. */
  covers: Word[];
}

/** Inverse document frequency of a word within the paper's own passages. */
function idf(passages: readonly Passage[], w: Word): number {
  let df = 0;
  for (const p of passages) if (mentions(p.keys, w)) df++;
  return Math.log(1 + passages.length / Math.max(1, df));
}

function positionPrior(intent: Intent, p: Passage, count: number): number {
  if (p.index < 0 || count <= 1) return 0;
  const at = p.index / (count - 1);
  if (intent === "proposal" || intent === "problem") return 1 - at;
  if (intent === "results") return at;
  return 0;
}

export function scorePassages(
  passages: readonly Passage[],
  q: Question,
  intents: IntentWeights,
  context: readonly Word[] = [],
): Scored[] {
  const focusKeys = new Set(q.focus.map((w) => w.lower));
  const weighted: { w: Word; weight: number; focus: boolean }[] = [];
  const seen = new Set<string>();
  for (const w of q.words) {
    if (seen.has(w.stem)) continue;
    seen.add(w.stem);
    const isFocus = focusKeys.has(w.lower);
    const kind = !isFocus && q.kindWords.some((k) => k.stem === w.stem);
    if (!isFocus && !kind) continue;
    weighted.push({ w, weight: idf(passages, w) * (isFocus ? 1 : KIND_WORD_SHARE), focus: isFocus });
  }
  for (const w of context) {
    if (seen.has(w.stem)) continue;
    seen.add(w.stem);
    weighted.push({ w, weight: idf(passages, w) * CONTEXT_SHARE, focus: false });
  }
  const total = weighted.reduce((s, x) => s + x.weight, 0);
  const abstractCount = passages.filter((p) => p.source === "abstract").length;
  return passages.map((passage) => {
    let shared = 0;
    const covers: Word[] = [];
    for (const x of weighted) {
      if (!mentions(passage.keys, x.w)) continue;
      shared += x.weight;
      if (x.focus) covers.push(x.w);
    }
    const overlap = total ? shared / total : 0;
    let score = OVERLAP_WEIGHT * overlap;
    for (const [intent, weight] of intents) {
      const affinity = ROLE_AFFINITY[intent];
      let roleScore = 0;
      for (let r = 0; r < affinity.length; r++)
        roleScore += (affinity[r] as number) * (passage.roles[r] as number);
      let s = ROLE_WEIGHT * roleScore + CUE_WEIGHT[intent] * (passage.cues.get(intent) ?? 0);
      if (intent === "quantity" || (intent === "results" && q.measure)) {
        const fitting = passage.quantities.filter((x) => fitsMeasure(x, q.measure));
        if (fitting.length) s += QUANTITY_WEIGHT;
      }
      if (intent === "datasets" && passage.namedData) s += NAMED_DATA_WEIGHT;
      s += POSITION_WEIGHT * positionPrior(intent, passage, abstractCount);
      score += weight * s;
    }
    return { passage, score, overlap, covers };
  });
}
