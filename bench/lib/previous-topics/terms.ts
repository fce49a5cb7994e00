/**
 * The frozen copy of the second text analysis (formerly src/text/terms.ts) that the grouping before
 * issue 17 read text with: plain text out of LaTeX and URLs, lower case, English stopwords removed
 * (the `stopword` package), Porter stems (the `stemmer` package), no accent folding, numbers
 * dropped. paperboy itself now reads all text through src/text/analysis.ts (issue 18); this copy
 * stays so the baseline keeps measuring the method as it was.
 */
import { stemmer } from "stemmer";
import { eng } from "stopword";
import { readableLatex } from "../../../src/digest/normalize.js";

const STOPWORDS = new Set<string>([...eng, "also", "via", "however", "thus", "can", "may", "us"]);
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const WORD = /[\p{L}\p{N}]+/gu;
/** Text that `readableLatex` or the command stripping below could change. */
const LATEX_HINT = /\\|url\{|``|''/;
// A 200 KB abstract should cost like a long one, not stall a reply: terms past this are noise.
const MAX_CHARS = 50_000;

/** Text without URLs and LaTeX markup, for matching and for display in labels. */
export function plainText(text: string): string {
  // Most abstracts hold no LaTeX: skip its dozen rewrites (the same result, a third of the cost).
  if (!LATEX_HINT.test(text)) return text.replace(URL, " ").replace(/[{}$^_~]/g, " ");
  return readableLatex(text)
    .replace(URL, " ")
    .replace(/\\[a-zA-Z]+\*?/g, " ")
    .replace(/[{}$^_~\\]/g, " ");
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}

// Stemming dominates the cost of reading text, and papers repeat their words: remember stems.
const STEMS = new Map<string, string | null>();
const MAX_CACHED_STEMS = 200_000;

/** One word → its stem, or null when it carries no meaning (stopword, number, 1 letter). */
export function termOf(word: string): string | null {
  const cached = STEMS.get(word);
  if (cached !== undefined) return cached;
  const w = word.toLowerCase();
  const stem = w.length < 2 || STOPWORDS.has(w) || /^\p{N}+$/u.test(w) ? null : stemmer(w);
  if (STEMS.size >= MAX_CACHED_STEMS) STEMS.clear();
  STEMS.set(word, stem);
  return stem;
}

/** The words of a text as written (before `termOf`), in order: for callers that cache per word. */
export function words(text: string): string[] {
  return plainText(text.slice(0, MAX_CHARS)).match(WORD) ?? [];
}

/** The terms of a text, in order, repeats kept. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const t = termOf(word);
    if (t) out.push(t);
  }
  return out;
}

/** Term counts of a paper; title words count `titleWeight` times, as a title names the subject. */
export function paperTermCounts(title: string, abstract: string, titleWeight = 2): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms(title)) counts.set(t, (counts.get(t) ?? 0) + titleWeight);
  for (const t of terms(abstract)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
