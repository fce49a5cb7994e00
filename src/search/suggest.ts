/**
 * "Did you mean": for a query that found nothing, each word unknown to the index is replaced by
 * the closest indexed term (fewest edits, then the most common), spelled as the archive spells
 * it. Fuzzy matching is only this fallback: as a default it ranked worse (see ranking.ts).
 */

import { termOf, words } from "../text/analysis.js";
import type { PaperIndex } from "./paper-index.js";

/** Up to 1 edit for words of 4 letters or fewer, else 2 (fuzzy lookups grow fast beyond). */
function maxEdits(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

export interface Correction {
  word: string;
  term: string;
}

export function correctWords(index: PaperIndex, unknown: readonly string[]): Correction[] {
  const out: Correction[] = [];
  for (const word of unknown) {
    const term = termOf(word);
    if (term === null || word.length < 3) continue;
    const near = index.nearTerms(term, maxEdits(word));
    near.sort((a, b) => a.distance - b.distance || b.df - a.df || (a.term < b.term ? -1 : 1));
    const best = near[0];
    if (best) out.push({ word, term: best.term });
  }
  return out;
}

/** Levenshtein distance (small words only: a query word against a text's word). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * The word of `text` whose term is `term`: the one nearest to what was typed (`typed`, when
 * given: "reservior" → "reservoir", not "reservoirs"), then the most frequent, then the shortest.
 */
export function surfaceForm(text: string, term: string, typed?: string): string | null {
  const counts = new Map<string, number>();
  for (const w of words(text)) if (termOf(w) === term) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: string | null = null;
  let bestKey: [number, number, number] = [Number.POSITIVE_INFINITY, 0, 0];
  for (const [w, n] of counts) {
    const key: [number, number, number] = [typed ? editDistance(typed, w) : 0, -n, w.length];
    if (
      best === null ||
      key[0] < bestKey[0] ||
      (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))
    ) {
      best = w;
      bestKey = key;
    }
  }
  return best;
}

/** The query with each corrected word replaced (case-insensitive, whole words only). */
export function rewriteQuery(query: string, replacements: ReadonlyMap<string, string>): string {
  return query.replace(/[\p{L}\p{N}]+/gu, (w) => replacements.get(w.toLowerCase()) ?? w);
}
