/**
 * How well one paper answers one saved search (a watch), as numbers that mean the same for every
 * query: shares of the query's information the paper holds, and similarities bounded to [0, 1].
 * Search's re-ranker scales its features per query (only the order within one query matters
 * there); an alert needs an absolute yes or no for a paper seen alone, so nothing here is
 * relative to the other candidates. `watch-model.ts` turns a row into a probability.
 */
import type { CandidateText, QueryFacts } from "../search/features.js";
import { cosine } from "../search/semantic.js";

export const WATCH_FEATURES = [
  "bias",
  "idfCoverage",
  "coverage",
  "softCoverage",
  "semantic",
  "phrase",
  "bestSentence",
  "centrality",
  "tfidfCosine",
  "maxMissing",
  "queryTerms",
] as const;

/** The shipped weights file of the watch model, and what refits it (src/learned convention). */
export const WATCH_WEIGHTS = {
  file: "src/alerts/watch-weights.json",
  model: "watch-match",
  /** Bumped when a feature's meaning changes: an old file is then refused, not misread. */
  version: 1,
  script: "scripts/fit-alerts.ts",
} as const;

/** The query side, prepared once per distinct watch text. */
export interface PreparedWatch {
  facts: QueryFacts;
  /** Distinct query terms as ids among the analyzed papers' terms (-1: no paper has it), and their IDF. */
  terms: Int32Array;
  idf: Float64Array;
  /** How often the query has each term. */
  counts: Float64Array;
  /** Adjacent pairs of query terms ("a b", by id) with their weight (the smaller IDF). */
  pairs: { key: string; w: number }[];
  pairWeight: number;
  maxIdf: number;
  /** Euclidean norm of the query's TF-IDF vector. */
  norm: number;
}

/** The paper side, prepared once per paper and match run. */
export interface PreparedPaper {
  text: CandidateText;
  /** Term id → how often the text has it. */
  tf: Map<number, number>;
  /** Adjacent term pairs of the text ("a b", by id, within a sentence). */
  adjacent: Set<string>;
  /** For each term id, the sentences it occurs in (indexes). */
  sentencesOf: Map<number, number[]>;
  sentenceCount: number;
  /** Norm of the paper's TF-IDF vector ((1 + ln tf) · idf), under the archive's IDF. */
  norm: number;
}

export function prepareWatch(facts: QueryFacts): PreparedWatch {
  const terms = Int32Array.from(facts.terms, (t) => t.id);
  const idf = Float64Array.from(facts.terms, (t) => t.idf);
  const counts = Float64Array.from(facts.terms, (t) => t.count);
  const pairs: PreparedWatch["pairs"] = [];
  const seen = new Set<string>();
  for (const p of facts.pairs) {
    const key = `${p.a} ${p.b}`;
    if (p.a === p.b || seen.has(key)) continue;
    seen.add(key);
    pairs.push({ key, w: p.w });
  }
  let norm = 0;
  facts.terms.forEach((t) => {
    norm += (t.count * t.idf) ** 2;
  });
  return {
    facts,
    terms,
    idf,
    counts,
    pairs,
    pairWeight: pairs.reduce((s, p) => s + p.w, 0),
    maxIdf: Math.max(0, ...idf),
    norm: Math.sqrt(norm) || 1,
  };
}

export function preparePaper(text: CandidateText, idfOf: (id: number) => number): PreparedPaper {
  const tf = new Map<number, number>();
  text.distinct.forEach((id, k) => {
    tf.set(id, text.counts[k] as number);
  });
  const adjacent = new Set<string>();
  const sentencesOf = new Map<number, number[]>();
  let from = 0;
  text.ends.forEach((end, s) => {
    for (let i = from; i < end; i++) {
      const t = text.terms[i] as number;
      let at = sentencesOf.get(t);
      if (!at) {
        at = [];
        sentencesOf.set(t, at);
      }
      if (at[at.length - 1] !== s) at.push(s);
      if (i + 1 < end) adjacent.add(`${t} ${text.terms[i + 1]}`);
    }
    from = end;
  });
  let norm = 0;
  for (const [id, f] of tf) norm += ((1 + Math.log(f)) * idfOf(id)) ** 2;
  return { text, tf, adjacent, sentencesOf, sentenceCount: text.ends.length, norm: Math.sqrt(norm) || 1 };
}

/** Whether the paper holds query term k, or every term of its other form (an abbreviation's long form). */
function holds(w: PreparedWatch, p: PreparedPaper, k: number): boolean {
  if (p.tf.has(w.terms[k] as number)) return true;
  const alternatives = w.facts.alternatives[k];
  return (
    alternatives !== null &&
    alternatives !== undefined &&
    alternatives.length > 0 &&
    alternatives.every((a) => p.tf.has(a))
  );
}

/** True when the paper shares no query term at all (its row is then mostly zeros). */
export function sharesNothing(w: PreparedWatch, p: PreparedPaper): boolean {
  for (let k = 0; k < w.terms.length; k++) if (holds(w, p, k)) return false;
  return true;
}

/**
 * The terms whose presence in a paper can make it share something with the watch: the query's
 * terms and their alternatives' first terms (an alternative needs all of its terms).
 */
export function sharingTerms(w: PreparedWatch): number[] {
  const out = new Set<number>();
  w.terms.forEach((id, k) => {
    if (id >= 0) out.add(id);
    const first = w.facts.alternatives[k]?.[0];
    if (first !== undefined) out.add(first);
  });
  return [...out];
}

/**
 * Each feature's [lowest, highest] value for a paper that shares no query term (sharesNothing),
 * in WATCH_FEATURES order: only the semantic ones (soft coverage, cosine) can be above zero, and
 * the most informative term is missing. Lets the matcher skip such papers when even the best of
 * these rows stays under the threshold, without scoring each.
 */
export function unsharedRange(w: PreparedWatch): [number, number][] {
  return [
    [1, 1],
    [0, 0],
    [0, 0],
    [0, 1],
    [0, 1],
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
    [w.maxIdf > 0 ? 1 : 0, w.maxIdf > 0 ? 1 : 0],
    [Math.log(1 + w.terms.length), Math.log(1 + w.terms.length)],
  ];
}

/** One feature row, in WATCH_FEATURES order. */
export function watchFeatures(w: PreparedWatch, p: PreparedPaper): number[] {
  const { facts } = w;
  const idfSum = facts.idfSum;
  let covered = 0;
  let idfCovered = 0;
  let soft = 0;
  let central = 0;
  let dot = 0;
  let maxMissing = 0;
  const perSentence = new Float64Array(p.sentenceCount);
  for (let i = 0; i < w.terms.length; i++) {
    const t = w.terms[i] as number;
    const idf = w.idf[i] as number;
    if (holds(w, p, i)) {
      covered++;
      idfCovered += idf;
      soft += idf;
      const f = p.tf.get(t) ?? 1;
      // A term the paper repeats is what it is about; one passing mention is not.
      central += idf * Math.min(1, Math.log(1 + f) / Math.log(4));
      dot += (w.counts[i] as number) * idf * (1 + Math.log(f)) * idf;
      for (const s of p.sentencesOf.get(t) ?? []) perSentence[s] = (perSentence[s] as number) + idf;
    } else {
      soft += idf * Math.max(0, cosine(facts.directions[i] ?? null, p.text.vector));
      if (idf > maxMissing) maxMissing = idf;
    }
  }
  let best = 0;
  for (const v of perSentence) if (v > best) best = v;
  let phrase: number;
  if (w.pairs.length === 0) phrase = idfCovered / idfSum;
  else {
    let found = 0;
    for (const pair of w.pairs) if (p.adjacent.has(pair.key)) found += pair.w;
    phrase = w.pairWeight > 0 ? found / w.pairWeight : 0;
  }
  return [
    1,
    idfCovered / idfSum,
    w.terms.length ? covered / w.terms.length : 0,
    soft / idfSum,
    Math.max(0, cosine(facts.vector, p.text.vector)),
    phrase,
    best / idfSum,
    central / idfSum,
    dot / (w.norm * p.norm),
    w.maxIdf > 0 ? maxMissing / w.maxIdf : 0,
    Math.log(1 + w.terms.length),
  ];
}
