/**
 * Answers a question about one paper from the paper's own text, extractively: the sentence of the
 * abstract that best answers it (up to three when they are needed together), or a plain statement
 * that the paper does not say, naming what it does not mention. It never holds text that is not in
 * the paper; an answer from the source's own summary (Hugging Face's) says so.
 */
import { InvalidArgumentError } from "../errors.js";
import { splitSentences } from "../summary/sentences.js";
import { namesIn } from "./cues.js";
import { resolveFollowUp } from "./follow-up.js";
import { type Intent, type IntentWeights, intentWeights, mainIntent } from "./intent.js";
import { languageOf } from "./language.js";
import { carriesCue, cueRequired, missingFromPaper, NOT_STATED, phrase } from "./not-stated.js";
import { type Passage, readPassages } from "./passages.js";
import { countsAsked, fitsMeasureOf, pickEvidence } from "./pick.js";
import { type Question, readQuestion } from "./question.js";
import { type Scored, scorePassages } from "./rank.js";
import { matchKeys, mentions } from "./words.js";

export interface AnswerInput {
  title: string;
  abstract: string;
  links: string[];
  code: string[];
  /** The source's own one-line summary (Hugging Face's `ai_summary`), if any. */
  sourceSummary?: string | null;
}

export type AnswerSource = "abstract" | "source_summary" | "links";

export interface Answer {
  /** The answer as shown: the evidence, or a plain "the abstract does not …". Display-clean. */
  text: string;
  /** The sentences the answer stands on, display-clean; empty when the paper does not say. */
  evidence: string[];
  /** What the question asks for (its strongest intent). */
  intent: Intent;
  /** False when the answer says the paper does not say (or cannot be asked). */
  stated: boolean;
  /** Where the answer comes from; null when nothing is stated. */
  source: AnswerSource | null;
}

/** As long as a chat message (src/bot/commands.ts MAX_TEXT); a longer one is refused, not cut. */
export const MAX_QUESTION_CHARS = 2000;
const MAX_EVIDENCE = 3;
// A 200 KB abstract is read in full for what it mentions, but only this many sentences are ranked.
const MAX_SENTENCES = 400;
/** Below this score the best sentence does not answer the question (chosen on the tuning set). */
const MIN_SCORE = 1.2;

export const USAGE =
  'Ask a question about the paper in words, e.g. "what do they propose?", "which datasets do they use?", "how much faster is it?", "what are the limitations?"';

function validate(question: string): string {
  const q = question.replace(/\s+/g, " ").trim();
  if (q.length > MAX_QUESTION_CHARS) {
    throw new InvalidArgumentError(
      `the question is ${q.length} characters long; ask in at most ${MAX_QUESTION_CHARS} (one or two sentences)`,
    );
  }
  return q;
}

function notStated(text: string, intent: Intent): Answer {
  return { text, evidence: [], intent, stated: false, source: null };
}

/** The paper's code and links, with the sentences that give them; null when it has none. */
function linkAnswer(paper: AnswerInput, passages: readonly Passage[]): Answer | null {
  const evidence = passages
    .filter((p) => p.source === "abstract" && (p.cues.get("code") ?? 0) > 0)
    .slice(0, MAX_EVIDENCE)
    .map((p) => p.shown);
  const other = paper.links.filter((l) => !paper.code.includes(l));
  if (paper.code.length) {
    const more = other.length ? ` (links: ${other.join(" ")})` : "";
    return {
      text: `Code: ${paper.code.join(" ")}${more}`,
      evidence,
      intent: "code",
      stated: true,
      source: "links",
    };
  }
  if (other.length)
    return { text: `Links: ${other.join(" ")}`, evidence, intent: "code", stated: true, source: "links" };
  // "The code and model are made publicly available": the abstract says so without a link.
  if (evidence.length)
    return { text: evidence.join(" "), evidence, intent: "code", stated: true, source: "abstract" };
  return null;
}

export function answerQuestion(paper: AnswerInput, question: string): Answer {
  return answerInThread(paper, question, []);
}

/**
 * Answers `question` in a discussion thread whose earlier questions (oldest first) give the
 * context of a follow-up: "and on which dataset?", "what about limitations?", "why?".
 */
export function answerInThread(
  paper: AnswerInput,
  question: string,
  earlierQuestions: readonly string[],
): Answer {
  const raw = validate(question);
  const q = readQuestion(raw);
  if (!q.words.length) {
    if (raw && languageOf(raw)) return foreign(raw);
    throw new InvalidArgumentError(`the question has no words to read. ${USAGE}`);
  }
  if (languageOf(raw)) return foreign(raw);
  const followUp = resolveFollowUp(
    q,
    earlierQuestions.map((e) => readQuestion(e.slice(0, MAX_QUESTION_CHARS))),
  );
  const titleKeys = matchKeys(paper.title);
  const intents = othersLimitations(followUp.intents ?? intentWeights(q), q, titleKeys);
  let intent = mainIntent(intents, q);
  const sentences = splitSentences(paper.abstract).slice(0, MAX_SENTENCES);
  const passages = readPassages(paper.title, sentences, paper.sourceSummary ?? null);
  if (intent === "code") {
    const links = linkAnswer(paper, passages);
    if (links) return links;
  }
  if (sentences.length === 0 && !paper.sourceSummary) {
    return notStated(
      "This paper has no abstract in the archive, so there is no text to answer from.",
      intent,
    );
  }
  const missing = missingFromPaper(q, passages, titleKeys);
  if (missing) {
    const what = phrase(q, missing.words);
    return notStated(what ? `The abstract does not mention ${what}.` : "The abstract does not say.", intent);
  }
  let required = cueRequired(intent, q);
  if (required && !passages.some((p) => carriesCue(p, intent))) {
    // "What's the downside of keyframe sampling?": no limitation of this paper is stated, but the
    // question is about something the background criticizes, so it asks for the problem.
    if (intent === "limitations" && aboutBackground(q, passages, titleKeys)) {
      intents.delete("limitations");
      intents.set("problem", 1);
      intent = "problem";
      required = false;
    } else return notStated(NOT_STATED[intent] ?? "The abstract does not say.", intent);
  }
  if (intents.has("quantity") && !passages.some((p) => fitsMeasureOf(p, q))) {
    return notStated(NOT_STATED.quantity as string, intent);
  }
  // "How many attacks?": a number somewhere is not enough, it must count what is asked.
  if (q.measure === "count" && q.asked.length && !passages.some((p) => countsAsked(p, q))) {
    return notStated(`The abstract does not say how many ${phrase(q, q.asked)}.`, intent);
  }
  const scored = scorePassages(passages, q, intents, followUp.context, titleKeys);
  return compose(scored, q, intent, required, new Set([...titleKeys, ...q.words.map((w) => w.lower)]));
}

/**
 * "What are the limitations of earlier reward methods?", "the shortcomings of AdamW?": the
 * limitations of other work are the problem this paper addresses, not its own limitations.
 */
/** True when words of the question (not the paper's own names) appear in background sentences. */
function aboutBackground(q: Question, passages: readonly Passage[], titleKeys: ReadonlySet<string>): boolean {
  const own = q.focus.filter((w) => !mentions(titleKeys, w));
  return passages.some(
    (p) => p.source === "abstract" && (p.roles[0] as number) >= 0.5 && own.some((w) => mentions(p.keys, w)),
  );
}

function othersLimitations(
  intents: IntentWeights,
  q: Question,
  titleKeys: ReadonlySet<string>,
): IntentWeights {
  if (!intents.has("limitations")) return intents;
  const ofOthers =
    /\b(existing|earlier|prior|previous|current|standard|traditional|conventional|other|older|baseline|past)\b/.test(
      q.text,
    ) || q.names.some((w) => !mentions(titleKeys, w));
  if (!ofOthers) return intents;
  const next: IntentWeights = new Map(intents);
  next.delete("limitations");
  next.set("problem", 1);
  return next;
}

function compose(
  scored: Scored[],
  q: Question,
  intent: Intent,
  required: boolean,
  exceptNames: ReadonlySet<string>,
): Answer {
  // Only a sentence that states a limitation (or gives code, or names hardware) can answer so.
  // A number question is answered by a sentence with a number of that kind, about what it asks.
  const wantsNumber = intent === "quantity";
  const fromAbstract = scored.filter(
    (s) =>
      s.passage.source === "abstract" &&
      (!required || carriesCue(s.passage, intent)) &&
      (!wantsNumber || (fitsMeasureOf(s.passage, q) && (q.focus.length === 0 || s.covers.length > 0))),
  );
  const best = [...fromAbstract].sort((a, b) => b.score - a.score || a.passage.index - b.passage.index)[0];
  const summary = scored.find((s) => s.passage.source === "source_summary");
  // The source's summary answers only what the abstract cannot: it is a model's rewording of the
  // paper, so the abstract's own sentence is preferred whenever one answers.
  if (summary && summary.score >= MIN_SCORE && (!best || best.score < MIN_SCORE)) {
    const said = summary.passage.shown;
    return {
      text: `Hugging Face's summary says: ${said}`,
      evidence: [said],
      intent,
      stated: true,
      source: "source_summary",
    };
  }
  if (!best || best.score < MIN_SCORE)
    return notStated(NOT_STATED[intent] ?? "The abstract does not say.", intent);
  // "Which teacher model?": a sentence that names nothing does not answer.
  if (q.entity && namesIn(best.passage.shown, exceptNames) === 0) {
    return notStated(
      `The abstract does not name the ${phrase(q, [q.entity]) || "one you ask about"}.`,
      intent,
    );
  }
  const chosen = pickEvidence(fromAbstract, best, q, MAX_EVIDENCE);
  const evidence = chosen.map((s) => s.passage.shown);
  return { text: evidence.join(" "), evidence, intent, stated: true, source: "abstract" };
}

function foreign(raw: string): Answer {
  const language = languageOf(raw);
  return notStated(
    `I can only answer questions in English${language ? `, and this looks like ${language}` : ""}. Try e.g. "what do they propose?" or "what are the results?"`,
    "proposal",
  );
}
