/**
 * The channel-interest settings paperboy ships: the profile's half-life and the weight of each
 * reaction kind, the blend of interest and upvotes that orders a roundup for a channel, and the
 * floor of its "For this channel" section. Chosen on the dev scenario of the personalization
 * measure by scripts/fit-interests.ts (docs/interests.md) and kept in interests-weights.json, under
 * the one weights-file convention (src/learned/weights-file.ts).
 */
import { z } from "zod";
import { checkFeatureNames, loadWeightsFile, weightsByName } from "../learned/weights-file.js";
import weightsJson from "./interests-weights.json" with { type: "json" };
import type { OrderSettings } from "./order.js";
import type { InterestSettings } from "./profile.js";

export const INTERESTS_WEIGHTS = {
  file: "src/interests/interests-weights.json",
  model: "channel-interests",
  version: 1,
  script: "scripts/fit-interests.ts",
} as const;

/** The order score's terms: the cosine with the profile, and the upvote prior (order.ts). */
export const INTEREST_FEATURES = ["interest", "upvotes"] as const;

const Settings = z.object({
  halfLifeDays: z.number().positive(),
  like: z.number().positive(),
  star: z.number().positive(),
  dislike: z.number().max(0),
  featuredMax: z.number().int().min(0),
  featuredMinInterest: z.number().min(0).max(1),
});

export type InterestModel = InterestSettings & OrderSettings;

function shipped(): InterestModel {
  const file = loadWeightsFile(weightsJson, INTERESTS_WEIGHTS);
  checkFeatureNames(file, INTEREST_FEATURES, INTERESTS_WEIGHTS);
  const w = weightsByName(file);
  const s = Settings.parse(file.settings);
  return {
    halfLifeDays: s.halfLifeDays,
    weights: { like: s.like, star: s.star, dislike: s.dislike },
    blend: { interest: w.get("interest") as number, upvotes: w.get("upvotes") as number },
    featured: { max: s.featuredMax, minInterest: s.featuredMinInterest },
  };
}

export const INTEREST_MODEL: InterestModel = shipped();
