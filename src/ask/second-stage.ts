/**
 * The answer's second stage: when the first stage (model.ts) answers, its top few sentences are
 * compared two by two, and the one that wins its comparisons becomes the answer. The first stage
 * scores each sentence on its own; most of its misses put the right sentence second, next to the
 * one that introduces what the question is about, so these features *compare* two sentences:
 * which comes first, whether one follows the sentence that introduces the question's focus,
 * which holds more of the words that say what is asked about the focus, which carries the cue the
 * question's form wants (a cause for "why", a mechanism for "how does X work", a contrast for
 * "what's wrong"), their roles against the question's kind, and the first stage's own margin.
 *
 * Every feature is antisymmetric (φ(a, b) = −φ(b, a)) and the logistic model has no bias, so
 * "a beats b" and "b beats a" always have probabilities summing to one. Fitted by
 * scripts/fit-ask-pairs.ts on the first stage's out-of-fold candidates (its real mistakes, not its
 * training fit) and shipped as pair-weights.json in the learned-weights convention.
 */
import { checkFeatureNames, loadWeightsFile, weightsByName } from "../learned/weights-file.js";
import { ROLES } from "../roles/model.js";
import type { Ranking } from "./answer.js";
import { namesIn } from "./cues.js";
import { POINTS_BACK, QUESTION_KINDS } from "./features.js";
import { INTENTS } from "./intent.js";
import type { Passage } from "./passages.js";
import { fitsMeasureOf } from "./pick.js";
import { mentions } from "./words.js";

export const PAIR_WEIGHTS = {
  file: "src/ask/pair-weights.json",
  model: "ask-pairs",
  version: 1,
  script: "scripts/fit-ask-pairs.ts",
} as const;

/** Intents whose cue is compared (a number is the quantity features' business; "other" has none). */
const CUE_INTENTS = INTENTS.filter((i) => i !== "other" && i !== "quantity");

/** A cause: what a "why" wants. */
const CAUSE =
  /\b(because|due to|attribut\w+|caused by|stems? from|owing to|as a result|leads? to|leading to|results? in|since|arises?|root cause|explain\w*|the reason)\b/i;
/** A mechanism: what "how does X work / decide / route" wants. */
const MECHANISM =
  /\b(by (\w+ing)|via|through|using|which|where|that (learns?|predicts?|selects?|routes?|maps?|computes?|estimates?|decides?|assigns?|uses?)|consists? of|comprises?|first|then|each|per-\w+|when|if)\b/i;
/** A contrast or limitation: what "what's wrong / the catch" wants. */
const CONTRAST =
  /\b(however|but|yet|although|despite|unfortunately|remains?|struggles?|fails?|limited|lacks?|cannot|only|still|at the (cost|expense)|trade-?offs?|degrad\w+)\b/i;

export const PAIR_FEATURES: readonly string[] = [
  "score-gap",
  "overlap",
  "answer-words",
  "beyond-intro-words",
  "beyond-title-words",
  ...QUESTION_KINDS.map((k) => `beyond-intro-words:${k}`),
  ...QUESTION_KINDS.map((k) => `earlier:${k}`),
  ...QUESTION_KINDS.map((k) => `is-focus-intro:${k}`),
  ...QUESTION_KINDS.map((k) => `follows-focus-intro:${k}`),
  ...QUESTION_KINDS.map((k) => `follows:${k}`),
  "points-back-to-other",
  ...CUE_INTENTS.map((i) => `cue:${i}`),
  "cause:why",
  "mechanism:how",
  "contrast:problem-or-limitations",
  ...QUESTION_KINDS.flatMap((k) => ROLES.map((r) => `role:${k}:${r}`)),
  "number:measure",
  "names:wanted",
  "length",
];
if (new Set(PAIR_FEATURES).size !== PAIR_FEATURES.length)
  throw new Error("ask: a pair feature is named twice");
const INDEX = new Map(PAIR_FEATURES.map((f, i) => [f, i]));
function at(name: string): number {
  const i = INDEX.get(name);
  if (i === undefined) throw new Error(`unknown pair feature ${name}`);
  return i;
}

export interface PairModel {
  weights: Float64Array;
  /** How many of the first stage's best sentences are compared (2 or 3). */
  top: number;
  /**
   * How much more another sentence's comparisons must sum to than the first stage's choice's to
   * replace it (0: any win; more keeps the first stage's answer unless the comparisons are clear).
   */
  switchMargin: number;
}

type Weighted = Ranking["facts"]["focus"][number];

/** Share of the words' background weight that a passage holds. */
function holds(list: readonly Weighted[], p: Passage): number {
  let total = 0;
  let s = 0;
  for (const x of list) {
    total += x.background;
    if (mentions(p.keys, x.w) || x.alternates.some((a) => mentions(p.keys, a))) s += x.background;
  }
  return total ? s / total : 0;
}

/** What one sentence brings to its comparisons, computed once per ranking. */
interface Side {
  index: number;
  score: number;
  overlap: number;
  answerWords: number;
  beyondIntro: number;
  beyondTitle: number;
  pointsBack: boolean;
  cues: number[];
  cause: number;
  mechanism: number;
  contrast: number;
  roles: Float64Array;
  number: number;
  names: number;
  length: number;
}

/** The question's words (what it is about, what kind of answer, everyday words for them). */
function askedWords(r: Ranking): Weighted[] {
  return [...r.facts.focus, ...r.facts.answerWords, ...r.facts.everyday];
}

function sideOf(r: Ranking, i: number, score: number, intro: Passage | undefined): Side {
  const p = r.passages[i] as Passage;
  const asked = askedWords(r);
  // The words that say what is asked about the focus: those the sentence introducing the focus
  // does not already hold (when there is one), and those not in the title (what every sentence is about).
  const beyondIntro = intro ? asked.filter((x) => !mentions(intro.keys, x.w)) : asked;
  const beyondTitle = asked.filter((x) => !mentions(r.titleKeys, x.w));
  return {
    index: p.index,
    score,
    overlap: r.facts.overlaps[i] as number,
    answerWords: holds(r.facts.answerWords, p),
    beyondIntro: holds(beyondIntro, p),
    beyondTitle: holds(beyondTitle, p),
    pointsBack: POINTS_BACK.test(p.shown),
    cues: CUE_INTENTS.map((intent) => p.cues.get(intent) ?? 0),
    cause: CAUSE.test(p.shown) ? 1 : 0,
    mechanism: MECHANISM.test(p.shown) ? 1 : 0,
    contrast: CONTRAST.test(p.shown) ? 1 : 0,
    roles: p.roles,
    number: fitsMeasureOf(p, r.q) ? 1 : 0,
    names: Math.min(3, namesIn(p.shown, r.exceptNames)) / 3,
    length: Math.min(1, p.tokens.length / 60),
  };
}

/** The comparison of a against b: every feature is (a's) − (b's), or +1/−1 by which is which. */
function compare(r: Ranking, a: Side, b: Side): Float64Array {
  const x = new Float64Array(PAIR_FEATURES.length);
  const kind = r.facts.kind;
  const intent = (i: string) => r.facts.intents.get(i as never) ?? 0;
  x[at("score-gap")] = Math.max(-1, Math.min(1, (a.score - b.score) / 4));
  x[at("overlap")] = a.overlap - b.overlap;
  x[at("answer-words")] = a.answerWords - b.answerWords;
  x[at("beyond-intro-words")] = a.beyondIntro - b.beyondIntro;
  x[at(`beyond-intro-words:${kind}`)] = a.beyondIntro - b.beyondIntro;
  x[at("beyond-title-words")] = a.beyondTitle - b.beyondTitle;
  x[at(`earlier:${kind}`)] = a.index < b.index ? 1 : -1;
  const intro = r.facts.firstMention;
  x[at(`is-focus-intro:${kind}`)] = (a.index === intro ? 1 : 0) - (b.index === intro ? 1 : 0);
  x[at(`follows-focus-intro:${kind}`)] =
    (b.index === intro && a.index === b.index + 1 ? 1 : 0) -
    (a.index === intro && b.index === a.index + 1 ? 1 : 0);
  x[at(`follows:${kind}`)] = (a.index === b.index + 1 ? 1 : 0) - (b.index === a.index + 1 ? 1 : 0);
  x[at("points-back-to-other")] =
    (a.index === b.index + 1 && a.pointsBack ? 1 : 0) - (b.index === a.index + 1 && b.pointsBack ? 1 : 0);
  CUE_INTENTS.forEach((i, n) => {
    x[at(`cue:${i}`)] = intent(i) * ((a.cues[n] as number) - (b.cues[n] as number));
  });
  if (kind === "why" || intent("reason") > 0) x[at("cause:why")] = a.cause - b.cause;
  if (kind === "how") x[at("mechanism:how")] = a.mechanism - b.mechanism;
  const critical = Math.max(intent("problem"), intent("limitations"));
  if (critical > 0) x[at("contrast:problem-or-limitations")] = critical * (a.contrast - b.contrast);
  for (let k = 0; k < ROLES.length; k++)
    x[at(`role:${kind}:${ROLES[k]}`)] = (a.roles[k] as number) - (b.roles[k] as number);
  if (r.q.measure) x[at("number:measure")] = a.number - b.number;
  if (r.q.wantsNames) x[at("names:wanted")] = a.names - b.names;
  x[at("length")] = a.length - b.length;
  return x;
}

/**
 * The comparisons among a ranking's candidates (places in `r.passages`, best first by the first
 * stage, with their first-stage scores): `rows[a][b]` compares candidate a against candidate b.
 */
export function pairRows(
  r: Ranking,
  candidates: readonly number[],
  scores: readonly number[],
): Float64Array[][] {
  const introPassage = r.passages.find((p) => p.source === "abstract" && p.index === r.facts.firstMention);
  const sides = candidates.map((i, n) => sideOf(r, i, scores[n] as number, introPassage));
  return sides.map((a) =>
    sides.map((b) => (a === b ? new Float64Array(PAIR_FEATURES.length) : compare(r, a, b))),
  );
}

function dot(w: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) if (x[j] !== 0) s += (w[j] as number) * (x[j] as number);
  return s;
}

/**
 * Which of the candidates (best first by the first stage) answers: the one whose comparisons with
 * the others sum highest; the first stage's order breaks ties. Returns its position in `candidates`.
 */
export function pickByPairs(
  r: Ranking,
  candidates: readonly number[],
  scores: readonly number[],
  model: PairModel,
): number {
  if (candidates.length < 2) return 0;
  const rows = pairRows(r, candidates, scores);
  let best = 0;
  let bestTotal = Number.NEGATIVE_INFINITY;
  rows.forEach((row, a) => {
    let total = 0;
    row.forEach((x, b) => {
      if (a !== b) total += dot(model.weights, x);
    });
    if (a === 0) total += model.switchMargin;
    if (total > bestTotal + 1e-12) {
      best = a;
      bestTotal = total;
    }
  });
  return best;
}

export function pairModelOf(json: unknown): PairModel {
  const file = loadWeightsFile(json, PAIR_WEIGHTS);
  checkFeatureNames(file, PAIR_FEATURES, PAIR_WEIGHTS);
  const byName = weightsByName(file);
  const top = Number(file.settings.top);
  const switchMargin = Number(file.settings.switchMargin);
  return {
    weights: Float64Array.from(PAIR_FEATURES.map((f) => byName.get(f) as number)),
    top: Number.isInteger(top) && top >= 2 ? top : 2,
    switchMargin: Number.isFinite(switchMargin) ? switchMargin : 0,
  };
}
