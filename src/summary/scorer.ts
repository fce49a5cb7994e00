/** Linear sentence scorer: a dot product of features and learned weights. */
import type { Features } from "./features.js";

export function scoreFeatures(features: Features, weights: Readonly<Record<string, number>>): number {
  let s = 0;
  for (const [name, value] of features) {
    const w = weights[name];
    if (w !== undefined) s += w * value;
  }
  return s;
}

/** Index of the best-scoring sentence among the allowed ones (the first on ties); -1 when none. */
export function bestIndex(scores: readonly number[], allowed: (i: number) => boolean = () => true): number {
  let best = -1;
  for (let i = 0; i < scores.length; i++) {
    if (!allowed(i)) continue;
    if (best < 0 || (scores[i] as number) > (scores[best] as number)) best = i;
  }
  return best;
}
