/** TL;DR and key results of a paper: the one entry point the engine, CLI and eval use. */
import { keyResults } from "./key-results.js";
import { displayText } from "./latex.js";
import { shippedModel, type TldrModel } from "./model.js";
import { splitSentences } from "./sentences.js";
import { balanceMarks } from "./spacing.js";
import { titleName } from "./title-name.js";
import { tldrOf } from "./tldr.js";

export interface Summary {
  tldr: string;
  keyResults: string[];
}

// arXiv caps abstracts at 1,920 characters; a pasted full text or a runaway field must not cost
// much more than a normal abstract. The opening of a text is where its summary sentence lives.
const MAX_CHARS = 4_000;
const MAX_SENTENCES = 30;
// A "sentence" longer than this is not prose (a table, a list without periods): cut before scoring.
const MAX_SENTENCE_CHARS = 1_500;

/** The abstract as display sentences, bounded in size (the title names the paper's `\method`). */
export function abstractSentences(abstract: string, title = ""): string[] {
  const text = displayText(abstract.slice(0, MAX_CHARS), { title });
  return splitSentences(text)
    .slice(0, MAX_SENTENCES)
    .map((s) => (s.length > MAX_SENTENCE_CHARS ? s.slice(0, MAX_SENTENCE_CHARS).replace(/\s+\S*$/, "") : s))
    .map(balanceMarks);
}

/**
 * The TL;DR (one sentence of about 30 words) and the result sentences of an abstract.
 * An empty abstract gives an empty TL;DR and no results; front ends say so.
 */
export function summarize(title: string, abstract: string, model: TldrModel = shippedModel()): Summary {
  const sentences = abstractSentences(abstract, title);
  const context = { name: titleName(title) };
  const tldr = tldrOf(sentences, model, title, context);
  return {
    tldr: tldr.text,
    keyResults: keyResults(sentences, { tldr: tldr.text, exclude: tldr.from, context }),
  };
}
