/**
 * What makes a shown TL;DR or key result broken, as a reader sees it at once: unbalanced brackets,
 * LaTeX left in, a sentence that stops on a word no sentence ends with, a fragment too short to
 * say anything, an opening that points back at a sentence the reader never saw, a cut that drops a
 * "but …" clause or stops inside brackets, a key result that only repeats the TL;DR.
 *
 * This is the yardstick of the summary tests, `scripts/check-summaries.ts` and `docs/summaries.md`,
 * written before the fixes it measures. The summarizer deliberately does not call it: a guard that
 * hides faults by falling back would make the yardstick pass without the causes being fixed.
 */
import { abstractSentences, type Summary } from "./summarize.js";

export type FaultCode =
  | "unbalanced-brackets"
  | "latex"
  | "dangling-end"
  | "too-short"
  | "backward-opening"
  | "cut-before-contrast"
  | "cut-inside-brackets"
  | "cut-list"
  | "cut-claim"
  | "repeats-tldr";

export interface Fault {
  /** "tldr", "key result N" or "finding N" (1-based). */
  part: string;
  code: FaultCode;
  text: string;
}

export const MIN_WORDS = 8;

const PAIRS: Record<string, string> = { ")": "(", "]": "[", "}": "{", "”": "“" };

function bracketsBalanced(text: string): boolean {
  const stack: string[] = [];
  for (const ch of text) {
    if (ch === "(" || ch === "[" || ch === "{" || ch === "“") stack.push(ch);
    else if (ch in PAIRS) {
      if (stack.pop() !== PAIRS[ch]) return false;
    }
  }
  return stack.length === 0 && (text.match(/"/g) ?? []).length % 2 === 0;
}

// A command, a brace, math delimiters, a super/subscript, a tie glued to a word ("~footnote"), or
// the bare name of a command whose backslash was lost ("bf X", "mathcal O", "Oleft(").
const LATEX =
  /\\[A-Za-z]+|[{}$]|\w\^|\^\{|[A-Za-z]_[\d{]|~[A-Za-z]|(?:left|right)[([|~]|\b(?:bf|textbf|textit|texttt|mathbf|mathcal|mathrm|mathbb|emph|citep?|citet|frac|sqrt|ldots|cdots|infty|leq|geq|neq|href|textsc|mathit|boldsymbol|operatorname)\b/;

// Words no sentence ends with: articles, prepositions, conjunctions, auxiliaries, determiners,
// possessives, subordinators and question words ("both", "this" may end one as pronouns).
const DANGLING = new Set(
  (
    "a an the of and or but nor to for in on at by with from as into onto than that which who whom whose " +
    "while whereas how what when where why whether if its their our his her my your is are was were be " +
    "been being can could may might must shall should will would do does did has have had such " +
    "via using through without within between among across over under first second third " +
    "about against toward towards upon per versus vs not no very so then thus hence " +
    "because since although though unless until e.g i.e namely including like"
  ).split(" "),
);
// A preposition may end a relative clause ("the tasks that a learner is trained on."), not a
// phrase ("the loss, proposed by.").
const STRANDED =
  /\b(?:that|which|whom|what)\b(?:\s+\S+){1,8}\s+\S+(?:ed|en|ing)\s+(?:on|in|with|for|to|from|about|of|by|at)$/i;
// Two-word endings that leave a phrase open: "as compared.", "such as.", "due to.".
const DANGLING_PAIR =
  /\b(?:as compared|compared with|as opposed|in order|rather than|according to|due to|based on|instead of|in terms of|relative to|together with|along with|thanks to|owing to)$/i;

// Openings that refer to something said before the sentence: a reader of the TL;DR alone was not
// told what "this question" or "then" is.
const BACKWARD =
  /^(?:and|then|thus|therefore|hence|however|moreover|furthermore|additionally|also|besides|meanwhile|nevertheless|nonetheless|consequently|accordingly|similarly|likewise|instead(?! of)|otherwise|finally|lastly|second(?:ly)?|third(?:ly)?|next|in addition(?! to)|in contrast|in particular|specifically|as a result|on the other hand|to this end|to that end|to do so|to do this|for this purpose|in this way|in doing so|by doing so|with this|given this|despite this|building on (?:this|these|that|them|it)|based on (?:this|these|that|them)|motivated by (?:this|these|that)|inspired by (?:this|these|that)|to (?:bridge|close|fill|address|tackle|overcome) the (?:\w+ )?(?:gap|gaps|issue|issues|problem|problems|challenge|challenges|limitation|limitations|shortcoming|shortcomings|bottleneck)\b|to (?:\w+ ){1,3}(?:this|these|that|those|such) (?:\w+ )?(?:question|questions|problem|problems|issue|issues|gap|gaps|challenge|challenges|limitation|limitations|need|end|goal|observation|observations|finding|findings)\b|(?:this|these|that|those|such) (?:approach|method|methods|technique|framework|model|models|idea|insight|observation|observations|finding|findings|result|results|problem|problems|issue|issues|limitation|limitations|question|gap|challenge|challenges|analysis|design|strategy|process|phenomenon|behavior|behaviour|setting|way|line|direction)\b|it|they|them|we also|we then|we further|we additionally)\b/i;

// A clause that reverses or qualifies what comes before it: cutting before it can flip the claim.
const CONTRAST =
  /^[,;:]?\s*(?:but|yet|however|although|though|whereas|while|instead|rather than|unlike|despite|except)\b/i;

// An opening adverbial clause: the claim is in the main clause after it.
const FRONTED =
  /^(?:by|through|using|leveraging|inspired by|motivated by|to|although|though|while|whereas|when|if|since|because|unlike|despite|compared|given)\b/i;
// A clause that cannot stand without the main clause that follows it.
const SUBORDINATE =
  /^(?:but\s+)?(?:instead of|rather than|unlike|although|though|whereas|if|when|because|since|despite|while)\b/i;

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

function lastWord(text: string): string {
  const ws = words(text.replace(/[.!?]["')\]]*$/, ""));
  return (ws[ws.length - 1] ?? "").replace(/^["'([]+|[,;:"')\]]+$/g, "").toLowerCase();
}

/** Faults of one shown sentence, judged on its own. */
export function sentenceFaults(text: string): FaultCode[] {
  const faults: FaultCode[] = [];
  if (!bracketsBalanced(text)) faults.push("unbalanced-brackets");
  if (LATEX.test(text)) faults.push("latex");
  const body = text.replace(/[.!?]["')\]]*$/, "");
  const last = lastWord(text).replace(/\.$/, "");
  const open = body.replace(/[,;:]+$/, "");
  if ((DANGLING.has(last) && !STRANDED.test(open)) || DANGLING_PAIR.test(open)) faults.push("dangling-end");
  if (words(text).length < MIN_WORDS) faults.push("too-short");
  if (BACKWARD.test(text.replace(/^["'(]+/, ""))) faults.push("backward-opening");
  return faults;
}

const comparable = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * Where a shown sentence stops inside its source sentence: the text that follows its last words
 * in the source, or null when the sentence is not a cut of any source sentence.
 */
function remainderAfterCut(shown: string, sources: readonly string[]): string | null {
  const body = shown.replace(/[.!?]["')\]]*$/, "").trim();
  const tail = words(body).slice(-4).join(" ");
  if (!tail) return null;
  // The same last words may close the shown sentence's own source and occur mid-way in another
  // ("… for CUDA kernel generation." and "tailoring dLLMs for CUDA kernel generation remains …"):
  // it is a cut only when no source ends there.
  let cut: string | null = null;
  for (const source of sources) {
    const at = source.lastIndexOf(tail);
    if (at < 0) continue;
    const rest = source.slice(at + tail.length).trim();
    // Only an aside left out ("… class (instead of against all).") is not a cut.
    if (/^[.!?]["')\]]*$/.test(rest.replace(/^(?:\s*\([^()]*\))+/, "").trim()) || rest === "") return null;
    cut ??= rest;
  }
  return cut;
}

function cutFaults(shown: string, sources: readonly string[]): FaultCode[] {
  const rest = remainderAfterCut(shown, sources);
  if (rest === null) return [];
  const faults: FaultCode[] = [];
  // "…, but only." (the contrast cut to its first words) or "… improves accuracy." with ", but only
  // when …" further on: the cut drops the clause that qualifies the claim.
  const body0 = shown.replace(/[.!?]["')\]]*$/, "");
  if (
    CONTRAST.test(rest) ||
    /[,;]\s+(?:but|yet|while|whereas|although|though)(?:\s+\S+){0,2}$/i.test(body0) ||
    /(?:^|[,;]\s*|\s)(?:but|yet|however|although|though|whereas|except|unless)\b/i.test(rest)
  )
    faults.push("cut-before-contrast");
  // "at varying model scales, sequence lengths." with ", and sparsity levels" cut away.
  const body = shown.replace(/[.!?]["')\]]*$/, "");
  const lastClause = body.split(/[,;:]\s/).pop() ?? "";
  const listed = /,/.test(words(body).slice(-8).join(" ")) && !/\b(?:and|or)\b/i.test(lastClause);
  if (/^,?\s*(?:and|or)\b/i.test(rest) && listed) faults.push("cut-list");
  // "…; but instead of combining standard primitives." with the main clause cut away.
  if (SUBORDINATE.test(lastClause.trim())) faults.push("cut-claim");
  // "By projecting …, and constraining it on a manifold." with "we propose Mano" cut away.
  else if (FRONTED.test(body) && !/\s(?:we|our)\b|,\s+(?:this|these|they|it|the|a|an|\p{Lu})/u.test(body))
    faults.push("cut-claim");
  // A closing bracket ahead that was opened before the cut: the cut stopped inside brackets.
  let depth = 0;
  for (const ch of rest) {
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") {
      if (depth === 0) {
        faults.push("cut-inside-brackets");
        break;
      }
      depth--;
    }
  }
  return faults;
}

function tokenSet(text: string): Set<string> {
  return new Set(comparable(text).split(" ").filter(Boolean));
}

/** True when `b` says little that `a` does not: most of its words are in `a`. */
function repeats(a: string, b: string): boolean {
  const ta = tokenSet(a);
  const tb = tokenSet(b);
  if (tb.size === 0) return false;
  let shared = 0;
  for (const t of tb) if (ta.has(t)) shared++;
  return shared / tb.size >= 0.8;
}

/** Every fault of a paper's summary (TL;DR, key results, findings), judged against its abstract. */
export function summaryFaults(summary: Summary, abstract: string): Fault[] {
  const sources = abstractSentences(abstract);
  const faults: Fault[] = [];
  const judge = (part: string, text: string) => {
    for (const code of [...sentenceFaults(text), ...cutFaults(text, sources)])
      faults.push({ part, code, text });
  };
  if (summary.tldr) judge("tldr", summary.tldr);
  const results = (kind: string, texts: readonly string[]) =>
    texts.forEach((r, i) => {
      judge(`${kind} ${i + 1}`, r);
      if (summary.tldr && repeats(summary.tldr, r))
        faults.push({ part: `${kind} ${i + 1}`, code: "repeats-tldr", text: r });
    });
  results("key result", summary.keyResults);
  results("finding", summary.findings);
  return faults;
}
