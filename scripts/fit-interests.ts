/**
 * Chooses the channel-interest settings on the dev scenario of the personalization measure
 * (src/eval/interests-eval.ts) and writes src/interests/interests-weights.json:
 *   npx tsx scripts/fit-interests.ts [--train THEMES] [--dev THEMES] [--digests DIR] [--gold DIR] [--write] [--out FILE]
 * Nothing is fitted by gradient: the profile is the reactions' centroid. What is chosen, on dev
 * only, is the dislike weight, the weight of the upvotes beside the interest, and the floor of the
 * "For this channel" section; the test scenario is printed, never used to choose.
 * `--train` names the themes file whose reaction days build the profiles; `--dev` the one whose
 * scored day chooses (the same file by default: its protocol names both days).
 */

import {
  type EvalSettings,
  formatScore,
  loadInterestsEval,
  SCENARIOS,
  scoreScenario,
} from "../src/eval/interests-eval.js";
import { INTEREST_FEATURES, INTERESTS_WEIGHTS } from "../src/interests/model.js";
import { fitDay, parseFitArgs, writeWeights } from "./lib/fit-cli.js";

const THEMES = "test/fixtures/eval/interests/themes.json";
const args = parseFitArgs(
  { train: THEMES, dev: THEMES },
  {
    digests: { type: "string", default: "test/fixtures/digests" },
    gold: { type: "string", default: "test/fixtures/eval/topics" },
  },
);
const data = loadInterestsEval({
  digests: String(args.extra.digests),
  gold: String(args.extra.gold),
  themes: args.dev,
});
const [dev, test] = SCENARIOS as [(typeof SCENARIOS)[number], (typeof SCENARIOS)[number]];

const base: EvalSettings = {
  halfLifeDays: 30,
  weights: { like: 1, star: 2, dislike: -1 },
  blend: { interest: 1, upvotes: 0.1 },
  featured: { max: 3, minInterest: 0.1 },
};

// 1. The order: dislike weight × upvote weight, by dev P@5 (ties: the simpler, smaller weights).
let best = { settings: base, p: -1 };
for (const dislike of [0, -0.25, -0.5, -1]) {
  for (const upvotes of [0, 0.02, 0.05, 0.1, 0.2, 0.4]) {
    const s: EvalSettings = {
      ...base,
      weights: { ...base.weights, dislike },
      blend: { interest: 1, upvotes },
    };
    const score = scoreScenario(data, dev, s);
    console.log(`dislike ${dislike}, upvotes ${upvotes}: dev P@5 ${score.personalized.toFixed(3)}`);
    if (score.personalized > best.p + 1e-9) best = { settings: s, p: score.personalized };
  }
}
// 2. The section's floor: a paper is worth a place there only when more likely right than wrong,
// so the floor maximizes (relevant - irrelevant shown) per place, on dev.
let bestFloor = { floor: base.featured.minInterest, f: Number.NEGATIVE_INFINITY };
for (const floor of [0, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2]) {
  const s = { ...best.settings, featured: { max: 3, minInterest: floor } };
  const score = scoreScenario(data, dev, s);
  console.log(
    `floor ${floor}: dev featured net ${score.featuredNet.toFixed(3)}, precision ${score.featuredPrecision.toFixed(3)}, ${score.featuredShown.toFixed(2)} shown`,
  );
  if (score.featuredNet > bestFloor.f + 1e-9) bestFloor = { floor, f: score.featuredNet };
}
const chosen: EvalSettings = { ...best.settings, featured: { max: 3, minInterest: bestFloor.floor } };
const devScore = scoreScenario(data, dev, chosen);
const testScore = scoreScenario(data, test, chosen);
console.log(`chosen: ${JSON.stringify(chosen)}`);
console.log(formatScore(devScore, data.corpus));
console.log(formatScore(testScore, data.corpus));
data.close();

const r = (x: number) => Math.round(x * 1000) / 1000;
writeWeights(args, INTERESTS_WEIGHTS.file, {
  model: INTERESTS_WEIGHTS.model,
  version: INTERESTS_WEIGHTS.version,
  fitted: {
    at: fitDay(),
    script: INTERESTS_WEIGHTS.script,
    data: `simulated channels (every pair of the 7 themes of ${args.dev}, 10 seeds) over the ${data.corpus} papers of ${String(args.extra.digests)}: reactions on 2026-02-03, chosen on 2026-02-06 (dev); reactions on 2026-02-03 and 02-06, scored on 2026-02-16 (test, not used to choose)`,
    method:
      "grid search on dev: dislike weight {0, -0.25, -0.5, -1} x upvote weight {0 … 0.4} by P@5, then the section's floor {0 … 0.2} by (relevant - irrelevant shown) per place; half-life and star weight set by design (30 days, 2 likes)",
    figures: {
      "dev P@5": r(devScore.personalized),
      "dev P@5 upvotes-only": r(devScore.upvotesOnly),
      "dev featured precision": r(devScore.featuredPrecision),
      "dev featured shown": r(devScore.featuredShown),
      "test P@5": r(testScore.personalized),
      "test P@5 upvotes-only": r(testScore.upvotesOnly),
      "test featured precision": r(testScore.featuredPrecision),
      "test featured shown": r(testScore.featuredShown),
    },
  },
  features: [...INTEREST_FEATURES],
  weights: [chosen.blend.interest, chosen.blend.upvotes],
  settings: {
    halfLifeDays: chosen.halfLifeDays,
    like: chosen.weights.like,
    star: chosen.weights.star,
    dislike: chosen.weights.dislike,
    featuredMax: chosen.featured.max,
    featuredMinInterest: chosen.featured.minInterest,
  },
});
