/**
 * How rare a word is in research abstracts at large (smoothed inverse document frequency over a
 * background corpus, scripts/fit-ask-rarity.ts): a question's rare words say more about which
 * sentence answers it than its common ones. Counted over abstracts no question is asked about,
 * so a word's weight does not depend on the one abstract at hand.
 */
import { loadWeightsFile, weightsByName } from "../learned/weights-file.js";
import weightsJson from "./rarity-weights.json" with { type: "json" };
import type { Word } from "./words.js";

export const RARITY_WEIGHTS = {
  file: "src/ask/rarity-weights.json",
  model: "ask-word-rarity",
  version: 1,
  script: "scripts/fit-ask-rarity.ts",
} as const;

interface Rarity {
  byStem: Map<string, number>;
  /** The weight of a word the corpus (nearly) never has. */
  unseen: number;
}

let shipped: Rarity | undefined;

function load(): Rarity {
  const file = loadWeightsFile(weightsJson, RARITY_WEIGHTS);
  const unseen = Number(file.settings.unseen);
  return { byStem: weightsByName(file), unseen: Number.isFinite(unseen) ? unseen : 8 };
}

/** Rarity of a word by its stem: about 0 for "the", about 8 for a word no background abstract has. */
export function rarity(w: Word): number {
  shipped ??= load();
  return shipped.byStem.get(w.stem) ?? shipped.unseen;
}
