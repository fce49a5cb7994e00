/**
 * Deciding that the paper does not say, before any sentence is picked: when a name the question
 * uses, the thing it asks for ("how many GPUs", "what resolution") or every word it is about is
 * nowhere in the paper's text, no sentence can answer it, however well one matches the intent.
 * That is also what turns away a question about another paper. The answer names what is missing,
 * in the question's own words, stripped to plain tokens (never markup or mentions).
 */

import { isGenericAcronym } from "./cues.js";
import { declinePhrase } from "./decline-phrase.js";
import { isCommonEnglishWord } from "./english-words.js";
import type { Intent } from "./intent.js";
import type { Passage } from "./passages.js";
import type { Question } from "./question.js";
import { mentions, spelledOut, type Word, words } from "./words.js";

export interface Missing {
  /** What is not in the paper, as the reader wrote it. */
  words: Word[];
  /**
   * Why: a name the question uses, the thing a count or "which X" asks for, every word of the
   * subject, or part of the subject (two technical terms, or three words with one).
   */
  rule: "name" | "head" | "subject" | "part";
}

/**
 * Common ML acronyms and the words a paper may write instead, when it does not spell the acronym
 * out letter by letter: "RL" is in a paper on a "reinforcement fine-tuning framework", "SFT" in
 * one on "instruction tuning". Each entry is a list of alternatives; every word of one must be in
 * the paper (by stem). Only acronyms a reader types and abstracts often write out are listed; the
 * letter-by-letter spelling ("Reinforcement Learning (RL)") is found without a table.
 */
const ACRONYM_FORMS: Record<string, string[]> = {
  rl: ["reinforcement"],
  rlhf: ["reinforcement human feedback", "human preference"],
  sft: ["supervised fine-tuning", "supervised finetuning", "instruction tuning"],
  llm: ["language model"],
  llms: ["language model"],
  // "VLMs" of a paper on "VLLMs" (vision large language models).
  vlm: ["vision-language model", "vision language model", "multimodal model", "vllm", "lvlm"],
  vlms: ["vision-language model", "vision language model", "multimodal model", "vllms", "lvlms"],
  mllm: ["multimodal language model", "multimodal model"],
  mllms: ["multimodal language model", "multimodal model"],
  gnn: ["graph neural"],
  gnns: ["graph neural"],
  cnn: ["convolutional"],
  cnns: ["convolutional"],
  rnn: ["recurrent"],
  vit: ["vision transformer"],
  nlp: ["natural language"],
  asr: ["speech recognition"],
  tts: ["text-to-speech", "speech synthesis"],
  kd: ["distillation"],
  moe: ["mixture experts"],
  rag: ["retrieval-augmented", "retrieval augmented"],
  dpo: ["direct preference"],
  cot: ["chain-of-thought", "chain thought"],
  lr: ["learning rate"],
};
const ACRONYM_WORDS = new Map(
  Object.entries(ACRONYM_FORMS).map(([k, forms]) => [
    k,
    forms.map((f) => words(f).filter((w) => w.lower !== "of")),
  ]),
);

/**
 * The distinctive word of each form an acronym the reader types may take in an abstract ("VLMs":
 * "vision-language", "multimodal"): words to rank sentences by, as the everyday-words table's are.
 */
export function acronymAlternates(w: Word): Word[] {
  if (!/^\p{Lu}{2,6}s?$/u.test(w.surface)) return [];
  return (ACRONYM_WORDS.get(w.lower) ?? []).map((form) => form[0] as Word);
}

/** Acronyms for the whole field, which a reader uses for "the model" or "the agent". */
const EVERYWHERE = new Set(["ai", "ml"]);

/** Words for any number of dimensions: a "2D", "3D" or "4D" question is answered by them. */
const DIMENSIONS = words("n-dimensional multi-dimensional higher-dimensional arbitrary-dimensional");

/** Words joining the names of a compound: "SFT-then-RL", "RL-after-SFT", "CNN-vs-ViT". */
const COMPOUND_LINKS = new Set([
  "then",
  "to",
  "vs",
  "versus",
  "and",
  "or",
  "plus",
  "after",
  "before",
  "with",
]);

function inPaper(passages: readonly Passage[], keys: ReadonlySet<string>, w: Word): boolean {
  // "RL" is in a paper that says "Reinforcement Learning".
  if (
    mentions(keys, w) ||
    passages.some((p) => mentions(p.keys, w)) ||
    passages.some((p) => spelledOut(p.tokens, w) !== null)
  )
    return true;
  // "Does it work in 3D?" of a paper that generalizes to "the n-dimensional case".
  if (/^\d+d$/.test(w.lower) && DIMENSIONS.some((d) => passages.some((p) => mentions(p.keys, d))))
    return true;
  // "SFT-then-RL" of a paper on "supervised finetuning followed by RL": a compound of names is
  // there when each of its names is.
  const parts = w.surface.split("-").filter((x) => x && !COMPOUND_LINKS.has(x.toLowerCase()));
  if (
    parts.length >= 2 &&
    parts.length < w.surface.split("-").length &&
    parts.every((x) => /^\p{Lu}{2,6}s?$/u.test(x))
  )
    return parts.every((x) => inPaper(passages, keys, words(x)[0] as Word));
  const forms = /^\p{Lu}{2,6}s?$/u.test(w.surface) ? ACRONYM_WORDS.get(w.lower) : undefined;
  return (
    forms?.some((form) =>
      form.every((f) => mentions(keys, f) || passages.some((p) => mentions(p.keys, f))),
    ) ?? false
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
  const hardwareNamed = hardwareNamedFor(q, passages);
  // "Is it like a map for the AI?": a generic acronym in an analogy is no name to look for, and
  // "AI" never is (every paper here is about it, few say so).
  const absentNames = q.names.filter(
    (w) =>
      !(q.figurative.has(w.lower) && isGenericAcronym(w.lower)) &&
      !EVERYWHERE.has(w.lower) &&
      !inPaper(passages, titleKeys, w) &&
      !(hardwareNamed && q.measure !== "count" && HARDWARE_WORDS.has(w.lower)),
  );
  // "RL or SFT?" asks which of them: one in the paper is enough to answer.
  const alternatives = /\bor\b/.test(q.text) && absentNames.length < q.names.length;
  if (absentNames.length && !alternatives) return { words: absentNames, rule: "name" };
  // "which car makers": the thing asked for is the head noun, the last word ("makers"); "car"
  // only says which ones.
  const head = q.asked[q.asked.length - 1];
  const namedHardware = hardwareNamed && HARDWARE_WORDS.has(head?.lower ?? "") && q.measure !== "count";
  // Only a thing that is counted or named must be in the paper ("how many GPUs", "which car
  // makers"); a head such as "range" or "behavior" may just be worded otherwise, and its absence is
  // left to the answer model (a feature of declining).
  // A word the paper writes otherwise ("need": "require") is not absent.
  const absent = (w: Word) =>
    !inPaper(passages, titleKeys, w) &&
    !(q.alternates.get(w.lower) ?? []).some((alt) => inPaper(passages, titleKeys, alt));
  const mustBeThere = q.measure === "count" || q.entity !== null || q.wantsNames;
  if (head && mustBeThere && !namedHardware && absent(head))
    return { words: q.asked.filter((w) => !inPaper(passages, titleKeys, w)), rule: "head" };
  // Two or more words of what it is about, none of them in the paper: a question about something
  // else. (One word alone may just be phrased differently: "does it need retraining?")
  // An analogy's words are the reader's, not the paper's: they need not be in it.
  // Round 17: "making the AI think", "these AI systems": "AI" the paper never writes is no more a
  // missing subject word than a missing name (written, it still counts as shared).
  const about = q.focus.filter(
    (w) =>
      !(hardwareNamed && HARDWARE_WORDS.has(w.lower)) &&
      !q.figurative.has(w.lower) &&
      !(EVERYWHERE.has(w.lower) && !inPaper(passages, titleKeys, w)),
  );
  // "Is it a position paper or do they build something?" offers a choice in everyday words, which
  // the paper may word otherwise; a technical term among them is another paper's subject.
  const everydayChoice = /\bor\b/.test(q.text) && about.every((w) => isCommonEnglishWord(w.lower));
  if (about.length >= 2 && !everydayChoice && about.every(absent)) return { words: q.focus, rule: "subject" };
  // Part of the subject missing: two technical terms the paper never uses ("how is the step-wise
  // gain of each denoising step predicted?" of a paper on tool calls), or three words with one
  // technical term among them, is a question about another paper, though it shares a word or two.
  const missing = about.filter(absent);
  const technical = missing.filter((w) => !isCommonEnglishWord(w.lower));
  if (!everydayChoice && (technical.length >= 2 || (missing.length >= 3 && technical.length >= 1)))
    return { words: missing, rule: "part" };
  return null;
}

/**
 * Heads that ask for a measure by its name: "what compression ratio …?", "what control frequency
 * …?", "what sparsity level …?" (singular: "what are the four levels?" asks for a list).
 */
const MEASURE_HEADS = /^(ratios?|rate|level|frequency|share|fraction|percentage|proportion|consumption)$/;
/**
 * A number that states the measure without its word: a percentage for a share or a rate, "50 Hz"
 * for a frequency, "12 mJ" for a consumption. A ratio or a level by a percentage or a multiple
 * ("10× compression", "90% sparsity") only beside the word it qualifies ("compression",
 * "sparsity"): "2.1x faster" is no pruning ratio.
 */
const UNIT_OF: Record<string, RegExp> = {
  rate: /%|\bper ?cent/,
  share: /%|\bper ?cent/,
  fraction: /%|\bper ?cent/,
  percentage: /%|\bper ?cent/,
  proportion: /%|\bper ?cent/,
  frequency: /\d\s?(?:[kKMG]?Hz)\b/,
  consumption: /\d\s?(?:[mkM]?J|[mkM]?Wh?|joules?|watts?)\b/,
};
const MULTIPLE = String.raw`\d[\d.,]*\s?(?:%|×|x|-fold)`;

/** "10× compression", "90% sparsity", "sparsity of 90%": a percentage or a multiple of the word. */
function qualifiedNumber(sentence: string, w: Word): boolean {
  // The stem as the word is written ("sparsiti" of "sparsity" is cut back to "sparsit").
  let n = 0;
  while (n < w.stem.length && w.stem[n] === w.lower[n]) n++;
  const stem = w.lower.slice(0, Math.max(n, 3)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    String.raw`${MULTIPLE}\s+(?:[\p{L}-]+\s+)?${stem}|\b${stem}[\p{L}]*\s+(?:ratio\s+|level\s+)?(?:of|at|to|by)\s+(?:up to\s+|about\s+|roughly\s+)?\d`,
    "iu",
  ).test(sentence);
}

/**
 * "What compression ratio do they reach?" of an abstract where no sentence gives a number beside
 * the word "ratio" (or in the measure's unit): the measure is not stated, and the nearest sentence
 * with some other number does not answer. Read whatever the question's intent (such questions are
 * often read as results), so the quantity rules need not have fired.
 */
export function measureNotGiven(q: Question, passages: readonly Passage[]): boolean {
  const head = q.asked[q.asked.length - 1];
  if (!head || !MEASURE_HEADS.test(head.lower) || !ASKS_WHICH.test(q.text)) return false;
  const unit = UNIT_OF[head.lower];
  const qualifiers = q.asked.slice(0, -1);
  return !passages.some(
    (p) =>
      p.source === "abstract" &&
      /\d/.test(p.shown) &&
      (mentions(p.keys, head) ||
        (unit?.test(p.shown) ?? false) ||
        qualifiers.some((w) => qualifiedNumber(p.shown, w))),
  );
}

/** A question for a thing by name ("what GPU …", "on which hardware …"), not whether it is there. */
export const ASKS_WHICH = /^(and |so )?(what|which|on what|on which)\b/;

/**
 * "What GPU can run it?" is answered by "a single RTX 3090", "what hardware do they run on?" by
 * "ARM and WebAssembly": hardware is named, not called so. "Does it support GPUs?" asks about GPUs
 * themselves.
 */
function hardwareNamedFor(q: Question, passages: readonly Passage[]): boolean {
  return ASKS_WHICH.test(q.text) && passages.some((p) => (p.cues.get("hardware") ?? 0) > 0);
}

/** True when the head a "what X" asks for is a hardware word the paper answers by naming hardware. */
export function hardwareHeadNamed(q: Question, passages: readonly Passage[], head: Word): boolean {
  return HARDWARE_WORDS.has(head.lower) && q.measure !== "count" && hardwareNamedFor(q, passages);
}

const HARDWARE_WORDS = new Set([
  "gpu",
  "gpus",
  "cpu",
  "cpus",
  "processor",
  "processors",
  "hardware",
  "chip",
  "chips",
  "device",
  "devices",
  "accelerator",
  "accelerators",
]);

/**
 * A word for one piece of hardware in the question ("GPU", "devices", "chip"): HARDWARE_WORDS
 * but "hardware", the word for all of it.
 */
export const HARDWARE_PIECE = new RegExp(
  String.raw`\b(?:${[...HARDWARE_WORDS].filter((w) => w !== "hardware").join("|")})\b`,
);

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

/** Words for evaluation data: "which datasets?" is answered by the datasets sentence itself. */
const DATA_WORDS = /^(datasets?|data ?sets?|benchmarks?|data|corpus|corpora|suites?|splits?)$/;

/**
 * The intent's own sentence for a question the paper does not answer. A datasets question that
 * asks for another kind of thing by name ("which LLMs did they test?", "what domains does it
 * cover?") is told that thing is not named, not that the datasets are not.
 */
export function notStatedFor(intent: Intent, q: Question): string {
  if (intent === "datasets" && q.entity && !DATA_WORDS.test(q.entity.lower)) {
    const what = declinePhrase(q, [q.entity]);
    if (what) return `The abstract does not name the ${what}.`;
  }
  return NOT_STATED[intent] ?? "The abstract does not say.";
}
