/**
 * What the second stage knows about a candidate: numbers that describe how a paper's text meets
 * the query beyond the BM25 sum (phrases, proximity, coverage of the rare words, exact word
 * forms, where the first match falls), each scaled per query so a weight learned on one query
 * set carries to others. `scripts/fit-search.ts` learns the weights of these on SciTLDR train.
 */

import { termOf } from "../text/analysis.js";
import { type AnalyzedEntry, SENTENCE } from "./analyzed-papers.js";
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

/**
 * Terms as the candidates hold them: ids among the analyzed papers' terms (analyzed-papers.ts),
 * with their IDF by id, so the re-ranker compares numbers instead of strings.
 */
export interface Vocabulary {
  /** A term's id, if any indexed paper has it. */
  termIdOf(term: string): number | undefined;
  /** The BM25 IDF of a term by id (as the index counts document frequency). */
  termIdf(id: number): number;
  /** Changes whenever IDFs may have (what is computed from them is kept until then). */
  readonly idfVersion: number;
}

/** The query side, computed once per query. */
export interface QueryFacts {
  /** Distinct query terms, in query order, with their IDF and how often the query has each. */
  terms: { term: string; id: number; idf: number; count: number }[];
  /** Term id → its index in `terms` (terms no paper has are left out). */
  slotOf: Map<number, number>;
  idfSum: number;
  /** Adjacent pairs of the query's meaningful terms (ids; -1 when no paper has it), with the smaller IDF. */
  pairs: { a: number; b: number; w: number }[];
  pairWeight: number;
  /** Distinct lowercased query words with their term's IDF. */
  words: { word: string; w: number }[];
  wordWeight: number;
  /** Terms in the query, repeats counted. */
  length: number;
  vocabulary: Vocabulary;
  /** Document frequency of a term and the archive's size: the query-likelihood background. */
  df: (term: string) => number;
  documents: number;
  /** The query's place in the semantic space (null without a space or known terms). */
  vector: Float32Array | null;
  /** Per query term (as `terms`): its unit direction in the semantic space, where it has one. */
  directions: (Float32Array | null)[];
  /**
   * Per query term: the ids of its other form's terms (which together stand for it in a paper),
   * null when it has none or some of them no paper has.
   */
  alternatives: (number[] | null)[];
  /** Ids of the terms the query names a system by (joined spellings, misspellings read), with IDF. */
  names: { id: number; idf: number }[];
}

export function queryFacts(
  sequence: readonly string[],
  queryWords: readonly string[],
  df: (term: string) => number,
  documents: number,
  vocabulary: Vocabulary,
  semantic: SemanticSpace | null = null,
  alternatives: ReadonlyMap<string, readonly string[]> = new Map(),
  names: readonly string[] = [],
): QueryFacts {
  const idfOf = (t: string) => bm25Idf(documents, df(t));
  const terms: QueryFacts["terms"] = [];
  const slot = new Map<string, number>();
  for (const t of sequence) {
    const at = slot.get(t);
    if (at !== undefined) {
      (terms[at] as { count: number }).count++;
      continue;
    }
    slot.set(t, terms.length);
    terms.push({ term: t, id: vocabulary.termIdOf(t) ?? -1, idf: idfOf(t), count: 1 });
  }
  let idfSum = 0;
  for (const t of terms) idfSum += t.idf;
  const slotOf = new Map<number, number>();
  terms.forEach((t, k) => {
    if (t.id >= 0) slotOf.set(t.id, k);
  });
  const pairs: QueryFacts["pairs"] = [];
  for (let i = 0; i + 1 < sequence.length; i++) {
    const a = terms[slot.get(sequence[i] as string) as number] as QueryFacts["terms"][number];
    const b = terms[slot.get(sequence[i + 1] as string) as number] as QueryFacts["terms"][number];
    pairs.push({ a: a.id, b: b.id, w: Math.min(a.idf, b.idf) });
  }
  const seen = new Set<string>();
  const ws: QueryFacts["words"] = [];
  for (const word of queryWords) {
    if (seen.has(word)) continue;
    seen.add(word);
    const k = slot.get(termOf(word) ?? "");
    ws.push({ word, w: k === undefined ? 0 : (terms[k] as { idf: number }).idf });
  }
  return {
    terms,
    slotOf,
    idfSum: idfSum || 1,
    pairs,
    pairWeight: pairs.reduce((s, p) => s + p.w, 0) || 1,
    words: ws,
    wordWeight: ws.reduce((s, w) => s + w.w, 0) || 1,
    length: sequence.length,
    vocabulary,
    df,
    documents,
    vector: semantic ? semantic.embed(sequence) : null,
    directions: terms.map((t) => (semantic ? semantic.direction(t.term) : null)),
    alternatives: terms.map((t) => {
      const other = alternatives.get(t.term);
      if (!other) return null;
      const ids = other.map((a) => vocabulary.termIdOf(a) ?? -1);
      return ids.includes(-1) ? null : ids;
    }),
    names: names.map((t) => ({ id: vocabulary.termIdOf(t) ?? -1, idf: idfOf(t) })),
  };
}

/**
 * A candidate's analyzed text, as term ids: its terms in order (the title's, with its names'
 * other spellings, first), where each sentence ends, its distinct terms with their counts, and
 * its word forms. What does not depend on the query is computed once per paper.
 */
export interface CandidateText {
  /** Term ids in order, sentences run together. */
  terms: Uint32Array;
  /** Where each sentence ends in `terms` (exclusive); the first sentence is the title. */
  ends: Uint32Array;
  /** Distinct term ids in order of first occurrence, and their counts. */
  distinct: Uint32Array;
  counts: Uint32Array;
  /** Whether the text has a word form (lowercased). */
  words: { has(word: string): boolean };
  /** The text's place in the semantic space, when there is one. */
  vector: Float32Array | null;
  /**
   * Its 20 strongest terms by TF-IDF weight, best first (ids and weights), and the TF-IDF
   * vector's norm: query-independent, kept with the text while the IDFs hold (`version`).
   */
  weighted?: { version: number; ids: Uint32Array; weights: Float64Array; norm: number };
  /** The distinct terms as a set, made when a query needs one (its other forms). */
  has?: Set<number>;
}

/** Scratch of `candidateFrom`: per term id, 1 + its place among the distinct terms of the text. */
let placeOf = new Int32Array(1 << 16);

/**
 * A candidate from a paper's analysis (analyzed-papers.ts `entry`), its vector given (null: none).
 */
export function candidateFrom(entry: AnalyzedEntry, vector: Float32Array | null): CandidateText {
  const ids = entry.ids;
  const terms = new Uint32Array(ids.length);
  const ends: number[] = [];
  const distinct: number[] = [];
  const counts: number[] = [];
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id === SENTENCE) {
      ends.push(n);
      continue;
    }
    terms[n++] = id;
    if (id >= placeOf.length) {
      const grown = new Int32Array(Math.max(id + 1, placeOf.length * 2));
      grown.set(placeOf);
      placeOf = grown;
    }
    const at = placeOf[id] as number;
    if (at === 0) {
      distinct.push(id);
      counts.push(1);
      placeOf[id] = distinct.length;
    } else counts[at - 1] = (counts[at - 1] as number) + 1;
  }
  ends.push(n);
  for (const id of distinct) placeOf[id] = 0;
  return {
    terms: terms.subarray(0, n),
    ends: Uint32Array.from(ends),
    distinct: Uint32Array.from(distinct),
    counts: Uint32Array.from(counts),
    words: entry.words,
    vector,
  };
}

/** The query-likelihood background model's smoothing mass (Dirichlet prior, in terms). */
const DIRICHLET_MU = 100;
/** Average terms per paper assumed by the background model (its collection frequency ≈ df × this). */
const TERMS_PER_DOCUMENT = 60;
/** The most of a paper's strongest terms a feature looks at (reverseCoverage20). */
const STRONGEST = 20;

/** The candidate's strongest terms by TF-IDF and its TF-IDF norm, computed once while IDFs hold. */
function weightedTerms(q: QueryFacts, text: CandidateText): NonNullable<CandidateText["weighted"]> {
  const version = q.vocabulary.idfVersion;
  if (text.weighted?.version === version) return text.weighted;
  const m = text.distinct.length;
  const weights = new Float64Array(m);
  let norm = 0;
  for (let i = 0; i < m; i++) {
    const v = (1 + Math.log(text.counts[i] as number)) * q.vocabulary.termIdf(text.distinct[i] as number);
    weights[i] = v;
    norm += v * v;
  }
  // The strongest, best first; equal weights keep their order of first occurrence (as a stable
  // sort of all of them would), by insertion into a short sorted run.
  const k = Math.min(STRONGEST, m);
  const top = new Uint32Array(k);
  const topWeights = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < m; i++) {
    const v = weights[i] as number;
    if (size === k && !(v > (topWeights[k - 1] as number))) continue;
    let at = size < k ? size++ : k - 1;
    while (at > 0 && (topWeights[at - 1] as number) < v) {
      top[at] = top[at - 1] as number;
      topWeights[at] = topWeights[at - 1] as number;
      at--;
    }
    top[at] = text.distinct[i] as number;
    topWeights[at] = v;
  }
  text.weighted = { version, ids: top, weights: topWeights, norm: Math.sqrt(norm) };
  return text.weighted;
}

/** Whether the candidate has every term of `ids`. */
function hasAll(text: CandidateText, ids: readonly number[]): boolean {
  text.has ??= new Set(text.distinct);
  const has = text.has;
  return ids.every((id) => has.has(id));
}

/**
 * Features that look at the whole candidate text: how much of the paper's own most distinctive
 * terms the query names (a summary names what makes its paper different), TF-IDF cosine, a
 * Dirichlet-smoothed query likelihood, the two best sentences' coverage, semantic similarity, and
 * soft coverage: a query term the paper lacks still counts, by how close its direction in the
 * semantic space is to the paper's ("compress" for a paper on pruning and quantization), after
 * the topic-model document language models of Wei & Croft (2006). `tf`: the paper's count of
 * each query term; `sentenceCover`: each sentence's IDF sum of the query terms it holds.
 */
function documentFeatures(
  q: QueryFacts,
  text: CandidateText,
  tf: Float64Array,
  sentenceCover: number[],
): number[] {
  const { ids: strongest, weights: strong, norm } = weightedTerms(q, text);
  let dot = 0;
  let queryNorm = 0;
  q.terms.forEach((t, k) => {
    queryNorm += (t.count * t.idf) ** 2;
    const f = tf[k] as number;
    if (f) dot += (1 + Math.log(f)) * t.idf * t.count * t.idf;
  });
  const reverse = [5, 10, STRONGEST].map((k) => {
    let named = 0;
    let all = 0;
    for (let i = 0; i < Math.min(k, strongest.length); i++) {
      const v = strong[i] as number;
      all += v;
      if (q.slotOf.has(strongest[i] as number)) named += v;
    }
    return all ? named / all : 0;
  });
  const cos = dot / ((norm || 1) * (Math.sqrt(queryNorm) || 1));
  let likelihood = 0;
  const L = text.terms.length;
  q.terms.forEach((t, k) => {
    const background = (q.df(t.term) + 0.5) / (q.documents * TERMS_PER_DOCUMENT);
    likelihood +=
      t.count *
      (Math.log(((tf[k] as number) + DIRICHLET_MU * background) / (L + DIRICHLET_MU)) - Math.log(background));
  });
  sentenceCover.sort((a, b) => b - a);
  let soft = 0;
  q.terms.forEach((t, k) => {
    const other = q.alternatives[k];
    if ((tf[k] as number) > 0 || (other && hasAll(text, other))) soft += t.idf;
    else soft += t.idf * Math.max(0, cosine(q.directions[k] ?? null, text.vector));
  });
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
  const end = text.ends[0] as number;
  const title = text.terms.subarray(0, end);
  let covered = 0;
  const inTitle = new Set<number>(title);
  for (const t of q.terms) if (t.id >= 0 && inTitle.has(t.id)) covered += t.idf;
  let adjacent = 0;
  if (q.pairs.length) {
    for (const p of q.pairs) {
      if (p.a < 0 || p.b < 0) continue;
      for (let i = 0; i + 1 < title.length; i++)
        if (title[i] === p.a && title[i + 1] === p.b) {
          adjacent++;
          break;
        }
    }
  }
  let named = 0;
  let names = 0;
  for (const { id, idf } of q.names) {
    names += idf;
    if (id >= 0 && inTitle.has(id)) named += idf;
  }
  return [covered / q.idfSum, adjacent / (q.pairs.length || 1), names ? named / names : 0];
}

/** BM25 with flatter saturation and less length normalization than the first stage. */
const FLAT = { k1: 2, b: 0.5 };
/** Two term ids as one number (ids stay far below 2^26). */
const pairKey = (a: number, b: number) => a * 67_108_864 + b;

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
  const Q = q.terms.length;
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
    // Per query term: its count in the paper; the query terms in order of first occurrence.
    const tf = new Float64Array(Q);
    const met: number[] = [];
    const sentenceCover: number[] = [];
    let best = 0;
    let first = dt.length;
    let sentence = 0;
    let seen = new Set<number>();
    let cover = 0;
    for (let i = 0; i <= dt.length; i++) {
      // Sentence by sentence: the IDF sum of the distinct query terms each holds.
      while (i === (text.ends[sentence] as number) && sentence < text.ends.length) {
        sentenceCover.push(cover);
        if (cover > best) best = cover;
        cover = 0;
        seen = new Set();
        sentence++;
      }
      if (i === dt.length) break;
      const k = q.slotOf.get(dt[i] as number);
      if (k === undefined) continue;
      if (tf[k] === 0) met.push(k);
      tf[k] = (tf[k] as number) + 1;
      if (first === dt.length) first = i;
      if (!seen.has(k)) {
        seen.add(k);
        cover += (q.terms[k] as { idf: number }).idf;
      }
    }
    let idfCovered = 0;
    let bm = 0;
    const norm = FLAT.k1 * (1 - FLAT.b + (FLAT.b * dt.length) / avgLength);
    for (const k of met) {
      const idf = (q.terms[k] as { idf: number }).idf;
      const f = tf[k] as number;
      idfCovered += idf;
      bm += (idf * f * (FLAT.k1 + 1)) / (f + norm);
    }
    flat.push(bm);
    let bigrams = 0;
    let idfBigrams = 0;
    let near = 0;
    if (q.pairs.length && met.length) {
      const adjacent = new Set<number>();
      const close = new Set<number>();
      for (let i = 0; i < dt.length; i++) {
        const a = dt[i] as number;
        if (!q.slotOf.has(a)) continue;
        for (let j = i + 1; j < Math.min(dt.length, i + 4); j++) {
          const b = dt[j] as number;
          if (!q.slotOf.has(b)) continue;
          if (j === i + 1) adjacent.add(pairKey(a, b));
          close.add(pairKey(a, b));
          close.add(pairKey(b, a));
        }
      }
      for (const p of q.pairs) {
        if (p.a < 0 || p.b < 0) continue;
        const key = pairKey(p.a, p.b);
        if (adjacent.has(key)) {
          bigrams++;
          idfBigrams += p.w;
        }
        if (close.has(key)) near++;
      }
    }
    let exact = 0;
    for (const w of q.words) if (text.words.has(w.word)) exact += w.w;
    const pairs = q.pairs.length || 1;
    row[3] = met.length / (Q || 1);
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
    documentFeatures(q, text, tf, sentenceCover).forEach((v, j) => {
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
