/**
 * The one text analysis of paperboy: what a term is, for search, related papers, topics, search by
 * notes and questions alike, so that a word typed in chat, a word of a title and a word of an
 * abstract meet wherever they are compared. (Questions, src/ask/words.ts, take its word characters,
 * folding and stems but keep their own token shape: function words and dotted names as "v1.5".)
 *
 * - Words are runs of letters, combining marks and digits in any script, lowercased; a single
 *   letter hyphened to a word also gives its joined form ("Q-learning" → "qlearning").
 * - A word's term: English stopwords and single letters give none; the rest are folded (accents off
 *   Latin letters, ligatures and compatibility forms to plain letters) and Porter-stemmed.
 * - A title's system names also give their other spellings: "PaperBanana" → "paper", "banana";
 *   "Drive-JEPA" → "drivejepa"; "Llama 3.1" → "llama31" (names.ts).
 * - Abbreviations are the archive's own: where an index keeps a dictionary (abbreviations.ts), a
 *   short form stands for its long form and back.
 * - To compare papers with each other, URLs and LaTeX markup are left out first (`plainText`):
 *   they say nothing of a paper's subject. Search keeps them (people search for "github").
 *
 * API, smallest first:
 *   words(text) → lowercased words         termOf(word) → term | null
 *   foldWord(word) → accents and ligatures off   wordStem(word) → folded stem, stopwords too
 *   analyze(text) → terms                   analyzeTitle(title) → terms, with the names' forms
 *   analyzePaper(title, abstract) → terms   titleText(title) → the title as indexed
 *   plainText(text) → text without URLs and LaTeX
 *   comparedTerms(text) → terms of the plain text (for comparing papers: related, topics)
 *   paperTermCounts(title, abstract) → term → count, title terms weighted (for comparing papers)
 *   expandAbbreviations(counts, dictionary, df) → the counts with the long forms of short forms
 */
import { readableLatex } from "../digest/normalize.js";
import type { Abbreviations } from "./abbreviations.js";
import { nameForms } from "./names.js";
import { analyze } from "./tokenizer.js";

export { Abbreviations, definitionsIn, type Expansion } from "./abbreviations.js";
export { nameForms, type TitleName, titleNames } from "./names.js";
export {
  analyze,
  foldWord,
  HYPHEN_CHARS,
  isStopword,
  NON_ASCII,
  sentenceWords,
  termOf,
  WORD_CHAR_CLASS,
  withLetterCompounds,
  wordStem,
  words,
} from "./tokenizer.js";

/**
 * A title as it is indexed and compared: the title, then (on a line of its own) the other
 * spellings of the system names it holds. Every caller that turns a title into terms goes through
 * here, so the index, the re-ranker and related papers see the same title terms.
 */
export function titleText(title: string): string {
  const forms = nameForms(title);
  return forms.length === 0 ? title : `${title}\n${forms.join(" ")}`;
}

/** The terms of a title, with its names' other spellings. */
export function analyzeTitle(title: string): string[] {
  return analyze(titleText(title));
}

/** A paper's terms as the search index holds them: its title's (with names), then its abstract's. */
export function analyzePaper(title: string, abstract: string): string[] {
  return [...analyzeTitle(title), ...analyze(abstract)];
}

const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
/** Text that `readableLatex` or the command stripping below could change. */
const LATEX_HINT = /\\|url\{|``|''/;

/** Text without URLs and LaTeX markup: what to compare papers by (and show in labels). */
export function plainText(text: string): string {
  // Most abstracts hold no LaTeX: skip its dozen rewrites (the same result, a third of the cost).
  if (!LATEX_HINT.test(text)) return text.replace(URL, " ").replace(/[{}$^_~]/g, " ");
  return readableLatex(text)
    .replace(URL, " ")
    .replace(/\\[a-zA-Z]+\*?/g, " ")
    .replace(/[{}$^_~\\]/g, " ");
}

/**
 * The terms of a text as papers are compared by (related papers, topics), in order, repeats kept:
 * `analyze` of its `plainText`, so URLs and LaTeX markup say nothing of a paper's subject.
 */
export function comparedTerms(text: string): string[] {
  return analyze(plainText(text));
}

/** A 200 KB abstract should cost like a long one when papers are compared: terms past this are noise. */
export const MAX_COMPARED_CHARS = 50_000;

/**
 * A paper's term counts for comparing it with others (related papers, topics): title terms
 * (with its names' spellings) count `titleWeight` times, as a title names the subject; URLs and
 * LaTeX markup are left out.
 */
export function paperTermCounts(title: string, abstract: string, titleWeight = 2): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of analyzeTitle(plainText(title))) counts.set(t, (counts.get(t) ?? 0) + titleWeight);
  for (const t of comparedTerms(abstract.slice(0, MAX_COMPARED_CHARS)))
    counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * Term counts with the archive's abbreviations resolved: a short form the dictionary is sure of
 * ("rl") also counts as its long form's terms ("reinforc", "learn"), so a paper that writes "RL"
 * and one that writes "reinforcement learning" share them. `df` is the archive's document
 * frequency (the dictionary refuses short forms that are mostly plain words).
 */
export function expandAbbreviations(
  counts: ReadonlyMap<string, number>,
  dictionary: Abbreviations,
  df: (term: string) => number,
): Map<string, number> {
  const out = new Map(counts);
  for (const [term, n] of counts) {
    const long = dictionary.meaning(term, df);
    if (long === null) continue;
    for (const l of long.split(" ")) out.set(l, (out.get(l) ?? 0) + n);
  }
  return out;
}
