/**
 * From what a user typed to what the scorer runs: paper references (arXiv ids, arXiv/HF URLs,
 * paperboy ids) are taken out to be answered first; the rest is analyzed exactly like abstracts;
 * an abbreviation the archive defines brings its long form along, and a long form its
 * abbreviation (abbreviations.ts); a long query keeps only its most informative (rarest) terms,
 * which is what bounds the time of a pasted paragraph.
 */
import { parsePaperRef } from "../digest/identity.js";
import { termOf, words } from "../text/analysis.js";
import type { PaperIndex } from "./paper-index.js";
import type { RankingConfig } from "./ranking.js";
import type { WeightedTerm } from "./scorer.js";

/** Characters of a query that are analyzed; a longer paste is cut here (about 1,500 words). */
export const MAX_QUERY_CHARS = 10_000;

export interface QueryPlan {
  /** Canonical ids the query names directly, in order. */
  refs: string[];
  /** Meaningful words (not stopwords) in query order, lowercased. */
  words: string[];
  /** Every meaningful word's term, in query order (for phrase matching). */
  sequence: string[];
  /**
   * Terms to score, at most `ranking.maxTerms`, those in the index only: the query's own and the
   * other forms of its abbreviations (weighing `ranking.abbreviationWeight`).
   */
  terms: WeightedTerm[];
  /** Words whose term is in no indexed paper (candidates for "did you mean"). */
  unknown: string[];
  /** Whether the query had any letters or digits at all. */
  hasWords: boolean;
  /** Query terms' other forms (an abbreviation's long form, a long form's abbreviation). */
  alternatives: Map<string, string[]>;
}

export function planQuery(index: PaperIndex, text: string, ranking: RankingConfig): QueryPlan {
  const capped = text.length > MAX_QUERY_CHARS ? text.slice(0, MAX_QUERY_CHARS) : text;
  const refs: string[] = [];
  const rest: string[] = [];
  for (const piece of capped.split(/\s+/)) {
    if (!piece) continue;
    const ref = parsePaperRef(piece);
    if (ref) {
      if (!refs.includes(ref)) refs.push(ref);
    } else rest.push(piece);
  }
  const all = words(rest.join(" "));
  const meaningful: string[] = [];
  const counts = new Map<string, number>();
  const unknown: string[] = [];
  const sequence: string[] = [];
  for (const w of all) {
    const t = termOf(w);
    if (t === null) continue;
    meaningful.push(w);
    sequence.push(t);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const scored: { term: string; weight: number; df: number }[] = [];
  for (const [term, n] of counts) {
    const df = index.documentFrequency(term);
    if (df === 0) {
      for (const w of meaningful) if (termOf(w) === term && !unknown.includes(w)) unknown.push(w);
      continue;
    }
    scored.push({ term, weight: ranking.queryTf === 0 ? 1 : n ** ranking.queryTf, df });
  }
  const expansion =
    ranking.abbreviationWeight > 0
      ? index.abbreviations.expand(sequence, (t) => index.documentFrequency(t))
      : { added: [], alternatives: new Map<string, string[]>() };
  for (const term of expansion.added) {
    const df = index.documentFrequency(term);
    if (df > 0) scored.push({ term, weight: ranking.abbreviationWeight, df });
  }
  scored.sort((a, b) => a.df - b.df || (a.term < b.term ? -1 : 1));
  return {
    refs,
    words: meaningful,
    sequence,
    terms: scored.slice(0, ranking.maxTerms).map(({ term, weight }) => ({ term, weight })),
    unknown,
    hasWords: all.length > 0,
    alternatives: expansion.alternatives,
  };
}
