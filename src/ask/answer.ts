/**
 * Answers a question about one paper from the paper's own text, extractively: the one to three
 * sentences of the abstract that best answer it, ranked by the cues of the question's intent,
 * the question's words (stemmed) and the sentence's place in the abstract. When no sentence
 * answers, the answer says so plainly; it never holds text that is not in the paper.
 */

import { InvalidArgumentError } from "../errors.js";
import { displayText } from "../summary/latex.js";
import { splitSentences } from "../summary/sentences.js";
import { terms } from "../text/terms.js";
import { CUES, INTENT_WORDS, type Intent, questionIntent } from "./intent.js";
import { looksNonEnglish } from "./language.js";

export interface AnswerInput {
  title: string;
  abstract: string;
  links: string[];
  code: string[];
}

export interface Answer {
  /** The answer as shown: the evidence sentences, or a plain "the abstract does not say". */
  text: string;
  /** The sentences of the paper the answer stands on; empty when the paper does not say. */
  evidence: string[];
  /** What the question asks for: proposal, problem, method, results, datasets, code, limitations, other. */
  intent: string;
}

export const MAX_QUESTION_CHARS = 1000;
const MAX_EVIDENCE = 3;
// A 200 KB abstract is read in full for cues, but only this many sentences are ranked.
const MAX_SENTENCES = 400;

// Words that say what kind of answer is wanted, not what it is about.
const QUESTION_NOISE = new Set(
  terms(
    "paper work authors author study propose proposed method approach model results result dataset datasets benchmark benchmarks code link limitation limitations shortcoming shortcomings problem address solve tackle main idea key contribution what which how why does do is are use used using show tell explain describe",
  ),
);

/** Intents a sentence must carry a cue for; without one, the paper does not say. */
const CUE_REQUIRED = new Set<Intent>(["results", "datasets", "limitations", "code", "quantity"]);
// "We address the limitations of prior work" is about other papers' limitations, not this one's.
const OTHERS_LIMITATIONS =
  /\b(address|overcome|tackle|mitigate|alleviate|solve|remedy)\w*\b[^.]*\blimitations?\b/i;

function positionPrior(intent: Intent, i: number, count: number): number {
  const at = count <= 1 ? 0 : i / (count - 1);
  if (intent === "proposal" || intent === "problem") return 1 - at;
  if (intent === "results") return at;
  if (intent === "method") return 1 - Math.abs(at - 0.5);
  return 0.5;
}

function notSaid(intent: Intent): Answer {
  return { text: `The abstract does not say ${INTENT_WORDS[intent]}.`, evidence: [], intent };
}

function validate(question: string): string {
  const q = question.replace(/\s+/g, " ").trim();
  if (!q) throw new InvalidArgumentError('the question is empty; ask e.g. "what do they propose?"');
  if (q.length > MAX_QUESTION_CHARS) {
    throw new InvalidArgumentError(
      `the question is ${q.length} characters long; ask in at most ${MAX_QUESTION_CHARS} (one or two sentences)`,
    );
  }
  return q;
}

/** The paper's code and links, with the sentences that give them; null when it has none. */
function linkAnswer(paper: AnswerInput, sentences: string[]): Answer | null {
  const evidence = sentences.filter((s) => /https?:\/\/|www\./i.test(s)).slice(0, MAX_EVIDENCE);
  if (paper.code.length) return { text: `Code: ${paper.code.join(" ")}`, evidence, intent: "code" };
  if (paper.links.length) return { text: `Links: ${paper.links.join(" ")}`, evidence, intent: "code" };
  return null;
}

export function answerQuestion(paper: AnswerInput, question: string): Answer {
  const q = validate(question);
  if (looksNonEnglish(q)) {
    return {
      text: 'I can only read questions in English; try e.g. "what do they propose?" or "what are the results?"',
      evidence: [],
      intent: "other",
    };
  }
  const intent = questionIntent(q);
  const sentences = splitSentences(paper.abstract).slice(0, MAX_SENTENCES);
  const links = intent === "code" ? linkAnswer(paper, sentences) : null;
  if (links) return links;
  if (sentences.length === 0) {
    return {
      text: "This paper has no abstract in the archive, so there is no text to answer from.",
      evidence: [],
      intent,
    };
  }
  const wanted = new Set(terms(q).filter((t) => !QUESTION_NOISE.has(t)));
  const sentenceTerms = sentences.map((s) => new Set(terms(s)));
  // A question word found in every sentence (the method's name) tells sentences apart less.
  const weight = (t: string) =>
    Math.log(1 + sentences.length / Math.max(1, sentenceTerms.filter((own) => own.has(t)).length));
  const wantedWeight = [...wanted].reduce((sum, t) => sum + weight(t), 0);
  const cue = CUES[intent];
  const ranked = sentences.map((sentence, i) => {
    const own = sentenceTerms[i] as Set<string>;
    let shared = 0;
    for (const t of wanted) if (own.has(t)) shared += weight(t);
    const overlap = wantedWeight ? shared / wantedWeight : 0;
    const hasCue = cue
      ? cue.test(sentence) && !(intent === "limitations" && OTHERS_LIMITATIONS.test(sentence))
      : false;
    const score = 1.5 * (hasCue ? 1 : 0) + 2.5 * overlap + 0.5 * positionPrior(intent, i, sentences.length);
    return { sentence, i, score, hasCue, overlap };
  });
  const usable = ranked.filter((r) =>
    CUE_REQUIRED.has(intent) ? r.hasCue : intent === "other" ? r.overlap > 0 : r.hasCue || r.overlap > 0,
  );
  // Asked "what do they propose" of an abstract with no "we propose": its opening states the work.
  if (usable.length === 0 && intent === "proposal") usable.push(ranked[0] as (typeof ranked)[0]);
  if (usable.length === 0) return notSaid(intent);
  usable.sort((a, b) => b.score - a.score || a.i - b.i);
  const top = usable[0] as (typeof usable)[0];
  const chosen = usable
    .filter((r) => r === top || (r.score >= 0.8 * top.score && (r.hasCue || r.overlap >= top.overlap)))
    .slice(0, MAX_EVIDENCE)
    .sort((a, b) => a.i - b.i);
  const evidence = chosen.map((r) => r.sentence);
  return { text: displayText(evidence.join(" ")), evidence, intent };
}
