/**
 * What the sentence-role model sees of one sentence: its words (Porter stems, function words kept:
 * "we propose", "in this paper", "however" are the strongest role cues), its opening words, its
 * place in the abstract, its length and numbers, and the opening words of its neighbours. Names
 * are templated ("w:propos", "pos:0.2") so a weights file can carry any vocabulary and still be
 * checked against the templates the code computes.
 */
import { stemmer } from "stemmer";

const FIRST_PERSON = /\b(?:we|our|us)\b|\bthis (?:paper|work|study|article|thesis|letter)\b|\bin this\b/i;

/** Every feature name the code can produce starts with one of these (checked at load). */
export const FEATURE_TEMPLATES = /^(?:bias|w:|f:|f2:|pf:|nf:|at:|end:|pos:|len:|n:|has:|fp:|prev=)/;

// Porter stemming dominates the cost; abstracts reuse a small vocabulary, so stems are memoized
// (bounded: cleared when full, so a hostile input cannot grow it without limit).
const STEMS = new Map<string, string>();
const STEMS_MAX = 50_000;

function stem(word: string): string {
  if (word.length <= 3) return word;
  let s = STEMS.get(word);
  if (s === undefined) {
    if (STEMS.size >= STEMS_MAX) STEMS.clear();
    s = stemmer(word);
    STEMS.set(word, s);
  }
  return s;
}

/** The sentence's tokens: stems, with numbers folded to <num> and percentages to <pct>. */
export function roleTokens(sentence: string): string[] {
  const raw = sentence.toLowerCase().match(/\d+(?:[.,]\d+)*\s?%|\d+(?:[.,]\d+)*|\p{L}+/gu) ?? [];
  return raw.map((t) => (/^\d/.test(t) ? (t.endsWith("%") ? "<pct>" : "<num>") : stem(t)));
}

function bin(value: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && value >= (edges[i] as number)) i++;
  return i;
}

/** Feature names of each sentence of one abstract, in order (emission features only). */
export function abstractFeatures(sentences: readonly string[]): string[][] {
  const tokens = sentences.map(roleTokens);
  const n = sentences.length;
  const opening = tokens.map((t) => t[0] ?? "<none>");
  // Where the authors first speak ("we", "this paper") splits background from what they did.
  const firstPerson = sentences.map((s) => FIRST_PERSON.test(s));
  const firstSpeaks = firstPerson.indexOf(true);
  return sentences.map((sentence, i) => {
    const own = tokens[i] as string[];
    const f = new Set<string>(["bias"]);
    for (const t of own) f.add(`w:${t}`);
    f.add(`f:${opening[i]}`);
    f.add(`f2:${own.slice(0, 2).join("_")}`);
    f.add(`pf:${i > 0 ? opening[i - 1] : "<start>"}`);
    f.add(`nf:${i < n - 1 ? opening[i + 1] : "<end>"}`);
    f.add(`at:${Math.min(i, 3)}`);
    f.add(`end:${Math.min(n - 1 - i, 2)}`);
    f.add(`pos:${n <= 1 ? 0 : Math.min(4, Math.floor((5 * i) / n))}`);
    f.add(`len:${bin(own.length, [10, 18, 28, 40])}`);
    f.add(`n:${bin(n, [4, 7, 10])}`);
    f.add(
      `fp:${firstSpeaks < 0 ? "never" : i < firstSpeaks ? "before" : i === firstSpeaks ? "first" : "after"}`,
    );
    if (/\d/.test(sentence)) f.add("has:num");
    if (/%|\bpercent\b/i.test(sentence)) f.add("has:pct");
    if (/https?:\/\/|github\.com/i.test(sentence)) f.add("has:url");
    if (/[:;]/.test(sentence)) f.add("has:colon");
    return [...f];
  });
}
