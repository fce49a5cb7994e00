/**
 * What the second stage knows about a candidate: numbers that describe how a paper's text meets
 * the query beyond the BM25 sum (phrases, proximity, coverage of the rare words, exact word
 * forms, where the first match falls), each scaled per query so a weight learned on one query
 * set carries to others. `scripts/fit-search.ts` learns the weights of these on SciTLDR train.
 */

import { termOf } from "../text/analysis.js";
import { type AnalyzedPaper, analyzeSentences } from "./analyzed-papers.js";
import { bm25Idf } from "./ranking.js";
import { cosine, type SemanticSpace } from "./semantic.js";

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
  "titleCoverage",
  "titleBigrams",
  "titleName",
  "rank",
  "reverseCoverage5",
  "reverseCoverage10",
  "reverseCoverage20",
  "tfidfCosine",
  "queryLikelihood",
  "bestTwoSentences",
  "semantic",
  "softCoverage",
] as const;

/** Features after `rank`: scaled per query by their largest magnitude in the head. */
const SCALED_FROM = FEATURES.indexOf("reverseCoverage5");
const RANK = FEATURES.indexOf("rank");
const TITLE_FROM = FEATURES.indexOf("titleCoverage");

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
  /** Times each term occurs in the query. */
  counts: Map<string, number>;
  /** Terms in the query, repeats counted. */
  length: number;
  /** The IDF of any term (document terms too), memoized for the query. */
  idfOf: (term: string) => number;
  /** Document frequency of a term and the archive's size: the query-likelihood background. */
  df: (term: string) => number;
  documents: number;
  /** The query's place in the semantic space (null without a space or known terms). */
  vector: Float32Array | null;
  /** Each distinct query term's unit direction in the semantic space, where it has one. */
  directions: Map<string, Float32Array>;
  /** Query terms' other forms: terms that together stand for the term in a paper. */
  alternatives: ReadonlyMap<string, readonly string[]>;
  /** Terms the query names a system by (joined spellings, misspellings read), with their IDF. */
  names: Map<string, number>;
}

export function queryFacts(
  sequence: readonly string[],
  queryWords: readonly string[],
  df: (term: string) => number,
  documents: number,
  semantic: SemanticSpace | null = null,
  alternatives: ReadonlyMap<string, readonly string[]> = new Map(),
  names: readonly string[] = [],
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
  const counts = new Map<string, number>();
  for (const t of sequence) counts.set(t, (counts.get(t) ?? 0) + 1);
  const directions = new Map<string, Float32Array>();
  if (semantic)
    for (const t of idf.keys()) {
      const dir = semantic.direction(t);
      if (dir) directions.set(t, dir);
    }
  const memo = new Map<string, number>(idf);
  const idfOf = (t: string) => {
    let v = memo.get(t);
    if (v === undefined) {
      v = bm25Idf(documents, df(t));
      memo.set(t, v);
    }
    return v;
  };
  return {
    names: new Map(names.map((t) => [t, idfOf(t)])),
    counts,
    length: sequence.length,
    idfOf,
    df,
    documents,
    vector: semantic ? semantic.embed(sequence) : null,
    directions,
    alternatives,
    idf,
    idfSum: idfSum || 1,
    pairs,
    pairWeight: pairs.reduce((s, p) => s + p.w, 0) || 1,
    words: ws,
    wordWeight: ws.reduce((s, w) => s + w.w, 0) || 1,
  };
}

/**
 * A candidate's analyzed text: its terms in order, sentence by sentence (the title, with its
 * names' other spellings, is the first), and its word forms.
 */
export interface CandidateText {
  sentences: string[][];
  /** Terms of the title (with its names' spellings). */
  title: Set<string>;
  terms: string[];
  /** Whether the text has a word form (lowercased). */
  words: { has(word: string): boolean };
  /** The text's place in the semantic space, when there is one. */
  vector: Float32Array | null;
  /** Term counts. */
  tf: Map<string, number>;
  /**
   * Its terms by TF-IDF weight, best first, and the vector's norm: query-independent, so kept
   * with the text (for an archive of `documents` papers) while a cache keeps the text.
   */
  weighted?: { documents: number; terms: [string, number][]; norm: number };
}

/** A candidate from a paper's analysis (analyzed-papers.ts); its vector given, or embedded here. */
export function candidateFrom(
  paper: AnalyzedPaper,
  semantic: SemanticSpace | null,
  vector?: Float32Array | null,
): CandidateText {
  const terms = paper.sentences.flat();
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return {
    sentences: paper.sentences,
    title: new Set(paper.sentences[0] ?? []),
    terms,
    tf,
    words: paper.words,
    vector: vector !== undefined ? vector : semantic ? semantic.embedCounts(tf) : null,
  };
}

/** A candidate analyzed from its title and abstract (eval and scripts; the product keeps them). */
export function candidateText(
  title: string,
  abstract: string,
  semantic: SemanticSpace | null = null,
): CandidateText {
  const { sentences, forms } = analyzeSentences(title, abstract);
  return candidateFrom({ sentences, words: new Set(forms) }, semantic);
}

/** The query-likelihood background model's smoothing mass (Dirichlet prior, in terms). */
const DIRICHLET_MU = 100;
/** Average terms per paper assumed by the background model (its collection frequency ≈ df × this). */
const TERMS_PER_DOCUMENT = 60;

/**
 * Features that look at the whole candidate text: how much of the paper's own most distinctive
 * terms the query names (a summary names what makes its paper different), TF-IDF cosine, a
 * Dirichlet-smoothed query likelihood, the two best sentences' coverage, semantic similarity, and
 * soft coverage: a query term the paper lacks still counts, by how close its direction in the
 * semantic space is to the paper's ("compress" for a paper on pruning and quantization), after
 * the topic-model document language models of Wei & Croft (2006).
 */
function weightedTerms(q: QueryFacts, text: CandidateText): NonNullable<CandidateText["weighted"]> {
  if (text.weighted?.documents === q.documents) return text.weighted;
  const terms: [string, number][] = [];
  let norm = 0;
  for (const [t, f] of text.tf) {
    const v = (1 + Math.log(f)) * q.idfOf(t);
    terms.push([t, v]);
    norm += v * v;
  }
  terms.sort((a, b) => b[1] - a[1]);
  text.weighted = { documents: q.documents, terms, norm: Math.sqrt(norm) };
  return text.weighted;
}

function documentFeatures(q: QueryFacts, text: CandidateText): number[] {
  const tf = text.tf;
  const { terms: weighted, norm } = weightedTerms(q, text);
  let dot = 0;
  let queryNorm = 0;
  for (const [t, qf] of q.counts) {
    const idf = q.idfOf(t);
    queryNorm += (qf * idf) ** 2;
    const f = tf.get(t);
    if (f) dot += (1 + Math.log(f)) * idf * qf * idf;
  }
  const reverse = [5, 10, 20].map((k) => {
    let named = 0;
    let all = 0;
    for (let i = 0; i < Math.min(k, weighted.length); i++) {
      const [t, v] = weighted[i] as [string, number];
      all += v;
      if (q.counts.has(t)) named += v;
    }
    return all ? named / all : 0;
  });
  const cos = dot / ((norm || 1) * (Math.sqrt(queryNorm) || 1));
  let likelihood = 0;
  const L = text.terms.length;
  for (const [t, f] of q.counts) {
    const background = (q.df(t) + 0.5) / (q.documents * TERMS_PER_DOCUMENT);
    likelihood +=
      f *
      (Math.log(((tf.get(t) ?? 0) + DIRICHLET_MU * background) / (L + DIRICHLET_MU)) - Math.log(background));
  }
  const sentenceCover = text.sentences
    .map((s) => {
      const seen = new Set<string>();
      let c = 0;
      for (const t of s)
        if (q.counts.has(t) && !seen.has(t)) {
          seen.add(t);
          c += q.idfOf(t);
        }
      return c;
    })
    .sort((a, b) => b - a);
  let soft = 0;
  for (const [t, idf] of q.idf) {
    if (tf.has(t) || q.alternatives.get(t)?.every((a) => tf.has(a))) soft += idf;
    else soft += idf * Math.max(0, cosine(q.directions.get(t) ?? null, text.vector));
  }
  return [
    ...reverse,
    cos,
    likelihood / (q.length || 1),
    ((sentenceCover[0] ?? 0) + (sentenceCover[1] ?? 0)) / q.idfSum,
    cosine(q.vector, text.vector),
    soft / q.idfSum,
  ];
}

/**
 * How the title meets the query: the IDF-weighted share of the query's terms it holds, the share
 * of the query's adjacent pairs it holds adjacent, and the IDF-weighted share of the names the
 * query was read as (a split or misspelled system name) that it holds. A summary or a chat query
 * often names the paper's system, and the title is where a paper names it.
 */
function titleFeatures(q: QueryFacts, text: CandidateText): number[] {
  let covered = 0;
  for (const [t, idf] of q.idf) if (text.title.has(t)) covered += idf;
  let adjacent = 0;
  if (q.pairs.length) {
    const title = text.sentences[0] ?? [];
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < title.length; i++) pairs.add(`${title[i]} ${title[i + 1]}`);
    for (const p of q.pairs) if (pairs.has(`${p.a} ${p.b}`)) adjacent++;
  }
  let named = 0;
  let names = 0;
  for (const [t, idf] of q.names) {
    names += idf;
    if (text.title.has(t)) named += idf;
  }
  return [covered / q.idfSum, adjacent / (q.pairs.length || 1), names ? named / names : 0];
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
    const row = new Array<number>(FEATURES.length).fill(0);
    row[0] = score / top;
    row[1] = Math.log(Math.max(score, 1e-9) / top);
    row[RANK] = 1 / (r + 1);
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
    titleFeatures(q, text).forEach((v, j) => {
      row[TITLE_FROM + j] = v;
    });
    documentFeatures(q, text).forEach((v, j) => {
      row[SCALED_FROM + j] = v;
    });
    return row;
  });
  const flatTop = Math.max(...flat) || 1;
  rows.forEach((row, r) => {
    row[2] = (flat[r] as number) / flatTop;
  });
  // Scale-free per query, so one weight fits short and long queries, small and large archives.
  for (let j = SCALED_FROM; j < FEATURES.length; j++) {
    const top = Math.max(...rows.map((row) => Math.abs(row[j] as number))) || 1;
    for (const row of rows) row[j] = (row[j] as number) / top;
  }
  return rows;
}

/** The linear model's score of one feature row. */
export function linearScore(weights: readonly number[], row: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < row.length; j++) s += (weights[j] ?? 0) * (row[j] as number);
  return s;
}
