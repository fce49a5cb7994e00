/**
 * Deciding that the paper does not say, before any sentence is picked: when a name the question
 * uses, the thing it asks for ("how many GPUs", "what resolution") or every word it is about is
 * nowhere in the paper's text, no sentence can answer it, however well one matches the intent.
 * That is also what turns away a question about another paper. The answer names what is missing,
 * in the question's own words, stripped to plain tokens (never markup or mentions).
 */
import type { Intent } from "./intent.js";
import type { Passage } from "./passages.js";
import type { Question } from "./question.js";
import { mentions, spelledOut, type Word } from "./words.js";

export interface Missing {
  /** What is not in the paper, as the reader wrote it. */
  words: Word[];
}

function inPaper(passages: readonly Passage[], keys: ReadonlySet<string>, w: Word): boolean {
  // "RL" is in a paper that says "Reinforcement Learning".
  return (
    mentions(keys, w) ||
    passages.some((p) => mentions(p.keys, w)) ||
    passages.some((p) => spelledOut(p.tokens, w) !== null)
  );
}

/**
 * What the question needs that the paper never mentions, or null when it could be answered.
 * `titleKeys` are the title's words: a question naming the paper's own method is about this paper.
 */
/** True when the paper's text (or its title) has the word, as written, by stem, or spelled out. */
export function paperHas(passages: readonly Passage[], titleKeys: ReadonlySet<string>, w: Word): boolean {
  return inPaper(passages, titleKeys, w);
}

export function missingFromPaper(
  q: Question,
  passages: readonly Passage[],
  titleKeys: ReadonlySet<string>,
): Missing | null {
  // "What GPU can run it?" is answered by "a single RTX 3090": hardware is named, not called so.
  // "Does it support GPUs?" asks about GPUs themselves.
  const hardwareNamed =
    /^(and |so )?(what|which|on what|on which)\b/.test(q.text) &&
    passages.some((p) => (p.cues.get("hardware") ?? 0) > 0);
  const absentNames = q.names.filter(
    (w) =>
      !inPaper(passages, titleKeys, w) &&
      !(hardwareNamed && q.measure !== "count" && HARDWARE_WORDS.has(w.lower)),
  );
  if (absentNames.length) return { words: absentNames };
  // "which car makers": the thing asked for is the head noun, the last word ("makers"); "car"
  // only says which ones.
  const head = q.asked[q.asked.length - 1];
  const namedHardware = hardwareNamed && HARDWARE_WORDS.has(head?.lower ?? "") && q.measure !== "count";
  // Only a thing that is counted or named must be in the paper ("how many GPUs", "which car
  // makers"); a head such as "range" or "behavior" may just be worded otherwise, and its absence is
  // left to the answer model (a feature of declining).
  const mustBeThere = q.measure === "count" || q.entity !== null || q.wantsNames;
  if (head && mustBeThere && !namedHardware && !inPaper(passages, titleKeys, head))
    return { words: q.asked.filter((w) => !inPaper(passages, titleKeys, w)) };
  // Two or more words of what it is about, none of them in the paper: a question about something
  // else. (One word alone may just be phrased differently: "does it need retraining?")
  const about = q.focus.filter((w) => !(hardwareNamed && HARDWARE_WORDS.has(w.lower)));
  if (about.length >= 2 && about.every((w) => !inPaper(passages, titleKeys, w))) return { words: q.focus };
  return null;
}

const HARDWARE_WORDS = new Set([
  "gpu",
  "gpus",
  "hardware",
  "chip",
  "chips",
  "device",
  "devices",
  "accelerator",
  "accelerators",
]);

const SAFE_TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}+-]*$/u;

/** The missing words as a phrase: in question order, adjacent ones together, at most four. */
export function phrase(q: Question, missing: readonly Word[]): string {
  const wanted = new Set(missing.map((w) => w.lower));
  const groups: string[][] = [];
  let run: string[] = [];
  for (const w of q.words) {
    if (wanted.has(w.lower) && SAFE_TOKEN.test(w.surface)) {
      run.push(w.surface);
      wanted.delete(w.lower);
    } else if (run.length) {
      groups.push(run);
      run = [];
    }
  }
  if (run.length) groups.push(run);
  const parts = groups.slice(0, 3).map((g) => g.slice(0, 4).join(" "));
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} or ${parts[parts.length - 1]}`;
}

/**
 * Intents whose answer is a sentence that carries their cue: only such a sentence can answer, and
 * without one the paper does not say. Datasets only when the question asks for them by that name
 * ("which datasets", "what benchmark"), not for "which tasks".
 */
export function cueRequired(intent: Intent, q: Question): boolean {
  if (intent === "limitations" || intent === "code" || intent === "hardware") return true;
  return (
    intent === "datasets" &&
    q.kindWords.some((w) =>
      /^(datasets?|benchmarks?|corpus|corpora|data|experiments?|evaluations?)$/.test(w.lower),
    )
  );
}

/** True when the passage carries the intent's cue (named evaluation data counts for datasets). */
export function carriesCue(p: Passage, intent: Intent): boolean {
  return (p.cues.get(intent) ?? 0) > 0 || (intent === "datasets" && p.namedData);
}

export const NOT_STATED: Partial<Record<Intent, string>> = {
  limitations: "The abstract does not state any limitations.",
  code: "The abstract gives no code or links.",
  hardware: "The abstract does not say what hardware it runs on.",
  datasets: "The abstract does not name the datasets or benchmarks it uses.",
  quantity: "The abstract gives no number for that.",
  reason: "The abstract does not say why.",
  comparison: "The abstract does not make that comparison.",
};
