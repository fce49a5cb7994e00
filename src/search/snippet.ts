/**
 * The piece of an abstract shown under a result: the window of about `width` characters that
 * holds the most distinct query terms, cut at word boundaries, with "…" where text was left out.
 */
import { termOf, WORD_CHAR_CLASS } from "../text/analysis.js";

export const SNIPPET_CHARS = 200;
const WORD = new RegExp(`${WORD_CHAR_CLASS}+`, "gu");

export function snippet(text: string, queryTerms: ReadonlySet<string>, width = SNIPPET_CHARS): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= width) return clean;
  const hits: { at: number; term: string }[] = [];
  if (queryTerms.size) {
    for (const m of clean.matchAll(WORD)) {
      const t = termOf(m[0].toLowerCase());
      if (t !== null && queryTerms.has(t)) hits.push({ at: m.index, term: t });
    }
  }
  let start = 0;
  if (hits.length) {
    let best = -1;
    for (let i = 0; i < hits.length; i++) {
      const from = (hits[i] as { at: number }).at;
      const seen = new Set<string>();
      for (let j = i; j < hits.length && (hits[j] as { at: number }).at < from + width * 0.8; j++) {
        seen.add((hits[j] as { term: string }).term);
      }
      if (seen.size > best) {
        best = seen.size;
        start = from;
      }
    }
    // A little context before the first matched word reads better than starting on it.
    start = Math.max(0, start - Math.floor(width / 5));
    if (start > 0) {
      const space = clean.indexOf(" ", start);
      start = space < 0 ? start : space + 1;
    }
  }
  let end = Math.min(clean.length, start + width);
  if (end < clean.length) {
    const space = clean.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  return `${start > 0 ? "…" : ""}${clean.slice(start, end).trim()}${end < clean.length ? "…" : ""}`;
}
