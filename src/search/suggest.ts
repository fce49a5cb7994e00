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

/** The word of `text` whose term is `term` that appears most often (ties: the shortest). */
export function surfaceForm(text: string, term: string): string | null {
  const counts = new Map<string, number>();
  for (const w of words(text)) if (termOf(w) === term) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [w, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && w.length < best.length)) {
      best = w;
      bestCount = n;
    }
  }
  return best;
}

/** The query with each corrected word replaced (case-insensitive, whole words only). */
export function rewriteQuery(query: string, replacements: ReadonlyMap<string, string>): string {
  return query.replace(/[\p{L}\p{N}]+/gu, (w) => replacements.get(w.toLowerCase()) ?? w);
}
