/**
 * Words as `ask` compares them: lower-cased tokens that keep their inner hyphens, dots and digits
 * ("gpt-4", "qwen3-8b", "v1.5"), each with its Porter stem (the `stemmer` package) and its parts
 * ("imagenet-1k" also counts as "imagenet"), so "GPUs" matches "GPU" and "ImageNet" matches
 * "ImageNet-1K". Kept apart from src/text/terms.ts on purpose: questions need the function words
 * and the names that a search index drops.
 */
import { stemmer } from "stemmer";

export interface Word {
  /** As written. */
  surface: string;
  lower: string;
  /** Porter stem of an alphabetic word; the lower-cased token otherwise. */
  stem: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-'.+/][\p{L}\p{N}]+)*/gu;

// Stemming dominates the cost; questions and abstracts reuse a small vocabulary, so stems are
// memoized (bounded: cleared when full, so a hostile input cannot grow it without limit).
const STEMS = new Map<string, string>();
const STEMS_MAX = 50_000;

export function stemOf(lower: string): string {
  if (lower.length <= 3 || !/^\p{L}+$/u.test(lower)) return lower;
  let s = STEMS.get(lower);
  if (s === undefined) {
    if (STEMS.size >= STEMS_MAX) STEMS.clear();
    s = stemmer(lower);
    STEMS.set(lower, s);
  }
  return s;
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
    const lower = surface.toLowerCase();
    out.push({ surface, lower, stem: stemOf(lower) });
    starts.push(m.index ?? 0);
  }
  return { words: out, starts };
}

/** Every key a text can be matched by: whole tokens, their stems, and their hyphen/dot parts. */
export function matchKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const w of words(text)) {
    keys.add(w.lower);
    keys.add(w.stem);
    if (/[-.+/]/.test(w.lower)) {
      for (const part of w.lower.split(/[-.+/]+/)) {
        if (!part) continue;
        keys.add(part);
        keys.add(stemOf(part));
      }
    }
  }
  return keys;
}

/** True when the text holds the word (by whole token, stem, or all of its hyphen parts). */
export function mentions(keys: ReadonlySet<string>, w: Word): boolean {
  if (keys.has(w.lower) || keys.has(w.stem)) return true;
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
export function spelledOut(tokens: readonly Word[], acronym: Word): Word[] | null {
  if (!/^\p{Lu}{2,6}s?$/u.test(acronym.surface)) return null;
  const letters = acronym.surface.replace(/s$/, "").toLowerCase();
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
