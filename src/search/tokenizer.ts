/**
 * Turning text into index terms: the one analysis used at index time and at query time, so a
 * word in a query and the same word in an abstract always meet. Words are runs of letters and
 * digits in any script; English stopwords go; the rest are lowercased and Porter-stemmed.
 */
import { stemmer } from "stemmer";
import { eng } from "stopword";

const WORD = /[\p{L}\p{N}]+/gu;
const STOPWORDS: ReadonlySet<string> = new Set(eng);
/** Stemming is the costly step of indexing; words repeat (Zipf), so remembering them pays. */
const STEM_CACHE_LIMIT = 200_000;
const stems = new Map<string, string>();

/** The words of a text, lowercased, in order (stopwords included). */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The index term of one lowercased word, or null when the word carries no meaning for search. */
export function termOf(word: string): string | null {
  if (STOPWORDS.has(word)) return null;
  // Single letters ("a", "s" of "model's") match almost everything and nothing in particular.
  if (word.length < 2 && !/\d/.test(word)) return null;
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stem = stemmer(word);
    stems.set(word, stem);
  }
  return stem;
}

/** Index terms of a text, in order, repeats kept (term frequency matters to BM25). */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = termOf(w);
    if (t !== null) out.push(t);
  }
  return out;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
