/**
 * The TL;DR: the best sentence by the learned scorer, made to stand on its own, compressed and
 * cut safely to length. When the best sentence cannot be shown whole or cut safely, the next best
 * is taken; when it is too short to say anything ("We propose a hybrid learning approach."), the
 * sentence after it, which says what the thing is, is joined to it.
 */
import { compress, type RewriteContext, standAlone } from "./compress.js";
import { sentenceFeatures } from "./features.js";
import { finishSentence, safeFinish } from "./length.js";
import type { TldrModel } from "./model.js";
import { scoreFeatures } from "./scorer.js";
import { wordCount } from "./tokens.js";

const URL = /\b(?:https?:\/\/|www\.)\S+|\b[\w.-]+\.(?:com|org|io|ai|net)\/\S*/gi;
// Sentences that point somewhere instead of saying something: never the TL;DR while another exists.
const POINTER =
  /^(?:code|our code|the code|data|project page|project website|website|demo|models?|all code)\b[^.]*\b(?:available|released|at|:)/i;
// A subject that points back ("This observation motivates …", "They are …"): no TL;DR opens so.
const BACK_POINTING_SUBJECT =
  /^(?:this|these|those|such|it|they)\b(?!\s+(?:paper|work|study|article|report|thesis|survey|manuscript|note|submission)\b)/i;
/** A TL;DR shorter than this names a thing without saying what it is. */
export const MIN_TLDR_WORDS = 8;

export interface Tldr {
  text: string;
  /** The abstract sentences it was made from (one, or two when joined). */
  from: number[];
}

function isCandidate(sentence: string): boolean {
  return wordCount(sentence) >= 4 && !POINTER.test(sentence) && !/https?:\/\//i.test(sentence);
}

/** Sentence indices, best first by the model (sentences that point at a URL last). */
export function rankSentences(sentences: readonly string[], model: TldrModel, title = ""): number[] {
  const scores = sentenceFeatures(sentences, title).map((f) => scoreFeatures(f, model.weights));
  const order = sentences.map((_, i) => i);
  const key = (i: number) => (isCandidate(sentences[i] as string) ? 0 : 1);
  // Stable: equal scores keep abstract order.
  return order.sort((a, b) => key(a) - key(b) || (scores[b] as number) - (scores[a] as number) || a - b);
}

/** Index of the sentence the model picks. */
export function pickSentence(sentences: readonly string[], model: TldrModel, title = ""): number {
  return rankSentences(sentences, model, title)[0] ?? -1;
}

function withoutUrls(sentence: string): string {
  return sentence.replace(URL, "").replace(/\s+([,.;:])/g, "$1");
}

function lowerFirst(sentence: string, name: string | null): string {
  const first = sentence.split(" ")[0] ?? "";
  // "Each neuron …" → "each neuron …"; names and acronyms ("TTC utilizes …") keep their case.
  if (first === name || !/^\p{Lu}\p{Ll}+[,]?$/u.test(first)) return sentence;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

/**
 * The sentence `i` as a TL;DR, or null when it cannot be one: too short even with the sentence
 * after it, or too long to cut without changing what it says.
 */
export function tldrOfSentence(
  sentences: readonly string[],
  i: number,
  model: TldrModel,
  context: RewriteContext,
): Tldr | null {
  let text = compress(withoutUrls(sentences[i] as string), model.compression, context);
  const from = [i];
  const next = sentences[i + 1];
  if (wordCount(text) < MIN_TLDR_WORDS && next !== undefined && isCandidate(next)) {
    const detail = standAlone(withoutUrls(next), context).replace(/[.!?]+$/, "");
    text = `${text.replace(/[.!?:;,]+$/, "")}: ${lowerFirst(detail, context.name)}.`;
    from.push(i + 1);
  }
  const finished = safeFinish(text, model.maxWords, model.keepWholeWithin);
  if (finished === null || wordCount(finished) < MIN_TLDR_WORDS || BACK_POINTING_SUBJECT.test(finished))
    return null;
  return { text: finished, from };
}

/** The TL;DR of an abstract's sentences; "" for none. */
export function tldrOf(
  sentences: readonly string[],
  model: TldrModel,
  title: string,
  context: RewriteContext,
): Tldr {
  if (sentences.length === 0) return { text: "", from: [] };
  const ranked = rankSentences(sentences, model, title);
  for (const i of ranked) {
    if (!isCandidate(sentences[i] as string)) continue;
    const t = tldrOfSentence(sentences, i, model, context);
    if (t) return t;
  }
  // Nothing qualifies (a one-line abstract, say): the best sentence, cut as well as it can be.
  const best = ranked[0] as number;
  return {
    text: finishSentence(
      compress(withoutUrls(sentences[best] as string), model.compression, context),
      model.maxWords,
    ),
    from: [best],
  };
}
