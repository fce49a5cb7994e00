/**
 * Words as `ask` compares them: tokens that keep their inner hyphens, dots and digits ("gpt-4",
 * "qwen3-8b", "v1.5"), each lower-cased and folded, with its stem and its parts ("imagenet-1k"
 * also counts as "imagenet"), so "GPUs" matches "GPU" and "ImageNet" matches "ImageNet-1K". What
 * a word character is, how a word is folded ("Fréchet" is "frechet", a PDF's "ﬁ" is "fi") and
 * stemmed come from the one text analysis (src/text/analysis.ts), as for search, related papers
 * and topics; the token shape is ask's own, since questions need the function words and the
 * dotted names that the search terms drop. A hyphened token also matches joined ("Q-learning",
 * "Qlearning"; "Drive-JEPA", "DriveJEPA"), as the shared analysis joins letter compounds and names.
 */
import { foldWord, HYPHEN_CHARS, NON_ASCII, WORD_CHAR_CLASS, wordStem } from "../text/analysis.js";

export interface Word {
  /** As written. */
  surface: string;
  /** Lower-cased and folded; any hyphen character written "-". */
  lower: string;
  /** Stem of an alphabetic word of 4 letters or more; the lower-cased token otherwise. */
  stem: string;
}

// "Q&A", "R&D": an ampersand inside a word joins it, like a hyphen.
const TOKEN = new RegExp(`${WORD_CHAR_CLASS}+(?:[${HYPHEN_CHARS}'.+/&]${WORD_CHAR_CLASS}+)*`, "gu");
const OTHER_HYPHENS = /[\u2010\u2011]/g;

export function stemOf(lower: string): string {
  if (lower.length <= 3 || !/^\p{L}+$/u.test(lower)) return lower;
  return wordStem(lower);
}

/** A hyphened token joined ("q-learning" → "qlearning"), or null for a token without hyphens. */
function joined(lower: string): string | null {
  return lower.includes("-") ? lower.replace(/-/g, "") : null;
}

export function words(text: string): Word[] {
  return tokensOf(text).words;
}

/** The words of a text and where each starts in it. */
export function tokensOf(text: string): { words: Word[]; starts: number[] } {
  const out: Word[] = [];
  const starts: number[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const surface = m[0].replace(/'s$/i, "");
    const lowered = surface.toLowerCase();
    // Most words are ASCII: nothing to fold or to rewrite.
    const lower = NON_ASCII.test(lowered) ? foldWord(lowered.replace(OTHER_HYPHENS, "-")) : lowered;
    out.push({ surface, lower, stem: stemOf(lower) });
    starts.push(m.index ?? 0);
  }
  return { words: out, starts };
}

/** Every key a text can be matched by: whole tokens, their stems, and their hyphen/dot parts. */
export function matchKeys(text: string): Set<string> {
  const keys = new Set<string>();
  const all = words(text);
  all.forEach((w, i) => {
    keys.add(w.lower);
    keys.add(w.stem);
    // A name is written both ways: "FlashAttention" in one place, "Flash Attention" in another.
    // Its camel-case parts are keys, and two capitalized words in a row are a key joined.
    if (CAMEL.test(w.surface)) {
      for (const part of w.surface.split(CAMEL_BOUNDARY)) {
        const lower = part.toLowerCase();
        if (lower.length < 3) continue;
        keys.add(lower);
        keys.add(stemOf(lower));
      }
    }
    // "50.4AP", "3.87x", "7B": a number glued to its unit is the unit too; "GFLOPs" is "FLOPs".
    const unit = GLUED_UNIT.exec(w.lower)?.[1];
    for (const u of [unit, unprefixed(unit ?? w.lower)]) {
      if (!u) continue;
      keys.add(u);
      keys.add(stemOf(u));
    }
    const next = all[i + 1];
    if (next && CAPITALIZED.test(w.surface) && CAPITALIZED.test(next.surface)) keys.add(w.lower + next.lower);
    if (/[-.+/]/.test(w.lower)) {
      for (const part of w.lower.split(/[-.+/]+/)) {
        if (!part) continue;
        keys.add(part);
        keys.add(stemOf(part));
      }
      const whole = joined(w.lower);
      if (whole) {
        keys.add(whole);
        keys.add(stemOf(whole));
      }
    }
  });
  return keys;
}

/** A number then letters, with nothing between: "50.4ap", "3.87x", "7b", "1.0gflops". */
const GLUED_UNIT = /^\d+(?:[.,]\d+)*([a-z]+)$/;
/** A unit of compute or size with an SI prefix: "gflops", "tflops", "gmacs", "mparams". */
const PREFIXED_UNIT = /^[kmgtp](flops?|macs?|params?|parameters?)$/;

/** A prefixed unit without its prefix ("gflops" → "flops"), else null. */
function unprefixed(lower: string): string | null {
  return PREFIXED_UNIT.exec(lower)?.[1] ?? null;
}

/** A camel-case name ("FlashAttention", "ImageNet"): a lower-case letter then a capital inside. */
const CAMEL = /^\p{Lu}?\p{Ll}+\p{Lu}\p{L}*$/u;
const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})/u;
const CAPITALIZED = /^\p{Lu}\p{Ll}+$/u;

/** True when the text holds the word (by whole token, stem, or all of its hyphen parts). */
export function mentions(keys: ReadonlySet<string>, w: Word): boolean {
  if (keys.has(w.lower) || keys.has(w.stem)) return true;
  // "GFLOPs?" of a paper that counts "FLOPs".
  const bare = unprefixed(w.lower);
  if (bare && (keys.has(bare) || keys.has(stemOf(bare)))) return true;
  const whole = joined(w.lower);
  if (whole && keys.has(whole)) return true;
  const parts = w.lower.split(/[-.+/]+/).filter(Boolean);
  return parts.length > 1 && parts.every((p) => keys.has(p) || keys.has(stemOf(p)));
}

/**
 * A name rather than a word: an acronym ("GPU", "MTEB"), a word with a capital inside
 * ("ImageNet", "rFID"), or letters and digits together ("Qwen3", "GPT-4"). A capitalized word
 * alone ("Thinking") is not one: it may just start a sentence.
 */
export function isName(surface: string): boolean {
  if (/\p{L}/u.test(surface) && /\p{N}/u.test(surface)) return true;
  if (/^\p{Lu}{2,}s?$/u.test(surface)) return true;
  return /^\p{L}+(?:[-.]\p{L}+)*$/u.test(surface) && /.\p{Lu}/u.test(surface);
}

/**
 * The words of `tokens` that spell out an acronym ("RL": "reinforcement learning", "LMs":
 * "language models"), or null: a run of words whose initials are the acronym's letters.
 */
function hyphenParts(t: Word): Word[] {
  return t.lower.includes("-") ? words(t.surface.replace(/-/g, " ")) : [t];
}

export function spelledOut(tokens: readonly Word[], acronym: Word): Word[] | null {
  if (!/^\p{Lu}{2,6}s?$/u.test(acronym.surface)) return null;
  const letters = acronym.surface.replace(/s$/, "").toLowerCase();
  // "MLP": "multi-layer perceptron"; a hyphened word spells one letter per part.
  if (tokens.some((t) => t.lower.includes("-"))) tokens = tokens.flatMap(hyphenParts);
  // Two letters match many word pairs by chance ("real life"): each word must be a content word
  // of some length; longer acronyms are specific enough as they are.
  const minLength = letters.length === 2 ? 5 : 2;
  for (let i = 0; i + letters.length <= tokens.length; i++) {
    let ok = true;
    for (let j = 0; j < letters.length && ok; j++) {
      const t = tokens[i + j] as Word;
      ok = t.lower[0] === letters[j] && t.lower.length >= minLength && /^\p{L}/u.test(t.lower);
    }
    if (ok) return tokens.slice(i, i + letters.length);
  }
  return null;
}
