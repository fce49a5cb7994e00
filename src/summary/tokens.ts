/** Word stems for the summary features: lower-cased alphanumeric runs, Porter-stemmed. */
import { stemmer } from "stemmer";
import { eng } from "stopword";

const STOP = new Set(eng);

/** Every word's stem, in order (stop words kept: cue phrases such as "we show" need them). */
export function stems(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => (w.length > 3 ? stemmer(w) : w));
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
