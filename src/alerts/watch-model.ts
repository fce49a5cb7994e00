/**
 * The fitted watch model: the probability that a paper is what a saved search asks for, from the
 * features of watch-features.ts, and the threshold at which it alerts. Fitted by
 * scripts/fit-alerts.ts on SciTLDR train, threshold chosen on dev (docs/alerts.md), and shipped as
 * watch-weights.json in the convention every learned model follows (src/learned/weights-file.ts).
 */
import { z } from "zod";
import { ErrorCode, PaperboyError } from "../errors.js";
import {
  checkFeatureNames,
  loadWeightsFile,
  type WeightsFile,
  weightsByName,
} from "../learned/weights-file.js";
import {
  type PreparedPaper,
  type PreparedWatch,
  unsharedRange,
  WATCH_FEATURES,
  WATCH_WEIGHTS,
  watchFeatures,
} from "./watch-features.js";
import weightsJson from "./watch-weights.json" with { type: "json" };

const Settings = z.object({
  /** A paper alerts when its probability reaches this. */
  threshold: z.number().gt(0).lt(1),
});

export interface WatchModel {
  /** In WATCH_FEATURES order. */
  weights: readonly number[];
  threshold: number;
}

export function watchModelOf(file: WeightsFile): WatchModel {
  checkFeatureNames(file, WATCH_FEATURES, WATCH_WEIGHTS);
  const settings = Settings.safeParse(file.settings);
  if (!settings.success) {
    throw new PaperboyError(
      ErrorCode.WeightsInvalid,
      `${WATCH_WEIGHTS.file} settings are invalid (threshold: ${settings.error.issues[0]?.message}); refit it with \`npx tsx ${WATCH_WEIGHTS.script} --write\``,
      { file: WATCH_WEIGHTS.file },
    );
  }
  const byName = weightsByName(file);
  return {
    weights: WATCH_FEATURES.map((f) => byName.get(f) as number),
    threshold: settings.data.threshold,
  };
}

let shipped: WatchModel | undefined;
/** The shipped model (validated once, on first use). */
export function shippedWatchModel(): WatchModel {
  shipped ??= watchModelOf(loadWeightsFile(weightsJson, WATCH_WEIGHTS));
  return shipped;
}

/** The highest probability the model can give `watch` for a paper that shares none of its terms. */
export function unsharedCeiling(model: WatchModel, watch: PreparedWatch): number {
  let z = 0;
  unsharedRange(watch).forEach(([lo, hi], j) => {
    const w = model.weights[j] as number;
    z += Math.max(w * lo, w * hi);
  });
  return 1 / (1 + Math.exp(-z));
}

/** The model's probability that `paper` is what `watch` asks for. */
export function relevance(model: WatchModel, watch: PreparedWatch, paper: PreparedPaper): number {
  const row = watchFeatures(watch, paper);
  let z = 0;
  for (let j = 0; j < row.length; j++) z += (model.weights[j] as number) * (row[j] as number);
  return 1 / (1 + Math.exp(-z));
}
