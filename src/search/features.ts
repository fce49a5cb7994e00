/**
 * What the second stage knows about a candidate: numbers that describe how a paper's text meets
 * the query beyond the BM25 sum (phrases, proximity, coverage of the rare words, exact word
 * forms, where the first match falls), each scaled per query so a weight learned on one query
 * set carries to others. `scripts/fit-search.ts` learns the weights of these on SciTLDR train.
 */
import { bm25Idf } from "./ranking.js";
import { analyze, termOf, words } from "./tokenizer.js";

export const FEATURES = [
  "bm25",
  "bm25Log",
  "bm25Flat",
  "coverage",
  "idfCoverage",
  "bigrams",
  "idfBigrams",
  "nearPairs",
  "exactWords",
  "length",
  "firstMatch",
  "bestSentence",
  "rank",
] as const;

/** The query side, computed once per query. */
export interface QueryFacts {
  /** Distinct query terms with their IDF. */
  idf: Map<string, number>;
  idfSum: number;
  /** Adjacent pairs of the query's meaningful terms, with the smaller IDF of the two. */
  pairs: { a: string; b: string; w: number }[];
  pairWeight: number;
  /** Distinct lowercased query words with their term's IDF. */
  words: { word: string; w: number }[];
  wordWeight: number;
}

export function queryFacts(
  sequence: readonly string[],
  queryWords: readonly string[],
  df: (term: string) => number,
  documents: number,
): QueryFacts {
  const idf = new Map<string, number>();
  for (const t of sequence) if (!idf.has(t)) idf.set(t, bm25Idf(documents, df(t)));
  let idfSum = 0;
  for (const v of idf.values()) idfSum += v;
  const pairs: QueryFacts["pairs"] = [];
  for (let i = 0; i + 1 < sequence.length; i++) {
    const a = sequence[i] as string;
    const b = sequence[i + 1] as string;
    pairs.push({ a, b, w: Math.min(idf.get(a) ?? 0, idf.get(b) ?? 0) });
  }
  const seen = new Set<string>();
  const ws: QueryFacts["words"] = [];
  for (const word of queryWords) {
    if (seen.has(word)) continue;
    seen.add(word);
    ws.push({ word, w: idf.get(termOf(word) ?? "") ?? 0 });
  }
  return {
    idf,
    idfSum: idfSum || 1,
    pairs,
    pairWeight: pairs.reduce((s, p) => s + p.w, 0) || 1,
    words: ws,
    wordWeight: ws.reduce((s, w) => s + w.w, 0) || 1,
  };
}

/** A candidate's analyzed text: its terms in order, sentence by sentence, and its word forms. */
export interface CandidateText {
  sentences: string[][];
  terms: string[];
  words: Set<string>;
}

const SENTENCE_END = /(?<=[.!?])\s+/;

export function candidateText(text: string): CandidateText {
  const sentences = text.split(SENTENCE_END).map((s) => analyze(s));
  return { sentences, terms: sentences.flat(), words: new Set(words(text)) };
}

/** BM25 with flatter saturation and less length normalization than the first stage. */
const FLAT = { k1: 2, b: 0.5 };

/**
 * One row of features per candidate (best first). `scores` are the first stage's; `texts` null
 * where a paper's text could not be read (its text features are then 0).
 */
export function candidateFeatures(
  q: QueryFacts,
  scores: readonly number[],
  texts: readonly (CandidateText | null)[],
): number[][] {
  const top = scores[0] || 1;
  let lengthSum = 0;
  let counted = 0;
  for (const t of texts)
    if (t) {
      lengthSum += t.terms.length;
      counted++;
    }
  const avgLength = counted ? lengthSum / counted : 1;
  const flat: number[] = [];
  const rows = texts.map((text, r) => {
    const score = scores[r] as number;
    const row = [
      score / top,
      Math.log(Math.max(score, 1e-9) / top),
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1 / (r + 1),
    ];
    if (!text) {
      flat.push(0);
      return row;
    }
    const dt = text.terms;
    const tf = new Map<string, number>();
    let first = dt.length;
    for (let i = 0; i < dt.length; i++) {
      const t = dt[i] as string;
      if (!q.idf.has(t)) continue;
      tf.set(t, (tf.get(t) ?? 0) + 1);
      if (first === dt.length) first = i;
    }
    let covered = 0;
    let idfCovered = 0;
    let bm = 0;
    const norm = FLAT.k1 * (1 - FLAT.b + (FLAT.b * dt.length) / avgLength);
    for (const [t, f] of tf) {
      const idf = q.idf.get(t) as number;
      covered++;
      idfCovered += idf;
      bm += (idf * f * (FLAT.k1 + 1)) / (f + norm);
    }
    flat.push(bm);
    let bigrams = 0;
    let idfBigrams = 0;
    let near = 0;
    if (q.pairs.length) {
      const adjacent = new Set<string>();
      const close = new Set<string>();
      for (let i = 0; i < dt.length; i++) {
        const a = dt[i] as string;
        if (!q.idf.has(a)) continue;
        for (let j = i + 1; j < Math.min(dt.length, i + 4); j++) {
          const b = dt[j] as string;
          if (!q.idf.has(b)) continue;
          if (j === i + 1) adjacent.add(`${a} ${b}`);
          close.add(`${a} ${b}`);
          close.add(`${b} ${a}`);
        }
      }
      for (const p of q.pairs) {
        const key = `${p.a} ${p.b}`;
        if (adjacent.has(key)) {
          bigrams++;
          idfBigrams += p.w;
        }
        if (close.has(key)) near++;
      }
    }
    let exact = 0;
    for (const w of q.words) if (text.words.has(w.word)) exact += w.w;
    let best = 0;
    for (const s of text.sentences) {
      let c = 0;
      const seen = new Set<string>();
      for (const t of s) {
        const idf = q.idf.get(t);
        if (idf !== undefined && !seen.has(t)) {
          seen.add(t);
          c += idf;
        }
      }
      if (c > best) best = c;
    }
    const pairs = q.pairs.length || 1;
    row[3] = covered / (q.idf.size || 1);
    row[4] = idfCovered / q.idfSum;
    row[5] = bigrams / pairs;
    row[6] = idfBigrams / q.pairWeight;
    row[7] = near / pairs;
    row[8] = exact / q.wordWeight;
    row[9] = Math.log(dt.length + 1) - Math.log(avgLength + 1);
    row[10] = Math.log(1 + first);
    row[11] = best / q.idfSum;
    return row;
  });
  const flatTop = Math.max(...flat) || 1;
  rows.forEach((row, r) => {
    row[2] = (flat[r] as number) / flatTop;
  });
  return rows;
}

/** The linear model's score of one feature row. */
export function linearScore(weights: readonly number[], row: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < row.length; j++) s += (weights[j] ?? 0) * (row[j] as number);
  return s;
}
