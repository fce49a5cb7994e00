/**
 * Noun phrases of a paper, the raw material of labels for topics no research area names: wink-nlp
 * with its shipped English model (`wink-eng-lite-web-model`, on npm; nothing is downloaded at run
 * time) tags parts of speech, and a phrase is a run of adjectives and nouns that ends in a noun,
 * 1 to 4 words ("sparse attention", "vision-language-action models", "GUI agents"). Hyphenated
 * words stay one word. Titles are tagged in sentence case, since Title Case Makes Every Word Look
 * Like A Name to a tagger. Only the title, the source's summary and the abstract's opening are
 * read: what a paper is about is said there, and tagging whole abstracts would cost the most.
 */
import { comparedTerms } from "../text/analysis.js";
import { posTagger } from "../text/pos-tagger.js";

export interface NounPhrase {
  /** Stems joined by spaces: the phrase as matched against papers' text. */
  key: string;
  stems: string[];
  /** As written (acronyms and names keep their case; other words lower case). */
  form: string;
  words: number;
}

export const MAX_PHRASE_WORDS = 4;
/** Characters of the abstract's opening that are tagged. */
const ABSTRACT_HEAD = 700;

/** Lower-cases Capitalized words (not acronyms or MixedCase names) so titles tag like prose. */
export function sentenceCase(title: string): string {
  return title.replace(/\p{L}[\p{L}\p{N}'’]*/gu, (w) => (/^\p{Lu}\p{Ll}+$/u.test(w) ? w.toLowerCase() : w));
}

/** A word as a label writes it: acronyms and names as written, everything else lower case. */
function labelForm(word: string): string {
  return /\p{Lu}.*\p{Lu}|\p{Ll}\p{Lu}|\p{N}/u.test(word) ? word : word.toLowerCase();
}

interface Word {
  text: string;
  pos: string;
  /** Shared with every other occurrence of the word (cached): never changed in place. */
  stems: readonly string[];
}

const NOUN = new Set(["NOUN", "PROPN"]);
const MODIFIER = new Set(["ADJ", "NOUN", "PROPN"]);

/**
 * Tokens joined back into words: "vision - language - action" written without spaces is one word.
 * Sentences need no splitting: punctuation ends a phrase anyway. A word's stems are the shared
 * analysis of the word as written (`comparedTerms`), so a phrase's key is the very run of terms the
 * papers' text holds: "Q-learning" is "learn qlearn" there (its letter compound joined), "3.5" is
 * "3 5", "Fréchet" is "frechet".
 */
function wordsOf(text: string): Word[] {
  const its = posTagger().its;
  const tokens = posTagger().readDoc(text).tokens();
  const values: string[] = tokens.out(its.value);
  const tags: string[] = tokens.out(its.pos);
  const spaces: string[] = tokens.out(its.precedingSpaces);
  const out: Word[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    const previous = out.at(-1);
    const glued = spaces[i] === "";
    if (value === "-" && glued && spaces[i + 1] === "" && previous) continue;
    if (previous && glued && i >= 2 && values[i - 1] === "-" && spaces[i - 1] === "") {
      previous.text = `${previous.text}-${value}`;
      previous.pos = tags[i] as string;
      continue;
    }
    out.push({ text: value, pos: tags[i] as string, stems: [] });
  }
  for (const w of out) w.stems = wordStems(w.text);
  return out;
}

// Words repeat from paper to paper: remembering a word's stems saves the analysis a third of the
// tagging's cost (bounded: cleared when full, so hostile text cannot grow it without limit).
const STEMS = new Map<string, readonly string[]>();
const MAX_CACHED_WORDS = 50_000;

function wordStems(word: string): readonly string[] {
  let stems = STEMS.get(word);
  if (stems === undefined) {
    if (STEMS.size >= MAX_CACHED_WORDS) STEMS.clear();
    stems = comparedTerms(word);
    STEMS.set(word, stems);
  }
  return stems;
}

/** "image editing", "reinforcement learning": a gerund after a modifier names a task. */
function isHead(w: Word, hasModifier: boolean): boolean {
  return NOUN.has(w.pos) || (hasModifier && w.pos === "VERB" && /\p{L}ing$/u.test(w.text));
}

function collect(words: Word[], into: Map<string, NounPhrase>): void {
  {
    let start = 0;
    while (start < words.length) {
      if (!MODIFIER.has((words[start] as Word).pos)) {
        start++;
        continue;
      }
      // A run of modifiers and nouns; every span of it that ends in a noun is a phrase.
      let end = start;
      while (
        end < words.length &&
        (MODIFIER.has((words[end] as Word).pos) || isHead(words[end] as Word, end > start))
      )
        end++;
      for (let last = start; last < end; last++) {
        if (!isHead(words[last] as Word, last > start)) continue;
        for (let first = Math.max(start, last - MAX_PHRASE_WORDS + 1); first <= last; first++) {
          const span = words.slice(first, last + 1);
          const stems = span.flatMap((w) => w.stems);
          if (stems.length === 0 || span.some((w) => w.stems.length === 0)) continue;
          const key = stems.join(" ");
          if (!into.has(key)) {
            into.set(key, {
              key,
              stems,
              form: span.map((w) => labelForm(w.text)).join(" "),
              words: span.length,
            });
          }
        }
      }
      start = end + 1;
    }
  }
}

/** The noun phrases of one paper, each once (the title's form first). */
export function paperNounPhrases(
  title: string,
  summary: string | null | undefined,
  abstract: string,
): NounPhrase[] {
  const found = new Map<string, NounPhrase>();
  // One tagging pass; the full stops keep phrases from running across the parts.
  const text = [sentenceCase(title), summary ?? "", abstract.slice(0, ABSTRACT_HEAD)]
    .filter(Boolean)
    .join(" . ");
  collect(wordsOf(text), found);
  return [...found.values()];
}
