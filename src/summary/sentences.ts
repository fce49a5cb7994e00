/**
 * Sentence splitter for paper abstracts. Abstracts are full of periods that do not end a sentence
 * ("e.g.", "et al.", "3.1x", "Fig. 2", URLs), so a boundary is a terminator followed by space and
 * a plausible sentence start, unless the word before the terminator is a known abbreviation.
 * Linear in the input; never throws.
 */

// Lower-cased, without the final period. "etc" is absent on purpose: before a capital it usually
// ends the sentence.
const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "eg",
  "ie",
  "al",
  "vs",
  "cf",
  "viz",
  "approx",
  "resp",
  "fig",
  "figs",
  "eq",
  "eqs",
  "sec",
  "secs",
  "tab",
  "no",
  "nos",
  "vol",
  "pp",
  "p",
  "ref",
  "refs",
  "dr",
  "prof",
  "mr",
  "ms",
  "mrs",
  "st",
  "jr",
  "inc",
  "ltd",
  "co",
  "corp",
  "u.s",
  "ph.d",
  "w.r.t",
  "a.k.a",
  "wrt",
  "aka",
  "incl",
  "avg",
  "dept",
  "univ",
]);

// A terminator run, optional closing quotes/brackets, then white space.
const BOUNDARY = /[.!?]+["'”’)\]]*\s+/g;
// What a new sentence may start with: a capital, a digit, an opening quote/bracket, LaTeX.
const STARTER = /^["'“‘([{$\\]*[\p{Lu}\p{N}]/u;
// "results.We show": a missing space after a period, between a lower-case word and a capitalized one.
const GLUED = /(?<=\p{Ll}{3})\.(?=\p{Lu}\p{Ll})/gu;

/** The word just before position `end` (exclusive), lower-cased, without trailing periods. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1] as string)) start--;
  return text
    .slice(start, end)
    .replace(/^["'“‘([{]+/, "")
    .toLowerCase();
}

function isAbbreviation(word: string): boolean {
  const bare = word.replace(/\.+$/, "");
  if (ABBREVIATIONS.has(bare)) return true;
  // Spelled-out abbreviations ("U.S.", "w.r.t."); a single letter ("type A.") ends a sentence.
  return /^(\p{L}\.)+\p{L}$/u.test(bare);
}

function isUrlToken(word: string): boolean {
  return /:\/\/|^www\.|\//i.test(word);
}

/** Repairs "results.We show" → "results. We show", leaving URLs and file names alone. */
function unglue(text: string): string {
  return text.replace(GLUED, (match, offset: number) => {
    const before = wordBefore(text, offset);
    return isUrlToken(before) ? match : ". ";
  });
}

/** The sentences of `text`, trimmed, in order; [] for blank text. */
export function splitSentences(text: string): string[] {
  const clean = unglue(text.replace(/\s+/g, " ").trim());
  if (clean === "") return [];
  const out: string[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(clean); m !== null; m = BOUNDARY.exec(clean)) {
    const end = m.index + m[0].length;
    if (!STARTER.test(clean.slice(end, end + 8))) continue;
    const terminator = clean[m.index];
    if (terminator === ".") {
      const word = wordBefore(clean, m.index + 1);
      if (isAbbreviation(word)) continue;
    }
    const sentence = clean.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
  }
  const rest = clean.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
