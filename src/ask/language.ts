/**
 * Whether a question is in a language other than English, and which, so the answer can say so in
 * English instead of matching nothing. Cheap signals only: the script (Han, Kana, Hangul, Cyrillic,
 * Arabic, …), else the stopwords of another language (the `stopword` package's lists) and none of
 * English's.
 */
import { deu, eng, fra, ita, nld, por, spa } from "stopword";

const ENGLISH = new Set(eng);
const BY_STOPWORDS: [string, Set<string>][] = [
  ["German", deu],
  ["French", fra],
  ["Italian", ita],
  ["Dutch", nld],
  ["Portuguese", por],
  ["Spanish", spa],
].map(([name, list]) => [name as string, new Set((list as string[]).filter((w) => !ENGLISH.has(w)))]);

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
  const words = question.toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = words.filter((w) => ENGLISH.has(w)).length;
  let best: [string, number] = ["", 0];
  for (const [name, stop] of BY_STOPWORDS) {
    const n = words.filter((w) => stop.has(w)).length;
    if (n > best[1]) best = [name, n];
  }
  // Words such as "in" or "die" are stopwords of several languages: another language needs at
  // least two of its own and clearly more than English's.
  return best[1] >= 2 && best[1] > 2 * english ? best[0] : null;
}
