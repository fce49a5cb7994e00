/**
 * The one part-of-speech tagger of the process: wink-nlp with its shipped English model
 * (`wink-eng-lite-web-model`, an npm dependency; nothing is downloaded at run time). Topic labels
 * (noun phrases of titles and abstracts) and a decline's wording (the noun phrase a question asks
 * about) both read tags from it, so the model is loaded once, not once per user.
 *
 * It is loaded on first use (≈ 0.2 s once per process). The packages are required here rather than
 * imported at the top: loading them is a sizeable part of the CLI's start-up, and a command that
 * never labels topics nor declines a question never pays. `serve` warms it up (Paperboy.warmUp).
 */
import { createRequire } from "node:module";
import type winkNLP from "wink-nlp";

export type PosTagger = ReturnType<typeof winkNLP>;

let nlp: PosTagger | null = null;
const require = createRequire(import.meta.url);

export function posTagger(): PosTagger {
  if (!nlp) {
    const load = require("wink-nlp") as typeof winkNLP;
    nlp = load(require("wink-eng-lite-web-model"), ["pos"]);
  }
  return nlp;
}

/** Loads the tagger now (a long-running process pays for it at start, not in its first use). */
export function loadPosTagger(): void {
  posTagger().readDoc("Warm up the tagger.");
}
