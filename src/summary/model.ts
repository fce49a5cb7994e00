/**
 * The fitted TL;DR model: feature weights, the compression rules that helped, the length limit.
 * Fitted by scripts/fit-tldr.ts on SciTLDR train.jsonl and shipped as tldr-weights.json, in the
 * convention every learned model follows (src/learned/weights-file.ts).
 */
import { z } from "zod";
import { ErrorCode, PaperboyError } from "../errors.js";
import { loadWeightsFile, type WeightsFile, weightsByName } from "../learned/weights-file.js";
import weightsJson from "./tldr-weights.json" with { type: "json" };

export const TLDR_WEIGHTS = {
  file: "src/summary/tldr-weights.json",
  model: "tldr",
  version: 1,
  script: "scripts/fit-tldr.ts",
} as const;

const Settings = z.object({
  /** Compression rules applied in this order (names from compress.ts). */
  compression: z.array(z.string()),
  /** The TL;DR's maximum length in words. */
  maxWords: z.number().int().min(5).max(60),
  /** A sentence at most this many words over `maxWords` is kept whole rather than cut. */
  keepWholeWithin: z.number().int().min(0).max(10).default(0),
});

export interface TldrModel {
  /** Weight per feature name (see features.ts); absent features weigh 0. */
  weights: Record<string, number>;
  compression: string[];
  maxWords: number;
  keepWholeWithin: number;
}

/** The model a weights file holds. */
export function tldrModelOf(file: WeightsFile): TldrModel {
  const settings = Settings.safeParse(file.settings);
  if (!settings.success) {
    throw new PaperboyError(
      ErrorCode.WeightsInvalid,
      `${TLDR_WEIGHTS.file} settings are invalid (${settings.error.issues[0]?.message}); refit it with \`npx tsx ${TLDR_WEIGHTS.script} --write\``,
      { file: TLDR_WEIGHTS.file },
    );
  }
  return { weights: Object.fromEntries(weightsByName(file)), ...settings.data };
}

/** The shipped model (validated once, on first use). */
let shipped: TldrModel | undefined;
export function shippedModel(): TldrModel {
  shipped ??= tldrModelOf(loadWeightsFile(weightsJson, TLDR_WEIGHTS));
  return shipped;
}
