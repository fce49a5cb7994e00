/**
 * Second stage: the first stage's best `RERANK_DEPTH` hits are re-ordered by a linear model over
 * their features (features.ts), fitted on SciTLDR train by scripts/fit-search.ts and shipped as
 * rerank-weights.json. Only this head needs the papers' text, so the cost per query is one read
 * of 50 abstracts, whatever the archive's size.
 */
import { checkFeatureNames, loadWeightsFile, weightsByName } from "../learned/weights-file.js";
import { type CandidateText, candidateFeatures, FEATURES, linearScore, type QueryFacts } from "./features.js";
import weightsJson from "./rerank-weights.json" with { type: "json" };
import type { Ranked } from "./top-k.js";

/** Hits (best first) that the model may re-order. */
export const RERANK_DEPTH = 50;

export interface RerankModel {
  features: readonly string[];
  weights: readonly number[];
}

export const RERANK_WEIGHTS = {
  file: "src/search/rerank-weights.json",
  model: "search-rerank",
  // 2: title features (titleCoverage, titleBigrams, titleName) and the title as its own sentence.
  // 3: the head holds the semantic extras (rank.ts) as well as the first stage's top 50.
  version: 3,
  script: "scripts/fit-search.ts",
} as const;

let shipped: RerankModel | null = null;

/**
 * The shipped model, loaded and checked on first use (not at import, so the fit script can run
 * while the file still holds an older feature list).
 */
export function shippedRerankModel(): RerankModel {
  shipped ??= loadShipped();
  return shipped;
}

function loadShipped(): RerankModel {
  const file = loadWeightsFile(weightsJson, RERANK_WEIGHTS);
  // A weights file from another feature list would silently mis-rank: refuse it at load, and fill
  // the row in the code's feature order by name.
  checkFeatureNames(file, FEATURES, RERANK_WEIGHTS);
  const byName = weightsByName(file);
  return { features: FEATURES, weights: FEATURES.map((f) => byName.get(f) as number) };
}

/**
 * `head` re-ordered by the model, best first. Scores stay comparable with the hits after the
 * head: the model's scores are shifted so the lowest of the head equals `floor` (the first
 * stage's score of the next hit, or of the head's last).
 */
export function rerank<T extends Ranked>(
  head: readonly T[],
  q: QueryFacts,
  texts: readonly (CandidateText | null)[],
  floor: number,
  model: RerankModel = shippedRerankModel(),
): T[] {
  if (head.length < 2) return [...head];
  const rows = candidateFeatures(
    q,
    head.map((h) => h.score),
    texts,
  );
  const scored = head.map((hit, order) => ({
    hit,
    order,
    s: linearScore(model.weights, rows[order] as number[]),
  }));
  scored.sort((a, b) => b.s - a.s || a.order - b.order);
  const low = (scored[scored.length - 1] as { s: number }).s;
  return scored.map(({ hit, s }) => ({ ...hit, score: floor + (s - low) }));
}
