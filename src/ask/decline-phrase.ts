/**
 * How a decline names what the paper does not mention: as a reader would, by the noun phrase the
 * question asks about ("does not mention car makers", "does not mention GPU hours"), never by a
 * verb, an adverb or a lone adjective ("tweaks", "secretly", "Japanese-specific"). Whether to
 * decline is decided elsewhere (not-stated.ts); this is display only.
 *
 * The question's parts of speech come from wink-nlp with its shipped English model
 * (`wink-eng-lite-web-model`, already a dependency for topic labels; nothing is downloaded), so a
 * noun is told from a verb by a tagger rather than by a word list. A word written as a name
 * ("GPT-4", "FID", "ImageNet-256") is kept as written whatever the tagger says: taggers are least
 * sure of exactly those words.
 */
import { posTagger } from "../text/pos-tagger.js";
import type { Question } from "./question.js";
import { isName, tokensOf, type Word } from "./words.js";

/** A token the phrase may show: letters and digits, inner "+" and "-"; never markup or mentions. */
const SAFE_TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}+-]*$/u;

/**
 * Words never named as missing, though the question uses them: hedges and intensifiers ("so
 * basically it secretly …") and the field's own name ("AI", "ML"), which no abstract needs to
 * use. Naming them reads as if the bot had not understood ("does not mention basically").
 */
const NEVER_NAMED = new Set([
  "ai",
  "ml",
  "actually",
  "basically",
  "essentially",
  "exactly",
  "just",
  "kinda",
  "literally",
  "really",
  "secretly",
  "simply",
  "somehow",
  "sorta",
  "totally",
  "truly",
]);

/**
 * Adjectives of amount and comparison, which the tagger calls modifiers but which are part of the
 * question, not of the thing ("how many GPUs", "the best model", "other baselines").
 */
const NOT_MODIFIERS = new Set([
  "many",
  "much",
  "more",
  "most",
  "less",
  "least",
  "few",
  "fewer",
  "several",
  "other",
  "same",
  "such",
  "own",
  "any",
  "some",
  "each",
  "every",
  "all",
  "best",
  "better",
  "worse",
  "worst",
  "main",
  "whole",
  "total",
  "overall",
  "new",
  "big",
  "bigger",
  "biggest",
  // A reader's emphasis, not part of the thing's name ("my actual phone", "the exact prompt").
  "actual",
  "exact",
  "specific",
  "particular",
  "certain",
  "only",
]);

/** At most this many groups are named ("A, B or C"), each at most this many words. */
const MAX_GROUPS = 3;
const MAX_WORDS = 4;

type Kind = "noun" | "modifier" | "other";

interface Tagged {
  word: Word;
  kind: Kind;
  /** Punctuation stands between this word and the one before: a phrase does not run across it. */
  breakBefore: boolean;
  /** "of" or a determiner, as it may stand inside "hours of the audio". */
  lower: string;
}

const NOUN_TAGS = new Set(["NOUN", "PROPN"]);
const MODIFIER_TAGS = new Set(["ADJ", "NUM"]);

/** Each word of the question with its kind: a noun (the head of a phrase), a modifier, or other. */
function tagQuestion(q: Question): Tagged[] {
  const text = q.cased;
  const { starts } = tokensOf(text);
  const nlpi = posTagger();
  const tokens = nlpi.readDoc(text).tokens();
  const values: string[] = tokens.out(nlpi.its.value);
  const tags: string[] = tokens.out(nlpi.its.pos);
  // Where each token starts in the text (wink gives values, not offsets).
  const tokenStarts: number[] = [];
  let cursor = 0;
  for (const v of values) {
    const at = text.indexOf(v, cursor);
    tokenStarts.push(at < 0 ? cursor : at);
    if (at >= 0) cursor = at + v.length;
  }
  const words = q.words;
  const tagOf: string[] = [];
  const tagged = words.map((word, i) => {
    const start = starts[i] as number;
    const end = start + word.surface.length;
    // A hyphened word is tagged as its last part ("vision-language model": "language").
    let tag = "X";
    for (let t = 0; t < values.length; t++) {
      const s = tokenStarts[t] as number;
      if (s >= start && s < end && /[\p{L}\p{N}]/u.test(values[t] as string)) tag = tags[t] as string;
    }
    const previousEnd = i > 0 ? (starts[i - 1] as number) + (words[i - 1] as Word).surface.length : 0;
    const between = i > 0 ? text.slice(previousEnd, start) : "";
    // "How many demos …": what follows "how many" is the thing counted, whatever the tag.
    if (tag === "VERB" && (words[i - 1] as Word | undefined)?.lower === "many") tag = "NOUN";
    tagOf.push(tag);
    const named = isName(word.surface) && !NEVER_NAMED.has(word.lower);
    const kind: Kind =
      named || (NOUN_TAGS.has(tag) && !NEVER_NAMED.has(word.lower))
        ? "noun"
        : MODIFIER_TAGS.has(tag) && !NOT_MODIFIERS.has(word.lower)
          ? "modifier"
          : "other";
    return { word, kind, breakBefore: /[^\s]/.test(between), lower: word.lower };
  });
  return correctTags(tagged, tagOf);
}

/** Words after which a verb's "-ing" or "-ed" form is a verb, not a modifier ("by squeezing"). */
const VERB_CONTEXT =
  /^(by|for|to|of|in|on|with|without|from|at|about|into|does|do|did|is|are|was|were|can|could|will|would|it|they|we|you|i|not)$/;
const DETERMINER = /^(the|a|an|its|their|this|these|those|it|them|our|your|my)$/;
const AUXILIARY = /^(do|does|did)$/;
/** "For example", "for instance": discourse, never a thing asked about. */
const DISCOURSE = /^(example|instance)$/;

/**
 * Corrections for the tagger's commonest slips on short questions: "denoising steps", "labeled
 * data", "linear probing" (a verb form as a modifier or head); "does GTPO use?", "GPUs support the
 * format" (a verb taken for the last noun of a phrase); "for example".
 */
function correctTags(tagged: Tagged[], tags: readonly string[]): Tagged[] {
  for (let i = tagged.length - 1; i >= 0; i--) {
    const t = tagged[i] as Tagged;
    const next = tagged[i + 1];
    const previous = tagged[i - 1];
    if (DISCOURSE.test(t.lower) && previous?.lower === "for") t.kind = "other";
    if (tags[i] !== "VERB" || t.kind !== "other") continue;
    const verbForm = /\p{L}(ing|ed)$/u.test(t.lower);
    if (
      !verbForm ||
      (previous &&
        (VERB_CONTEXT.test(previous.lower) || (previous.kind === "other" && tags[i - 1] === "VERB")))
    )
      continue;
    if (next && !next.breakBefore && next.kind !== "other") t.kind = "modifier";
    else if (/ing$/.test(t.lower) && previous && previous.kind !== "other" && !t.breakBefore) t.kind = "noun";
  }
  // "RTX 3090", "AIME 2024", "Veo 3": a number right after a name is part of it.
  for (let i = 1; i < tagged.length; i++) {
    const t = tagged[i] as Tagged;
    const previous = tagged[i - 1] as Tagged;
    if (/^\d+$/.test(t.lower) && !t.breakBefore && isName(previous.word.surface)) t.kind = "noun";
  }
  for (let i = 1; i < tagged.length; i++) {
    const t = tagged[i] as Tagged;
    const previous = tagged[i - 1] as Tagged;
    const next = tagged[i + 1];
    if (t.kind !== "noun" || previous.kind !== "noun" || t.breakBefore || isName(t.word.surface)) continue;
    // "… GPUs support the 4-bit format": a noun is not followed by "the"; the verb is.
    const beforeObject = next !== undefined && !next.breakBefore && DETERMINER.test(next.lower);
    // "How does the predictor work?": after "does" and its subject, the clause's last word is the verb.
    const clauseEnd = next === undefined || next.breakBefore;
    if (beforeObject || (clauseEnd && afterAuxiliary(tagged, i))) t.kind = "other";
  }
  return tagged;
}

/** True when the noun phrase holding word `i` is the subject right after "do/does/did (the)". */
function afterAuxiliary(tagged: readonly Tagged[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (tagged[k] as Tagged).kind !== "other") k--;
  if (k >= 0 && DETERMINER.test((tagged[k] as Tagged).lower)) k--;
  return k >= 0 && AUXILIARY.test((tagged[k] as Tagged).lower);
}

/** A noun phrase of the question: word indices [start, end), ending in a noun. */
interface Span {
  start: number;
  end: number;
}

/** The noun phrases of the question: runs of modifiers and nouns that end in a noun. */
function nounPhrases(tagged: readonly Tagged[]): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < tagged.length) {
    if ((tagged[i] as Tagged).kind === "other") {
      i++;
      continue;
    }
    let end = i + 1;
    while (
      end < tagged.length &&
      (tagged[end] as Tagged).kind !== "other" &&
      !(tagged[end] as Tagged).breakBefore
    )
      end++;
    // Trailing modifiers are no part of the phrase ("is the model fast", "7B 32B" stays whole).
    let last = end;
    while (last > i && (tagged[last - 1] as Tagged).kind !== "noun") last--;
    // A count the reader already knows is no part of the thing ("which four benchmarks").
    let first = i;
    while (first < last && isCount((tagged[first] as Tagged).lower)) first++;
    if (last > first) spans.push({ start: first, end: last });
    i = end;
  }
  return spans;
}

const COUNT_WORDS =
  /^(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand)$/;

/** A number written as digits or a word, not a name such as "7B". */
function isCount(lower: string): boolean {
  return COUNT_WORDS.test(lower);
}

/**
 * A head that needs its complement to say which ("hours of audio", "stages of the curriculum",
 * "examples of isolated tasks"): the phrase runs on through "of" and the noun phrase after it.
 */
function withComplement(tagged: readonly Tagged[], span: Span, spans: readonly Span[]): Span {
  const of = tagged[span.end];
  if (of?.lower !== "of" || of.breakBefore) return span;
  let next = span.end + 1;
  const det = tagged[next];
  if (det && /^(the|a|an|their|its|this|these|those)$/.test(det.lower) && !det.breakBefore) next++;
  const after = spans.find((s) => s.start === next && !(tagged[next] as Tagged).breakBefore);
  return after ? { start: span.start, end: after.end } : span;
}

/**
 * The span's words as shown, or null when one of them may not be shown (markup, symbols). A long
 * noun phrase keeps its head and the words nearest it; a long one with its "of" is not shown.
 */
function shown(tagged: readonly Tagged[], span: Span, complemented: boolean): string | null {
  const words = tagged.slice(span.start, span.end).map((t) => t.word.surface);
  if (!words.every((w) => SAFE_TOKEN.test(w))) return null;
  if (complemented && words.length > MAX_WORDS + 2) return null;
  return (complemented ? words : words.slice(-MAX_WORDS)).join(" ");
}

/** Nouns a reader counts or asks for as a relation to something else: shown with their "of". */
function needsComplement(t: Tagged): boolean {
  return t.kind === "noun" && !isName(t.word.surface);
}

/**
 * What is missing, as the question names it: each noun phrase holding a missing word, in question
 * order, at most three; a missing verb, adverb or lone adjective is not named. "" when nothing
 * nameable is missing (the caller then says plainly that the abstract does not say).
 */
export function declinePhrase(q: Question, missing: readonly Word[]): string {
  const wanted = new Set(missing.map((w) => w.lower).filter((w) => !NEVER_NAMED.has(w)));
  if (!wanted.size) return "";
  const tagged = tagQuestion(q);
  const spans = nounPhrases(tagged);
  const parts: string[] = [];
  const used = new Set<number>();
  for (const span of spans) {
    const holds = tagged.slice(span.start, span.end).some((t) => wanted.has(t.lower));
    if (!holds || used.has(span.start)) continue;
    const head = tagged[span.end - 1] as Tagged;
    const full = needsComplement(head) ? withComplement(tagged, span, spans) : span;
    for (let k = full.start; k < full.end; k++) used.add(k);
    const text = (full !== span && shown(tagged, full, true)) || shown(tagged, span, false);
    if (text && !parts.includes(text)) parts.push(text);
    if (parts.length === MAX_GROUPS) break;
  }
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} or ${parts[parts.length - 1]}`;
}
