/**
 * Turning text into index terms: the one analysis used at index time and at query time, so a
 * word in a query and the same word in an abstract always meet. Words are runs of letters,
 * combining marks and digits in any script; English stopwords go; the rest are lowercased, folded
 * (accents off Latin letters, ligatures and compatibility forms to plain letters) and
 * Porter-stemmed.
 */
import { stemmer } from "stemmer";
import { eng } from "stopword";

/**
 * One word character: a letter, a digit, or a combining mark, so "é" typed as e + U+0301 and the
 * vowel signs of Devanagari or Thai stay inside their word instead of splitting it.
 */
export const WORD_CHAR_CLASS = "[\\p{L}\\p{M}\\p{N}]";
const WORD = new RegExp(`${WORD_CHAR_CLASS}+`, "gu");
const STOPWORDS: ReadonlySet<string> = new Set(eng);
/** Stemming is the costly step of indexing; words repeat (Zipf), so remembering them pays. */
const STEM_CACHE_LIMIT = 200_000;
/** Lowercased word → its term, or null for a word that has none. */
const stems = new Map<string, string | null>();

/** The words of a text, lowercased, in order (stopwords included). */
export function words(text: string): string[] {
  return withLetterCompounds(text).toLowerCase().match(WORD) ?? [];
}

/** Where a sentence ends: ".", "!" or "?" followed by whitespace. */
const SENTENCE_END = /(?<=[.!?])\s+/;

/** The words of a text sentence by sentence (`words` of each; sentences without words left out). */
export function sentenceWords(text: string): string[][] {
  const out: string[][] = [];
  for (const sentence of withLetterCompounds(text).toLowerCase().split(SENTENCE_END)) {
    const found = sentence.match(WORD);
    if (found) out.push(found);
  }
  return out;
}

/** Hyphen-minus, hyphen and non-breaking hyphen, for a character class. */
export const HYPHEN_CHARS = "-\\u2010\\u2011";
/** A single letter hyphened to a word: "Q-learning", "k-means", "t-SNE", "U-Net", "x-ray". */
const LETTER_COMPOUND = new RegExp(
  `(?<!${WORD_CHAR_CLASS})(\\p{L})[${HYPHEN_CHARS}](\\p{L}${WORD_CHAR_CLASS}*)`,
  "gu",
);
const HYPHEN = new RegExp(`[${HYPHEN_CHARS}]`);

/**
 * The text with each letter compound followed by its joined form ("Q-learning" → "Q-learning
 * Qlearning"). The single letter alone is no term (see `termOf`), so without the joined form
 * "k-means" would search as "means" and "Q-learning" as "learning". Both the index (`words`, the
 * bulk build's scanner) and queries go through here, so the joined forms meet.
 */
export function withLetterCompounds(text: string): string {
  return HYPHEN.test(text) ? text.replace(LETTER_COMPOUND, "$1-$2 $1$2") : text;
}

/** Any UTF-16 code unit above ASCII (no u flag: surrogate halves match one by one). */
export const NON_ASCII = /[\u0080-\uffff]/;
/** Diacritics (the Combining Diacritical Marks block) on a Latin letter, after NFKD. */
const LATIN_DIACRITICS = /(\p{Script=Latin})[\u0300-\u036f]+/gu;
/** Latin letters that carry their mark in the letter itself, so NFKD leaves them whole. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  ı: "i",
};
const FOLDED_LETTERS = /[øłđðþæœßı]/g;

/**
 * A lowercased word as people type it: "Cramér" and "Cramer", "Fréchet" and "Frechet", "ﬁne"
 * (a PDF ligature) and "fine", "Ｇ" and "g" meet. Marks come off Latin letters only: in other
 * scripts (Devanagari vowel signs, Japanese voicing marks, Cyrillic й) the mark is the letter.
 */
export function foldWord(word: string): string {
  if (!NON_ASCII.test(word)) return word;
  return word
    .normalize("NFKD")
    .replace(LATIN_DIACRITICS, "$1")
    .replace(FOLDED_LETTERS, (c) => LETTER_FOLDS[c] as string)
    .normalize("NFC");
}

/** The index term of one lowercased word, or null when the word carries no meaning for search. */
export function termOf(word: string): string | null {
  const known = stems.get(word);
  if (known !== undefined) return known;
  const folded = foldWord(word);
  let term: string | null = null;
  // Single letters ("a", "s" of "model's") match almost everything and nothing in particular.
  if (!STOPWORDS.has(folded) && (folded.length >= 2 || /\d/.test(folded))) term = stemmer(folded);
  if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
  stems.set(word, term);
  return term;
}

/** Lowercased word → its stem, stopwords included (for `wordStem`). */
const plainStems = new Map<string, string>();

/**
 * The folded Porter stem of one lowercased word, stopword or not: for a reader that keeps
 * function words (questions: "which", "being"), where `termOf` would give none. For any other
 * word of two letters or more it equals `termOf`.
 */
export function wordStem(word: string): string {
  const known = plainStems.get(word);
  if (known !== undefined) return known;
  const stem = stemmer(foldWord(word));
  if (plainStems.size >= STEM_CACHE_LIMIT) plainStems.clear();
  plainStems.set(word, stem);
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
