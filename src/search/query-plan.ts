/**
 * From what a user typed to what the scorer runs: paper references (arXiv ids, arXiv/HF URLs,
 * paperboy ids) are taken out to be answered first; the rest is analyzed exactly like abstracts;
 * an abbreviation the archive defines brings its long form along, and a long form its
 * abbreviation (text/abbreviations.ts); a long query keeps only its most informative (rarest)
 * terms, which is what bounds the time of a pasted paragraph.
 *
 * Names as people type them: words written apart that the archive knows joined ("think safe" for
 * THINKSAFE, "re trac" for RE-TRAC) also search the joined term, and a word the archive does not
 * know at all is read as the nearest term of a title ("densgrpo" → DenseGRPO), since a misspelled
 * word in a short chat query is most often a system's name.
 */
import { parsePaperRef } from "../digest/identity.js";
import { termOf, words } from "../text/analysis.js";

/** Longest run of typed words joined into one name ("k 2 5" → "k25"). */
const MAX_JOINED_WORDS = 3;
/** Shortest unknown word read as a misspelled title term; shorter ones match too much. */
const MIN_FUZZY_LENGTH = 5;
/**
 * Longest query (in words) whose unknown words are read as misspelled names: a chat query names
 * a system in a few words, while a pasted paragraph has enough known words and many rare ones.
 */
const MAX_FUZZY_QUERY_WORDS = 8;

/** Edits allowed to a misspelled word: 1 up to 7 characters, then 2 (a swap is two edits). */
function fuzzyEdits(word: string): number {
  return word.length < 8 ? 1 : 2;
}

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
  /**
   * Query terms' other forms: an abbreviation's long form, a long form's abbreviation, the joined
   * name a word is part of.
   */
  alternatives: Map<string, string[]>;
  /** Unknown words read as a title term, word → term (the misspelled-name fallback). */
  corrected: Map<string, string>;
  /** Terms the query names a system by: joined spellings and names read for unknown words. */
  names: string[];
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
  const corrected = new Map<string, string>();
  const df = (t: string) => index.documentFrequency(t);
  const fuzzy = ranking.fuzzyNameWeight > 0 && all.length <= MAX_FUZZY_QUERY_WORDS;
  for (const w of all) {
    let t = termOf(w);
    if (t === null) continue;
    if (fuzzy && w.length >= MIN_FUZZY_LENGTH && df(t) === 0) {
      const near = nearestTitleTerm(index, t, fuzzyEdits(w));
      if (near !== null) {
        corrected.set(w, near);
        t = near;
      }
    }
    meaningful.push(w);
    sequence.push(t);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const scored: { term: string; weight: number; df: number }[] = [];
  for (const [term, n] of counts) {
    const f = df(term);
    if (f === 0) {
      for (const w of meaningful) if (termOf(w) === term && !unknown.includes(w)) unknown.push(w);
      continue;
    }
    const typed = ranking.queryTf === 0 ? 1 : n ** ranking.queryTf;
    const read = [...corrected.values()].includes(term) && !meaningful.some((w) => termOf(w) === term);
    scored.push({ term, weight: read ? typed * ranking.fuzzyNameWeight : typed, df: f });
  }
  const expansion =
    ranking.abbreviationWeight > 0
      ? index.abbreviations.expand(sequence, df)
      : { added: [], alternatives: new Map<string, string[]>() };
  for (const term of expansion.added) {
    const f = df(term);
    if (f > 0) scored.push({ term, weight: ranking.abbreviationWeight, df: f });
  }
  const names = [...new Set(corrected.values())];
  if (ranking.joinedNameWeight > 0) {
    for (const { term, parts } of joinedTerms(all, counts, df)) {
      if (!names.includes(term)) names.push(term);
      if (scored.some((s) => s.term === term)) continue;
      scored.push({ term, weight: ranking.joinedNameWeight, df: df(term) });
      for (const p of parts) {
        const alt = expansion.alternatives.get(p);
        if (!alt) expansion.alternatives.set(p, [term]);
      }
    }
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
    corrected,
    names,
  };
}

/**
 * Runs of 2–3 typed words (stopwords and single letters included: "a orchestra", "k 2 5") whose
 * joined spelling is an indexed term the query does not already have, with the terms of the
 * words it joins.
 */
function joinedTerms(
  all: readonly string[],
  have: ReadonlyMap<string, number>,
  df: (term: string) => number,
): { term: string; parts: string[] }[] {
  const out: { term: string; parts: string[] }[] = [];
  for (let i = 0; i < all.length; i++) {
    let joined = all[i] as string;
    for (let n = 2; n <= MAX_JOINED_WORDS && i + n <= all.length; n++) {
      joined += all[i + n - 1];
      const term = termOf(joined);
      if (term === null || have.has(term) || out.some((o) => o.term === term) || df(term) === 0) continue;
      const parts = all
        .slice(i, i + n)
        .map(termOf)
        .filter((t): t is string => t !== null);
      out.push({ term, parts });
    }
  }
  return out;
}

/** The title term nearest an unknown one: fewest edits, then the most papers; null when none. */
function nearestTitleTerm(index: PaperIndex, term: string, maxEdits: number): string | null {
  const near = index.nearTitleTerms(term, maxEdits);
  near.sort((a, b) => a.distance - b.distance || b.df - a.df || (a.term < b.term ? -1 : 1));
  return near[0]?.term ?? null;
}
