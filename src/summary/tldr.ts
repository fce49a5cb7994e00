/** The TL;DR: the best sentence by the learned scorer, compressed and trimmed to length. */
import { compress } from "./compress.js";
import { sentenceFeatures } from "./features.js";
import { finishSentence } from "./length.js";
import type { TldrModel } from "./model.js";
import { bestIndex, scoreFeatures } from "./scorer.js";
import { wordCount } from "./tokens.js";

const URL = /\b(?:https?:\/\/|www\.)\S+|\b[\w.-]+\.(?:com|org|io|ai|net)\/\S*/gi;
// Sentences that point somewhere instead of saying something: never the TL;DR while another exists.
const POINTER =
  /^(?:code|our code|the code|data|project page|project website|website|demo|models?|all code)\b[^.]*\b(?:available|released|at|:)/i;

function isCandidate(sentence: string): boolean {
  return wordCount(sentence) >= 4 && !POINTER.test(sentence) && !/https?:\/\//i.test(sentence);
}

/** Index of the sentence the model picks. */
export function pickSentence(sentences: readonly string[], model: TldrModel): number {
  const scores = sentenceFeatures(sentences).map((f) => scoreFeatures(f, model.weights));
  const best = bestIndex(scores, (i) => isCandidate(sentences[i] as string));
  return best >= 0 ? best : bestIndex(scores);
}

/** The finished TL;DR of one chosen sentence. */
export function tldrOfSentence(sentence: string, model: TldrModel): string {
  const withoutUrls = sentence.replace(URL, "").replace(/\s+([,.;:])/g, "$1");
  return finishSentence(compress(withoutUrls, model.compression), model.maxWords);
}

export function tldrOfSentences(sentences: readonly string[], model: TldrModel): string {
  if (sentences.length === 0) return "";
  const i = pickSentence(sentences, model);
  return tldrOfSentence(sentences[i] as string, model);
}
