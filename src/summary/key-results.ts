/**
 * Key results: the sentences (or, in long sentences, the clauses) that carry the paper's measured
 * numbers: "3.1x faster", "+2.3 mIoU", "90% sparsity". Plain counts ("on 5 benchmarks"), years,
 * model names ("GPT-4", "ResNet-50") and references ("Table 2") are not results.
 */
import { COMPRESSION_RULES } from "./compress.js";
import { finishSentence, trimDangling } from "./length.js";
import { wordCount } from "./tokens.js";

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
const LONG_SENTENCE_WORDS = 35;

function hasResult(text: string): boolean {
  let t = text;
  for (const re of NOT_RESULTS) t = t.replace(re, " ");
  return RESULT.test(t);
}

/**
 * In a long sentence, the part that holds the results: from the start to the last result clause
 * when that is short enough, else only the clauses from the first result to the last.
 */
function resultSpan(sentence: string): string {
  if (wordCount(sentence) <= LONG_SENTENCE_WORDS) return sentence;
  const clauses = sentence.split(
    /(?<=[,;])\s+|\s+(?=(?:while|whereas|and achiev|achiev|outperform|surpass|improv|reduc|yield)\w*\b)/i,
  );
  const hits = clauses.map(hasResult);
  const first = hits.indexOf(true);
  const last = hits.lastIndexOf(true);
  if (first < 0) return sentence;
  const head = clauses.slice(0, last + 1).join(" ");
  if (wordCount(head) <= MAX_RESULT_WORDS) return head;
  return clauses
    .slice(first, last + 1)
    .join(" ")
    .replace(/^(?:and|but|that|which|while|whereas|thus|thereby)\s+/i, "");
}

function tidy(text: string): string {
  const lead = COMPRESSION_RULES["lead-in"] as (s: string) => string;
  const connective = COMPRESSION_RULES.connective as (s: string) => string;
  return finishSentence(trimDangling(connective(lead(text))), MAX_RESULT_WORDS);
}

/** Up to four result sentences or clauses, in abstract order; [] when the abstract has no numbers. */
export function keyResults(sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    if (out.length >= MAX_RESULTS) break;
    if (!hasResult(s)) continue;
    const r = tidy(resultSpan(s));
    if (r && !out.includes(r)) out.push(r);
  }
  return out;
}
