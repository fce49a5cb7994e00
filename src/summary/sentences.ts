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

/**
 * "achieves 77. 7% accuracy": a decimal point a converter put a space after. Only a bare number
 * before and digits with a unit glued on after ("7%", "5×", "3x") count: abstracts do not start a
 * sentence with a numeral and its unit.
 */
function isSpacedDecimal(word: string, boundary: string, next: string): boolean {
  return boundary === ". " && /^[+\-−±~]?\d+\.$/.test(word) && /^\d+(?:%|×|x(?![\p{L}\d]))/u.test(next);
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

// A bracket left open at a would-be boundary keeps the sentence going when it closes this soon:
// "(e.g. 3.0% for T5-Base. 6.3% for ViT)" is one aside, not two sentences.
const MAX_ASIDE_CHARS = 300;

/** Bracket depth at each position, walked forward once. */
class Depth {
  private at = 0;
  private depth = 0;
  constructor(private readonly text: string) {}
  before(index: number): number {
    for (; this.at < index; this.at++) {
      const ch = this.text[this.at];
      if (ch === "(" || ch === "[") this.depth++;
      else if ((ch === ")" || ch === "]") && this.depth > 0) this.depth--;
    }
    return this.depth;
  }
}

function closesSoon(text: string, from: number): boolean {
  let depth = 1;
  const end = Math.min(text.length, from + MAX_ASIDE_CHARS);
  for (let i = from; i < end; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") {
      depth--;
      if (depth === 0) return true;
    }
  }
  return false;
}

/** The sentences of `text`, trimmed, in order; [] for blank text. */
export function splitSentences(text: string): string[] {
  const clean = unglue(text.replace(/\s+/g, " ").trim());
  if (clean === "") return [];
  const out: string[] = [];
  let start = 0;
  const depth = new Depth(clean);
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(clean); m !== null; m = BOUNDARY.exec(clean)) {
    const end = m.index + m[0].length;
    if (!STARTER.test(clean.slice(end, end + 8))) continue;
    // The boundary's own closing bracket ("…).") counts as closed.
    const closers = (m[0].match(/[)\]]/g) ?? []).length;
    if (depth.before(m.index) - closers > 0 && closesSoon(clean, end)) continue;
    const terminator = clean[m.index];
    if (terminator === ".") {
      const word = wordBefore(clean, m.index + 1);
      if (isAbbreviation(word)) continue;
      if (isSpacedDecimal(word, m[0], clean.slice(end, end + 12))) continue;
    }
    const sentence = clean.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
  }
  const rest = clean.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
