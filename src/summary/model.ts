/**
 * The fitted TL;DR model: feature weights, the compression rules that helped, the length limit.
 * Fitted by scripts/fit-tldr.ts on SciTLDR train.jsonl and shipped as tldr-weights.json.
 */
import { z } from "zod";
import { ErrorCode, PaperboyError } from "../errors.js";
import weightsJson from "./tldr-weights.json" with { type: "json" };

export const TldrModelSchema = z.object({
  version: z.literal(1),
  /** How and on what the weights were fitted (free text, for people). */
  fitted: z.string(),
  /** Weight per feature name (see features.ts); absent features weigh 0. */
  weights: z.record(z.string(), z.number()),
  /** Compression rules applied in this order (names from compress.ts). */
  compression: z.array(z.string()),
  /** The TL;DR's maximum length in words. */
  maxWords: z.number().int().min(5).max(60),
});

export type TldrModel = z.infer<typeof TldrModelSchema>;

function load(): TldrModel {
  const parsed = TldrModelSchema.safeParse(weightsJson);
  if (!parsed.success) {
    throw new PaperboyError(
      ErrorCode.ConfigInvalid,
      `src/summary/tldr-weights.json is invalid (${parsed.error.issues[0]?.message}); regenerate it with \`npx tsx scripts/fit-tldr.ts <train.jsonl>\``,
      { file: "src/summary/tldr-weights.json" },
    );
  }
  return parsed.data;
}

/** The shipped model (validated once, on first use). */
let shipped: TldrModel | undefined;
export function shippedModel(): TldrModel {
  shipped ??= load();
  return shipped;
}
