/**
 * Whether a question is in a language other than English, and which, so the answer can say so in
 * English instead of matching nothing. Cheap signals only: the script (Han, Kana, Hangul, Cyrillic,
 * Arabic, …), else the stopwords of another language (the `stopword` package's lists) against the
 * English evidence: English stopwords, words of a general English word list and contractions
 * ("doesn't"). A word that is both ("so", "also", "die", "come", "was") is evidence for neither:
 * "so RL doesn't really improve perception?" holds two German stopwords and is English. A short
 * question needs only one stopword of its language when none of its words is English, and an
 * inverted "¿" or "¡" is Spanish.
 */
import { deu, eng, fra, ita, nld, por, spa } from "stopword";
import { isEnglishWord } from "./english-words.js";

const ENGLISH = new Set(eng);
/** Each language's stopwords: all of them, and those that are not English stopwords too. */
const BY_STOPWORDS: [string, { all: Set<string>; own: Set<string> }][] = [
  ["German", deu],
  ["French", fra],
  ["Italian", ita],
  ["Dutch", nld],
  ["Portuguese", por],
  ["Spanish", spa],
].map(([name, list]) => [
  name as string,
  { all: new Set(list as string[]), own: new Set((list as string[]).filter((w) => !ENGLISH.has(w))) },
]);
/** "doesn't", "they're", "we've": English contractions (the apostrophe may be typographic). */
const CONTRACTION = /\p{L}(?:n['’]t|['’](?:re|ve|ll|m|d))(?!\p{L})/giu;

const SCRIPTS: [string, RegExp][] = [
  ["Japanese", /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ["Chinese", /\p{Script=Han}/u],
  ["Korean", /\p{Script=Hangul}/u],
  ["Russian or another Cyrillic-script language", /\p{Script=Cyrillic}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Hindi or another Devanagari-script language", /\p{Script=Devanagari}/u],
  ["Thai", /\p{Script=Thai}/u],
];

/** The question's language when it is not English, else null. */
export function languageOf(question: string): string | null {
  const letters = question.match(/\p{L}/gu) ?? [];
  const latin = question.match(/\p{Script=Latin}/gu) ?? [];
  if (letters.length && latin.length < letters.length / 2) {
    for (const [name, script] of SCRIPTS) if (script.test(question)) return name;
    return "another language";
  }
  // Only Spanish opens a question or an exclamation with an inverted mark ("¿qué proponen?").
  if (/[¿¡]/u.test(question)) return "Spanish";
  const words = question.toLowerCase().match(/\p{L}+/gu) ?? [];
  const contractions = question.match(CONTRACTION)?.length ?? 0;
  const english = (w: string) => ENGLISH.has(w) || isEnglishWord(w);
  let best: [string, number, { all: Set<string> }] | null = null;
  for (const [name, stop] of BY_STOPWORDS) {
    const n = words.filter((w) => stop.own.has(w)).length;
    if (n > (best?.[1] ?? 0)) best = [name, n, stop];
  }
  if (!best) return null;
  // Words such as "in" or "die" are stopwords of several languages: another language needs at
  // least two of its own and clearly more than the English evidence that is not also its own.
  const [name, n, stop] = best;
  const englishOnly = words.filter((w) => english(w) && !stop.all.has(w)).length + contractions;
  if (n >= 2 && n > 2 * englishOnly) return name;
  // A short question ("welche Daten?", "quels résultats ?") holds one stopword of its language:
  // enough when no word of it is English at all.
  return words.length >= 2 && !contractions && !words.some(english) ? name : null;
}
