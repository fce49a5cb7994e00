/**
 * Key results: the sentences (or, in long sentences, the clauses) that carry the paper's measured
 * numbers: "3.1x faster", "+2.3 mIoU", "90% sparsity". Plain counts ("on 5 benchmarks"), years,
 * model names ("GPT-4", "ResNet-50") and references ("Table 2") are not results.
 *
 * Each result stands on its own like the TL;DR (no "Also," or "It achieves …"), is cut only where
 * the cut is safe (never inside brackets, before a contrast or inside a list), and never repeats
 * the TL;DR. A result sentence that cannot be shown whole or cut safely is left out rather than
 * shown broken.
 */

import { type RewriteContext, standAlone } from "./compress.js";
import { safeBoundary, safeFinish } from "./length.js";
import { contentStems, stems, wordCount } from "./tokens.js";

const NUM = String.raw`\d+(?:[.,]\d+)*`;
const METRIC = String.raw`(?:points?|pts|pp|p\.p\.|BLEU|ROUGE(?:-\w+)?|CIDEr|mIoU|IoU|mAP|AP\d*|AUC|AUROC|F1|EM|FID|IS|dB|PSNR|SSIM|LPIPS|WER|CER|Elo|FPS|ms|sec(?:onds?)?|s|GB|MB|TFLOPs?|GFLOPs?|FLOPs|tokens?\/s|perplexity|accuracy|acc|top-1|top-5|pass@\d+|win[- ]rate|success rate|speed-?up)`;
const RESULT = new RegExp(
  [
    String.raw`${NUM}\s*(?:%|percent\b|‰)`,
    String.raw`${NUM}\s*(?:x|×)(?![\dA-Za-z])`,
    String.raw`${NUM}[- ]?(?:fold|times)\b`,
    String.raw`(?:^|[\s(\[])[+±−-]\s?${NUM}`,
    String.raw`${NUM}\s*${METRIC}(?![A-Za-z])`,
    String.raw`\b(?:accuracy|BLEU|F1|mAP|mIoU|FID|PSNR|WER|perplexity|score|AUC|Elo|pass@\d+|success rate|win rate)\s+(?:of|to|=|:|by|from)?\s*${NUM}`,
    String.raw`\b(?:by|from|to|up to|over|of|reaching|achieving|attaining|reach(?:es)?|achieves?|attains?|obtains?|scores?)\s+(?:an?\s+|the\s+)?(?:average\s+|mean\s+|absolute\s+|relative\s+)?${NUM}\.\d`,
  ].join("|"),
  "i",
);
// Numbers that are not results; removed before testing so they cannot trigger a match.
const NOT_RESULTS = [
  /\b(?:19|20)\d\d[a-z]?\b/g,
  /\b(?:fig(?:ure)?s?|tables?|tab|sec(?:tion)?s?|eqs?|equations?|appendix|chapter|step|stage|phase|version|v)\.?\s*\d+(?:\.\d+)*/gi,
  // Model and dataset names with a number: GPT-4, ResNet-50, Llama-3.1-8B, CIFAR-10.
  /\b[A-Za-z]+-\d+(?:\.\d+)*(?:-[A-Za-z0-9]+)*\b/g,
  /\bhttps?:\/\/\S+/gi,
];
const MAX_RESULTS = 4;
const MAX_RESULT_WORDS = 40;
// A clause taken from the middle of a sentence must open with its own subject.
const CLAUSE_SUBJECT = /^(?:we|our|it|this|these|they|its|their)\b/i;
// A clause may start before one of these words.
const CLAUSE_START =
  /^(?:while|whereas|(?:achiev|improv|reduc)(?:es|ed|ing)|outperform(?:s|ed|ing)|surpass(?:es|ed|ing)|yield(?:s|ed|ing))$/i;

function hasResult(text: string): boolean {
  let t = text;
  for (const re of NOT_RESULTS) t = t.replace(re, " ");
  return RESULT.test(t);
}

/** The sentence's clauses, split only outside brackets: "(e.g., 4.1% relative …)" stays whole. */
function clauses(sentence: string): string[] {
  const words = sentence.split(" ");
  const out: string[][] = [[]];
  let depth = 0;
  for (const [k, w] of words.entries()) {
    const prev = words[k - 1];
    const boundary =
      k > 0 &&
      depth === 0 &&
      (/[,;]$/.test(prev as string) ||
        CLAUSE_START.test(w) ||
        (w === "and" && /^achiev/i.test(words[k + 1] ?? "")));
    if (boundary) out.push([]);
    (out[out.length - 1] as string[]).push(w);
    for (const ch of w) {
      if (ch === "(" || ch === "[") depth++;
      else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    }
  }
  return out.map((c) => c.join(" ")).filter(Boolean);
}

/**
 * The shown form of a result sentence: the whole sentence when it fits; else a span of its clauses
 * that holds the results, starts at the sentence start or at a clause with its own subject ("…,
 * and we evaluate it …"), and ends at a safe cut (length.ts). Null when no span is safe.
 */
function resultText(sentence: string, context: RewriteContext): string | null {
  // "And even 3-6% attention heads can be skipped." continues the sentence before it: lifted out
  // alone it is a fragment ("3-6%" of what?), with or without its "And".
  if (/^["'(]*(?:and|but|or|so|nor)\s/i.test(sentence.trim())) return null;
  return resultSpan(sentence, context);
}

function resultSpan(sentence: string, context: RewriteContext): string | null {
  const whole = standAlone(sentence, context);
  if (wordCount(whole) <= MAX_RESULT_WORDS) return safeFinish(whole, MAX_RESULT_WORDS);
  const words = whole.split(" ");
  const parts = clauses(whole);
  const starts: number[] = [];
  parts.reduce((n, p) => {
    starts.push(n);
    return n + p.split(" ").length;
  }, 0);
  const endOf = (k: number) => (starts[k + 1] ?? words.length) as number;
  const endsSafely = (k: number) => endOf(k) === words.length || safeBoundary(words, endOf(k), 8);
  const hits = parts.map(hasResult);
  const first = hits.indexOf(true);
  const last = hits.lastIndexOf(true);
  if (first < 0) return null;
  // Where a span may start: the sentence start, else the nearest clause before (or at) the first
  // result that opens with its own subject.
  const openings = [0];
  for (let k = first; k >= 1; k--) {
    if (CLAUSE_SUBJECT.test((parts[k] as string).replace(/^(?:and|but|so)\s+/i, ""))) openings.push(k);
  }
  // Where it may end: after the last result, else a little further ("…, while keeping the index
  // small" may not be cut off), else after an earlier result.
  const closings: number[] = [];
  for (let k = last; k < parts.length; k++) closings.push(k);
  for (let k = last - 1; k >= first; k--) if (hits[k]) closings.push(k);
  for (const k of openings) {
    for (const end of closings) {
      if (end < k || !endsSafely(end)) continue;
      if (endOf(end) - (starts[k] as number) > MAX_RESULT_WORDS) continue;
      const span = words
        .slice(starts[k], endOf(end))
        .join(" ")
        .replace(/^(?:and|but|so)\s+/i, "");
      const shown = safeFinish(
        standAlone(
          span.replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
          context,
        ),
        MAX_RESULT_WORDS,
      );
      if (shown) return shown;
    }
  }
  return null;
}

/** True when most of `text`'s content words are already in `shown`. */
function repeats(shown: string, text: string): boolean {
  const have = new Set(contentStems(stems(shown)));
  const words = [...new Set(contentStems(stems(text)))];
  if (words.length === 0) return true;
  return words.filter((w) => have.has(w)).length / words.length >= 0.8;
}

export interface KeyResultOptions {
  /** The TL;DR shown above the results: a result that repeats it is left out. */
  tldr?: string;
  /** Sentences the TL;DR was made from. */
  exclude?: readonly number[];
  context?: RewriteContext;
}

/** Up to four result sentences or clauses, in abstract order; [] when the abstract has no numbers. */
export function keyResults(sentences: readonly string[], options: KeyResultOptions = {}): string[] {
  const context = options.context ?? { name: null };
  const out: string[] = [];
  for (const [i, s] of sentences.entries()) {
    if (out.length >= MAX_RESULTS) break;
    if (options.exclude?.includes(i) || !hasResult(s)) continue;
    const r = resultText(s, context);
    if (!r || !hasResult(r)) continue;
    if (options.tldr && repeats(options.tldr, r)) continue;
    if (out.some((o) => repeats(o, r))) continue;
    out.push(r);
  }
  return out;
}
