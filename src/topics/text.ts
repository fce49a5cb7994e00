/**
 * A paper's text as the topics see it: the word stems of its title, of the source's own summary
 * (the Hugging Face API's `ai_summary`; empty for page-form digests) and of its abstract, kept
 * apart because they weigh differently. Stems come from `comparedTerms()` of the one analysis
 * (src/text/analysis.ts) that search and related papers use too, so "agents" and "agentic" meet as
 * "agent", "Fréchet" and "Frechet" as "frechet", and "Q-learning" keeps its joined form "qlearn".
 */
import { comparedTerms } from "../text/analysis.js";

export interface TopicPaperText {
  title: readonly string[];
  summary: readonly string[];
  abstract: readonly string[];
}

/**
 * How much a word counts by where it stands: a title names the subject (3×). The source's summary
 * restates the abstract in a sentence, so it counts as much as the abstract: measured on the gold
 * days at 0, ½, 1, 1½ and 2, the roundups agreed alike up to 1 and less at 2 (docs/topics.md).
 */
export const FIELD_WEIGHT = { title: 3, summary: 1, abstract: 1 } as const;
export type Field = keyof typeof FIELD_WEIGHT;
export const FIELDS: readonly Field[] = ["title", "summary", "abstract"];

// Topics need what a paper is about, which its opening says; a 200 KB "abstract" must not cost
// more than a long one.
const MAX_ABSTRACT_CHARS = 6000;

export function topicText(
  title: string,
  abstract: string,
  summary: string | null | undefined,
): TopicPaperText {
  return {
    title: comparedTerms(title),
    summary: summary ? comparedTerms(summary) : [],
    abstract: comparedTerms(abstract.slice(0, MAX_ABSTRACT_CHARS)),
  };
}

/** True when `seq` occurs contiguously in `stream`. */
export function containsSequence(stream: readonly string[], seq: readonly string[]): boolean {
  const first = seq[0];
  if (first === undefined) return false;
  for (
    let i = stream.indexOf(first);
    i !== -1 && i + seq.length <= stream.length;
    i = stream.indexOf(first, i + 1)
  ) {
    let k = 1;
    while (k < seq.length && stream[i + k] === seq[k]) k++;
    if (k === seq.length) return true;
  }
  return false;
}
