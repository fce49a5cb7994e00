/**
 * A last look before answering: given the sentence the answer would show, how likely is it that
 * the paper does not answer the question at all? The first stage weighs declining against every
 * sentence with what the question is about; this check sees the chosen sentence itself: how much
 * of the question's words it leaves unmatched, whether a "which X" gets a name and a "how many" a
 * number, and by how much the sentence beat declining. A logistic model, fitted by
 * scripts/fit-ask-pairs.ts on out-of-fold answers (answerable questions answered right against
 * unanswerable ones answered); the answer declines when its probability is above the fitted
 * threshold.
 */
import { ROLES } from "../roles/model.js";
import type { Ranking } from "./answer.js";
import { namesIn } from "./cues.js";
import { QUESTION_KINDS } from "./features.js";
import { INTENTS } from "./intent.js";
import type { Passage } from "./passages.js";
import { fitsMeasureOf } from "./pick.js";
import { mentions } from "./words.js";

export const DECLINE_CHECK_FEATURES: readonly string[] = [
  "bias",
  "gap",
  "unmatched",
  "unmatched-focus",
  "unmatched-rarest",
  "names-wanted-none",
  "entity-none",
  "measure-none",
  "absent",
  ...QUESTION_KINDS.map((k) => `kind:${k}`),
  ...INTENTS.map((i) => `intent:${i}`),
  ...ROLES.map((r) => `role:${r}`),
];
const INDEX = new Map(DECLINE_CHECK_FEATURES.map((f, i) => [f, i]));
const at = (name: string) => INDEX.get(name) as number;

type Weighted = Ranking["facts"]["focus"][number];

function unmatchedShare(list: readonly Weighted[], p: Passage): number {
  let total = 0;
  let s = 0;
  for (const x of list) {
    total += x.background;
    if (!mentions(p.keys, x.w) && !x.alternates.some((a) => mentions(p.keys, a))) s += x.background;
  }
  return total ? s / total : 0;
}

/** The check's features for answering `r` with passage `i` whose score beats declining by `gap`. */
export function declineCheckRow(r: Ranking, i: number, gap: number): Float64Array {
  const x = new Float64Array(DECLINE_CHECK_FEATURES.length);
  const p = r.passages[i] as Passage;
  const f = r.facts;
  x[at("bias")] = 1;
  x[at("gap")] = Math.max(0, Math.min(1, gap / 4));
  x[at("unmatched")] = unmatchedShare([...f.focus, ...f.answerWords], p);
  x[at("unmatched-focus")] = unmatchedShare(f.focus, p);
  const rarest = f.focus.reduce<Weighted | null>((b, w) => (!b || w.background > b.background ? w : b), null);
  x[at("unmatched-rarest")] = rarest ? unmatchedShare([rarest], p) : 0;
  const names = namesIn(p.shown, r.exceptNames);
  x[at("names-wanted-none")] = r.q.wantsNames && names === 0 ? 1 : 0;
  x[at("entity-none")] = r.q.entity && names === 0 ? 1 : 0;
  x[at("measure-none")] = r.q.measure && !fitsMeasureOf(p, r.q) ? 1 : 0;
  let total = 0;
  let absent = 0;
  for (const w of f.focus) {
    total += w.background;
    if (!w.inPaper && !w.alternates.length) absent += w.background;
  }
  x[at("absent")] = total ? absent / total : 0;
  x[at(`kind:${f.kind}`)] = 1;
  for (const [intent, a] of f.intents) x[at(`intent:${intent}`)] = a;
  ROLES.forEach((role, k) => {
    x[at(`role:${role}`)] = p.roles[k] as number;
  });
  return x;
}

export interface DeclineCheck {
  weights: Float64Array;
  /** Decline when the probability that the paper does not answer is above this. */
  threshold: number;
}

export function declineProbability(check: DeclineCheck, row: Float64Array): number {
  let z = 0;
  for (let j = 0; j < row.length; j++) z += (check.weights[j] as number) * (row[j] as number);
  return 1 / (1 + Math.exp(-z));
}
