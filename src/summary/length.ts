/**
 * Makes a compressed sentence presentable: at most `maxWords` words, cut at a clause boundary
 * rather than mid-phrase, capitalized, balanced brackets, one final period.
 */

// Words before which a clause may end: conjunctions, subordinators, prepositions.
const CLAUSE_BREAK =
  /^(?:and|but|while|whereas|which|that|where|when|by|using|via|through|with|without|to|for|in|on|as|thereby|thus|so|because|since|although|yielding|leading|resulting|achieving|allowing|enabling|making|based)$/i;
// Words a cut must not leave dangling at the end.
const DANGLING =
  /^(?:a|an|the|of|and|or|but|to|for|in|on|at|by|with|from|as|that|which|while|whereas|its|their|our|is|are|was|were|be|can|via|using|through|into|than|such|both|each|this|these|those)$/i;
const MIN_WORDS_AFTER_CUT = 10;

function cut(words: string[], maxWords: number): string[] {
  if (words.length <= maxWords) return words;
  // The latest punctuation boundary that keeps at least half the budget, else the latest
  // conjunction or preposition that keeps a useful sentence, else a hard cut.
  for (let i = maxWords; i >= Math.max(MIN_WORDS_AFTER_CUT, Math.ceil(maxWords / 2)); i--) {
    if (/[,;:]$/.test(words[i - 1] as string) || /^[—–-]$/.test(words[i] as string)) return words.slice(0, i);
  }
  for (let i = maxWords; i >= MIN_WORDS_AFTER_CUT; i--) {
    if (CLAUSE_BREAK.test(words[i] as string)) return words.slice(0, i);
  }
  return words.slice(0, maxWords);
}

/** Drops the function words a cut can leave at the end ("... by up to 1.07 mIoU and"). */
export function trimDangling(text: string): string {
  const ws = text.replace(/[\s,;:—–-]+$/, "").split(" ");
  while (
    ws.length > MIN_WORDS_AFTER_CUT &&
    DANGLING.test((ws[ws.length - 1] as string).replace(/[,;:]$/, ""))
  )
    ws.pop();
  return ws.join(" ").replace(/[\s,;:—–-]+$/, "");
}

function balanceBrackets(text: string): string {
  let out = text;
  // An opening bracket the cut left unclosed takes its tail with it.
  for (const [open, close] of [
    ["(", ")"],
    ["[", "]"],
  ] as const) {
    const lastOpen = out.lastIndexOf(open);
    if (lastOpen >= 0 && out.indexOf(close, lastOpen) < 0) out = out.slice(0, lastOpen);
  }
  const quotes = (out.match(/"/g) ?? []).length;
  if (quotes % 2 === 1) out = out.replace(/"(?=[^"]*$)/, "");
  return out;
}

/** At most `maxWords` words, ending cleanly with a period (or the sentence's own ? or !). */
export function finishSentence(text: string, maxWords: number): string {
  let words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  const wasCut = words.length > maxWords;
  words = cut(words, maxWords);
  let out = words.join(" ");
  if (wasCut) {
    out = balanceBrackets(out).replace(/[\s,;:—–-]+$/, "");
    const ws = out.split(" ");
    while (
      ws.length > MIN_WORDS_AFTER_CUT &&
      DANGLING.test((ws[ws.length - 1] as string).replace(/[,;:]$/, ""))
    )
      ws.pop();
    out = ws.join(" ").replace(/[\s,;:—–-]+$/, "");
  }
  out = out.replace(/^\s*(\p{Ll})/u, (_m, c: string) => c.toUpperCase());
  if (!/[.!?]["')\]]?$/.test(out)) out = `${out.replace(/[.,;:]+$/, "")}.`;
  return out;
}
