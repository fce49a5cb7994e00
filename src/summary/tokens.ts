/** Word stems for the summary features: lower-cased alphanumeric runs, Porter-stemmed. */
import { stemmer } from "stemmer";
import { eng } from "stopword";

const STOP = new Set(eng);

// Porter stemming dominates the cost of a summary; abstracts reuse a small vocabulary, so stems are
// memoized (bounded: cleared when full, so a hostile input cannot grow it without limit).
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;

function stemOf(word: string): string {
  if (word.length <= 3) return word;
  let s = STEM_CACHE.get(word);
  if (s === undefined) {
    if (STEM_CACHE.size >= STEM_CACHE_MAX) STEM_CACHE.clear();
    s = stemmer(word);
    STEM_CACHE.set(word, s);
  }
  return s;
}

/** Every word's stem, in order (stop words kept: cue phrases such as "we show" need them). */
export function stems(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map(stemOf);
}

/** The stems that carry content (no stop words, no bare numbers): for similarity between sentences. */
export function contentStems(allStems: readonly string[]): string[] {
  return allStems.filter((s) => !STOP.has(s) && !/^\d+$/.test(s) && s.length > 1);
}

/** Number of words as a reader counts them (white-space separated). */
export function wordCount(text: string): number {
  const t = text.trim();
  return t === "" ? 0 : t.split(/\s+/).length;
}
