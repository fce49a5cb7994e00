/** TL;DR and key results of a paper: the one entry point the engine, CLI and eval use. */
import { FINDING_SETTINGS, type FindingSettings, findings } from "./findings.js";
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
  /** The paper's main finding in words, when it reports no number (then keyResults is []). */
  findings: string[];
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
 * The TL;DR (one sentence of about 30 words), the result sentences of an abstract, and, when it
 * has no measured result, up to two sentences that state its finding in words.
 * An empty abstract gives an empty TL;DR and no results; front ends say so.
 */
export function summarize(
  title: string,
  abstract: string,
  model: TldrModel = shippedModel(),
  findingSettings: FindingSettings = FINDING_SETTINGS,
): Summary {
  const sentences = abstractSentences(abstract, title);
  const context = { name: titleName(title) };
  const tldr = tldrOf(sentences, model, title, context);
  const about = { tldr: tldr.text, exclude: tldr.from, context };
  const results = keyResults(sentences, about);
  return {
    tldr: tldr.text,
    keyResults: results,
    // Numbers, when the abstract has them, are the key results; a worded finding beside them was
    // not kept on dev (docs/summaries.md).
    findings: results.length ? [] : findings(sentences, { ...about, settings: findingSettings }),
  };
}
