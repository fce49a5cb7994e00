/**
 * Sentence features for the TL;DR scorer. Each sentence of an abstract becomes a sparse map from
 * feature name to value; the learned weights (tldr-weights.json) decide what matters. Only
 * differences between sentences of the same abstract count (the scorer is a softmax over them),
 * so there is no bias feature.
 */
import { titleName } from "./title-name.js";
import { contentStems, stems, wordCount } from "./tokens.js";

export type Features = Map<string, number>;

const RESULT_NUMBER = /\d(?:[\d.,]*\d)?\s*(?:%|x\b|×|-?fold|times\b|points?\b|pp\b)/i;

function lengthBin(words: number): string {
  if (words < 10) return "len<10";
  if (words < 20) return "len10-19";
  if (words < 30) return "len20-29";
  if (words < 40) return "len30-39";
  return "len>=40";
}

function termFrequencies(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Features of every sentence of one abstract, in order. The title adds how much of it a sentence
 * restates and whether the sentence names the system the title announces ("DASH: …").
 */
export function sentenceFeatures(sentences: readonly string[], title = ""): Features[] {
  const n = sentences.length;
  const titleVector = termFrequencies(contentStems(stems(title)));
  const name = titleName(title);
  const namePattern = name
    ? new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "u")
    : null;
  const allStems = sentences.map(stems);
  const vectors = allStems.map((s) => termFrequencies(contentStems(s)));
  const similarity = vectors.map((v, i) => vectors.map((w, j) => (i === j ? 0 : cosine(v, w))));
  const centrality = similarity.map((row) => (n > 1 ? row.reduce((a, b) => a + b, 0) / (n - 1) : 0));
  const maxCentrality = Math.max(...centrality);

  const titleSims = vectors.map((v) => (titleVector.size > 0 ? cosine(v, titleVector) : 0));
  // The abstract's topic words: content stems it repeats across sentences.
  const df = new Map<string, number>();
  for (const v of vectors) for (const k of v.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const topic = [...df].filter(([, c]) => c >= 2).map(([k]) => k);

  return sentences.map((text, i) => {
    const f: Features = new Map();
    const words = wordCount(text);
    const s = allStems[i] as string[];
    f.set(i < 5 ? `pos=${i}` : "pos>=5", 1);
    const rel = n > 1 ? i / (n - 1) : 0;
    f.set("rel", rel);
    f.set("rel^2", rel * rel);
    if (i === n - 1 && n > 1) f.set("last", 1);
    f.set(lengthBin(words), 1);
    f.set("loglen", Math.log1p(words));
    if (/\d/.test(text)) f.set("digit", 1);
    if (RESULT_NUMBER.test(text)) f.set("result-number", 1);
    if (text.includes("(")) f.set("paren", 1);
    if (text.endsWith("?")) f.set("question", 1);
    const c = centrality[i] as number;
    f.set("central", c);
    if (n > 1 && c === maxCentrality) f.set("central-top", 1);
    if (i > 0) f.set("first-sim", similarity[i]?.[0] ?? 0);
    if (topic.length > 0) {
      const v = vectors[i] as Map<string, number>;
      f.set("topic-cover", topic.filter((t) => v.has(t)).length / topic.length);
    }
    if (titleVector.size > 0) {
      const v = vectors[i] as Map<string, number>;
      f.set("title-sim", titleSims[i] as number);
      let covered = 0;
      for (const t of titleVector.keys()) if (v.has(t)) covered++;
      f.set("title-cover", covered / titleVector.size);
    }
    if (namePattern?.test(text)) {
      f.set("title-name", 1);
      if (s[0] === "we") f.set("title-name&we", 1);
    }
    if (s[0] !== undefined) f.set(`f:${s[0]}`, 1);
    if (s[1] !== undefined) f.set(`f2:${s[0]}_${s[1]}`, 1);
    for (const w of new Set(s)) f.set(`w:${w}`, 1);
    for (let k = 0; k + 1 < s.length; k++) f.set(`b:${s[k]}_${s[k + 1]}`, 1);
    return f;
  });
}
