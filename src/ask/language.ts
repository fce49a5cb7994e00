/**
 * Whether a question is in a language other than English, so the answer can say so instead of
 * matching nothing. Cheap signals only: no Latin letters at all, or stopwords of another language
 * (the `stopword` package's lists) and none of English.
 */
import { deu, eng, fra, ita, nld, por, spa } from "stopword";

const ENGLISH = new Set(eng);
const FOREIGN = new Set([...deu, ...fra, ...ita, ...nld, ...por, ...spa].filter((w) => !ENGLISH.has(w)));

export function looksNonEnglish(question: string): boolean {
  if (!/[a-z]/i.test(question)) return true;
  const words = question.toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = words.filter((w) => ENGLISH.has(w)).length;
  const foreign = words.filter((w) => FOREIGN.has(w)).length;
  return english === 0 && foreign >= 2;
}
