/**
 * A declined question about the paper's idea still deserves the idea. Readers new to a field ask
 * in their own words ("so it's like a scanner app?", "is the big idea that …?"), and when the
 * abstract does not say it that way the answer declines ("The abstract does not mention scanner
 * app."), which leaves them with nothing. Such a decline is followed by the paper's TL;DR,
 * labelled, so the reader can judge whether it is what they meant; the answer stays a decline
 * (`stated` false: nothing is claimed to answer the question). A specific question (hardware,
 * numbers, datasets, code…) gets the decline alone: the gist does not answer it, and one asked of
 * the wrong paper is better told plainly.
 */
import type { Answer } from "./answer.js";
import type { Intent } from "./intent.js";

export const GIST_LEAD = "What the paper is about:";

/**
 * Questions asking for the idea itself or how it works (a restatement such as "so it … ?" is read as
 * both), or with no recognized kind of answer.
 */
const IDEA_INTENTS: ReadonlySet<Intent> = new Set<Intent>(["proposal", "method", "other"]);

/** True when `answer` declines a question about the paper's idea (not a refusal). */
export function offersGist(answer: Answer): boolean {
  return !answer.stated && !answer.refused && IDEA_INTENTS.has(answer.intent);
}

/** The decline followed by the labelled gist; any other answer, or an empty gist, unchanged. */
export function withGist(answer: Answer, gist: string): Answer {
  const said = gist.trim();
  if (!said || !offersGist(answer)) return answer;
  return { ...answer, text: `${answer.text} ${GIST_LEAD} ${said}` };
}
