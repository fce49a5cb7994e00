/**
 * Answers a question about one paper from the paper's own text, extractively: the sentence of the
 * abstract that best answers it (up to three when they are needed together), or a plain statement
 * that the paper does not say, naming what it does not mention. It never holds text that is not in
 * the paper; an answer from the source's own summary (Hugging Face's) says so.
 */
import { InvalidArgumentError } from "../errors.js";
import {
  introducedNames,
  languagesNamed,
  namesDataByName,
  namesHardware,
  namesIn,
  namesLanguage,
} from "./cues.js";
import { declinePhrase } from "./decline-phrase.js";
import { declineFeatures, passageFeatures, type QuestionFacts, questionFacts } from "./features.js";
import { resolveFollowUp } from "./follow-up.js";
import { type Intent, type IntentWeights, intentWeights, mainIntent } from "./intent.js";
import { languageOf } from "./language.js";
import { type AnswerModel, scoreRow, shippedAnswerModel } from "./model.js";
import { countedKindAsked, termAcronyms } from "./named-answer.js";
import {
  ASKS_WHICH,
  carriesCue,
  cueRequired,
  HARDWARE_PIECE,
  hardwareHeadNamed,
  type Missing,
  measureNotGiven,
  missingFromPaper,
  NOT_STATED,
  notStatedFor,
  paperHas,
} from "./not-stated.js";
import { type Passage, readPaper } from "./passages.js";
import { countsAsked, fitsMeasureOf, pickEvidence, type Scored } from "./pick.js";
import { type Question, readQuestion } from "./question.js";
import { isName, matchKeys, mentions } from "./words.js";

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
  /**
   * How sure the model is of the sentence it gives: its probability against the paper's other
   * sentences and declining (the fitted listwise softmax). Null when no ranking decided the answer
   * (links, a refusal, "does not mention X", an acronym's long form, the source's summary).
   */
  confidence: number | null;
  /** True when the answer is given as the closest the abstract comes, not as a sure answer. */
  tentative: boolean;
  /**
   * True when nothing was looked for: the question is in another language, or the paper has no
   * text to answer from. Unset for an answer and for "the abstract does not say".
   */
  refused?: true;
}

/** As long as a chat message (src/bot/commands.ts MAX_TEXT); a longer one is refused, not cut. */
export const MAX_QUESTION_CHARS = 2000;
const MAX_EVIDENCE = 3;
/**
 * Below this confidence an answer is given as tentative ("Not sure; the closest the abstract comes:
 * …"). The model's probabilities are calibrated out of sample (scripts/
 * calibrate-ask.ts, docs/ask.md "Confidence"): under even odds the sentence is right about half
 * the time, against about nine in ten above it, so a reader should know which kind of answer it is.
 */
export const TENTATIVE_BELOW = 0.5;
export const TENTATIVE_LEAD = "Not sure; the closest the abstract comes:";

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

/** An answer no ranking decided (links, a refusal, an acronym's long form): no confidence. */
const SURE = { confidence: null, tentative: false } as const;

function notStated(text: string, intent: Intent): Answer {
  return { ...SURE, text, evidence: [], intent, stated: false, source: null };
}

/** Nothing was looked for (another language, no text to answer from): not stated, and a refusal. */
function refusal(text: string, intent: Intent): Answer {
  return { ...notStated(text, intent), refused: true };
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
      ...SURE,
    };
  }
  if (other.length)
    return {
      ...SURE,
      text: `Links: ${other.join(" ")}`,
      evidence,
      intent: "code",
      stated: true,
      source: "links",
    };
  // "The code and model are made publicly available": the abstract says so without a link.
  if (evidence.length)
    return { ...SURE, text: evidence.join(" "), evidence, intent: "code", stated: true, source: "abstract" };
  return null;
}

export function answerQuestion(paper: AnswerInput, question: string): Answer {
  return answerInThread(paper, question, []);
}

/** A question read against one paper, up to the point where the answer model ranks sentences. */
export interface Ranking {
  q: Question;
  intent: Intent;
  passages: Passage[];
  facts: QuestionFacts;
  /**
   * The question asks what is wrong with something, as its main intent or beside another one
   * ("what's wrong with how X were compared?", "why is X a problem?"): a problem sentence next to
   * the best one completes the answer (pick.ts).
   */
  asksProblem: boolean;
  /** Feature rows, one per passage. */
  rows: Float64Array[];
  /** The feature row of declining. */
  decline: Float64Array;
  /** Which passages may answer: only a sentence with a limitation answers "what are the limitations?". */
  eligible: boolean[];
  /** Names the answer to a "which X" must not count (the paper's and the question's own). */
  exceptNames: ReadonlySet<string>;
  /**
   * The paper states the answer (it names the hardware or the evaluation data asked for): one
   * eligible sentence answers.
   */
  stated: boolean;
}

/**
 * Which rule decided an answer before ranking (scripts/rule-declines-ask.ts pools them over the
 * question sets): "absent …" is missingFromPaper's reason (not-stated.ts).
 */
export type DecidingRule =
  | "foreign"
  | "links"
  | "no text"
  | `absent ${Missing["rule"]}`
  | "expansion"
  | "no cue"
  | "no number"
  | "not counted"
  | "no languages"
  | "no hardware"
  | "no measure";

/**
 * Reads a question against a paper: either the answer is already decided (a refusal, the paper's
 * links, "the abstract does not mention X") or the sentences are ready to be ranked. The fit
 * script (scripts/fit-ask.ts) ranks what this returns, so the model is fitted on exactly what it
 * sees when answering.
 */
export function prepareAnswer(
  paper: AnswerInput,
  question: string,
  earlierQuestions: readonly string[],
): { answer: Answer; rule: DecidingRule } | { ranking: Ranking } {
  const raw = validate(question);
  const q = readQuestion(raw);
  const language = languageOf(raw);
  if (language) return { answer: foreign(language), rule: "foreign" };
  if (!q.words.length) throw new InvalidArgumentError(`the question has no words to read. ${USAGE}`);
  const followUp = resolveFollowUp(
    q,
    earlierQuestions.map((e) => readQuestion(e.slice(0, MAX_QUESTION_CHARS))),
  );
  const titleKeys = matchKeys(paper.title);
  const { sentences, passages } = readPaper(paper.title, paper.abstract, paper.sourceSummary ?? null);
  const intents = othersLimitations(followUp.intents ?? intentWeights(q), q, titleKeys, passages);
  const intent = mainIntent(intents, q);
  if (intent === "code") {
    const links = linkAnswer(paper, passages);
    if (links) return { answer: links, rule: "links" };
  }
  if (sentences.length === 0 && !paper.sourceSummary) {
    return {
      answer: refusal(
        "This paper has no abstract in the archive, so there is no text to answer from.",
        intent,
      ),
      rule: "no text",
    };
  }
  const missing = missingFromPaper(q, passages, titleKeys);
  if (missing) {
    const what = declinePhrase(q, missing.words);
    return {
      answer: notStated(what ? `The abstract does not mention ${what}.` : notStatedFor(intent, q), intent),
      rule: `absent ${missing.rule}`,
    };
  }
  const expansion = expansionAnswer(q, passages, intent);
  if (expansion) return { answer: expansion, rule: "expansion" };
  const required = cueRequired(intent, q);
  if (required && !passages.some((p) => carriesCue(p, intent)))
    return { answer: notStated(notStatedFor(intent, q), intent), rule: "no cue" };
  if (measureNotGiven(q, passages))
    return { answer: notStated(NOT_STATED.quantity as string, intent), rule: "no measure" };
  if (intents.has("quantity") && !passages.some((p) => fitsMeasureOf(p, q))) {
    return { answer: notStated(NOT_STATED.quantity as string, intent), rule: "no number" };
  }
  // "How many attacks?": a number somewhere is not enough, it must count what is asked.
  if (q.measure === "count" && q.asked.length && !passages.some((p) => countsAsked(p, q))) {
    const counted = declinePhrase(q, q.asked);
    return {
      answer: notStated(
        counted ? `The abstract does not say how many ${counted}.` : (NOT_STATED.quantity as string),
        intent,
      ),
      rule: "not counted",
    };
  }
  // The names the paper gives its own work answer "which benchmark do they propose?", not
  // "which teacher model do they distill?".
  const own = intents.has("proposal")
    ? []
    : introducedNames(passages.filter((p) => p.source === "abstract").map((p) => p.shown));
  const exceptNames = new Set([...titleKeys, ...q.words.map((w) => w.lower), ...own]);
  const head = q.asked[q.asked.length - 1];
  // "What hardware do they run on?" of a paper naming "ARM and WebAssembly" lacks the word only.
  const headAbsent =
    head !== undefined && !paperHas(passages, titleKeys, head) && !hardwareHeadNamed(q, passages, head);
  const facts = questionFacts(q, intents, passages, followUp.context, paper.title, exceptNames, headAbsent);
  // Only a sentence that states a limitation (or gives code, or names hardware) can answer so.
  // A number question is answered by a sentence with a number of that kind, about what it asks.
  const wantsNumber = intent === "quantity";
  // "How much better compression?" of a paper on compression: its subject, in the title, need not
  // be repeated in the sentence that gives the number.
  const aboutSubject = q.focus.every((w) => mentions(titleKeys, w));
  const named = namingSentences(q, intent, passages);
  // "Which languages?": only a sentence naming one may answer, and one naming a list of them
  // ("Java, Python, Go") surely does; "machine translation of English datasets" may not.
  const languages = asksWhichLanguages(q);
  const stated = languages
    ? passages.some((p, i) => named[i] && languagesNamed(p.shown) >= 2)
    : named.includes(true);
  // "Which programming languages does it support?" of a paper naming none: it does not say.
  if (languages && !named.includes(true))
    return { answer: notStated("The abstract does not name the languages.", intent), rule: "no languages" };
  // "Which GPUs for the 4.83x?" of a paper that says only "our GPU-aware implementation": one of a
  // kind of hardware is answered by a device named ("A100", "Snapdragon 835"), and a paper naming
  // none does not say which. "What hardware does it run on?" is answered by the kind ("a single
  // CPU", "GPUs"), and so is "what kind of devices is this for?".
  if (
    asksWhichHardware(q, intent) &&
    asksWhichOfKind(q) &&
    !named.includes(true) &&
    !passages.some((p) => p.source === "abstract" && namesUnlistedDevice(p.shown))
  )
    return { answer: notStated(NOT_STATED.hardware as string, intent), rule: "no hardware" };
  const eligible = passages.map(
    (p, i) =>
      (!required || carriesCue(p, intent)) &&
      (!(stated || languages) || (named[i] as boolean)) &&
      (!wantsNumber || (fitsMeasureOf(p, q) && (aboutSubject || (facts.overlaps[i] as number) > 0))),
  );
  return {
    ranking: {
      q,
      intent,
      passages,
      facts,
      asksProblem: intents.has("problem"),
      rows: passages.map((_, i) => passageFeatures(facts, passages, i)),
      decline: declineFeatures(facts),
      eligible,
      exceptNames,
      stated,
    },
  };
}

/**
 * Answers `question` in a discussion thread whose earlier questions (oldest first) give the
 * context of a follow-up: "and on which dataset?", "what about limitations?", "why?".
 */
export function answerInThread(
  paper: AnswerInput,
  question: string,
  earlierQuestions: readonly string[],
  model: AnswerModel = shippedAnswerModel(),
): Answer {
  const prepared = prepareAnswer(paper, question, earlierQuestions);
  if ("answer" in prepared) return prepared.answer;
  return answerFromRanking(prepared.ranking, model);
}

/**
 * "What are the limitations of earlier reward methods?", "the shortcomings of AdamW?": the
 * limitations of other work are the problem this paper addresses, not its own limitations.
 */
/**
 * "What's the downside of keyframe sampling?": the thing asked about (none of it the paper's own
 * name) is what a background sentence describes, so its downside is the problem the paper
 * addresses.
 */
function criticizedInBackground(
  q: Question,
  passages: readonly Passage[],
  titleKeys: ReadonlySet<string>,
): boolean {
  if (!q.focus.length || q.focus.some((w) => mentions(titleKeys, w))) return false;
  return passages.some(
    (p) =>
      p.source === "abstract" && (p.roles[0] as number) >= 0.5 && q.focus.every((w) => mentions(p.keys, w)),
  );
}

/** The names the abstract gives its own work ("we introduce … termed SimpleNorm"). */
function ownNamesOf(passages: readonly Passage[]): Set<string> {
  return introducedNames(passages.filter((p) => p.source === "abstract").map((p) => p.shown));
}

function othersLimitations(
  intents: IntentWeights,
  q: Question,
  titleKeys: ReadonlySet<string>,
  passages: readonly Passage[],
): IntentWeights {
  if (!intents.has("limitations")) return intents;
  const ofOthers =
    /\b(existing|earlier|prior|previous|current|standard|traditional|conventional|other|older|baseline|past|naive|vanilla|plain|original|typical|usual|common)\b/.test(
      q.text,
    ) ||
    q.names.some((w) => !mentions(titleKeys, w) && !ownNamesOf(passages).has(w.lower)) ||
    criticizedInBackground(q, passages, titleKeys);
  if (!ofOthers) return intents;
  const next: IntentWeights = new Map(intents);
  next.delete("limitations");
  next.set("problem", 1);
  return next;
}

/**
 * The model's probability for one sentence: the listwise softmax over what it was fitted to choose
 * among (the eligible sentences, the source's summary and declining).
 */
function probabilityOf(
  chosen: Scored,
  scored: readonly Scored[],
  eligible: readonly boolean[],
  decline: number,
): number {
  const options = scored.filter((s, i) => s.passage.source !== "abstract" || eligible[i]).map((s) => s.score);
  options.push(decline);
  const top = Math.max(...options);
  const total = options.reduce((a, z) => a + Math.exp(z - top), 0);
  return Math.exp(chosen.score - top) / total;
}

/** The scores of a ranking's passages and of declining, under a model. */
export function scoreRanking(r: Ranking, model: AnswerModel): { scored: Scored[]; decline: number } {
  const scored = r.passages.map((passage, i) => ({
    passage,
    score: scoreRow(model.weights, r.rows[i] as Float64Array),
    covers: r.q.focus.filter((w) => mentions(passage.keys, w)),
  }));
  return { scored, decline: scoreRow(model.weights, r.decline) + model.margin };
}

/** The answer a model gives to a prepared ranking (what answerInThread does after prepareAnswer). */
export function answerFromRanking(r: Ranking, model: AnswerModel): Answer {
  const { q, intent } = r;
  const { scored, decline } = scoreRanking(r, model);
  const fromAbstract = scored.filter((s, i) => s.passage.source === "abstract" && r.eligible[i]);
  const best = [...fromAbstract].sort((a, b) => b.score - a.score || a.passage.index - b.passage.index)[0];
  const summary = scored.find((s) => s.passage.source === "source_summary");
  // The source's summary answers only what the abstract cannot: it is a model's rewording of the
  // paper, so the abstract's own sentence is preferred whenever one answers.
  if (summary && summary.score > decline + model.summaryMargin && (!best || best.score <= decline)) {
    const said = summary.passage.shown;
    return {
      text: `Hugging Face's summary says: ${said}`,
      evidence: [said],
      intent,
      stated: true,
      source: "source_summary",
      ...SURE,
    };
  }
  if (!best || (best.score <= decline && !r.stated)) {
    // Name what the question asks for when the paper never mentions it ("… does not mention range").
    const missing = r.facts.headAbsent ? declinePhrase(q, q.asked.slice(-1)) : "";
    return notStated(missing ? `The abstract does not mention ${missing}.` : notStatedFor(intent, q), intent);
  }
  // "Which teacher model?": a sentence that names nothing does not answer. Baselines are told by
  // their kind as often as by name ("single- and multi-model baselines"). An acronym the abstract
  // defines for a plain term ("sparse autoencoders (SAEs)") names no model or benchmark, and a
  // question that gives the count ("which of the 14 models …?") asks for names all the same.
  const entity = q.entity ?? countedKindAsked(q);
  if (
    entity &&
    ((namesIn(best.passage.shown, notNamesOf(r)) === 0 && !describesBaselines(q, best.passage.shown)) ||
      countedOnly(q, best.passage.shown))
  ) {
    return notStated(
      `The abstract does not name the ${declinePhrase(q, [entity]) || "one you ask about"}.`,
      intent,
    );
  }
  const chosen = pickEvidence(fromAbstract, best, q, MAX_EVIDENCE, model.complementGap, r.asksProblem);
  const evidence = chosen.map((s) => s.passage.shown);
  const confidence = probabilityOf(best, scored, r.eligible, decline);
  // A rule that found the answer named (the hardware asked for) stands, however the model scores it.
  const tentative = !r.stated && confidence < TENTATIVE_BELOW;
  const said = evidence.join(" ");
  return {
    text: tentative ? `${TENTATIVE_LEAD} ${said}` : said,
    evidence,
    intent,
    stated: true,
    source: "abstract",
    confidence,
    tentative,
  };
}

/** Words that name nothing a "which X" asks for: the paper's and the question's own, and its terms. */
function notNamesOf(r: Ranking): ReadonlySet<string> {
  const abstract = r.passages.filter((p) => p.source === "abstract").map((p) => p.shown);
  return new Set([...r.exceptNames, ...termAcronyms(abstract)]);
}

/**
 * "Which 3 benchmarks?", "which eight datasets exactly?": the reader already knows how many, so a
 * sentence that only counts them ("across three benchmarks") does not answer; it must name one.
 */
const COUNT_IN_HEAD =
  /^(?:and |so )?(?:which|what|on which|on what) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) /;

function countedOnly(q: Question, sentence: string): boolean {
  return (
    COUNT_IN_HEAD.test(q.text) &&
    /^(datasets?|benchmarks?|corpus|corpora)$/.test(q.entity?.lower ?? "") &&
    !namesDataByName(sentence)
  );
}

/** "Outperforms training-free baselines", "single- and multi-model baselines": baselines by kind. */
const BASELINES_BY_KIND =
  /\b[\p{L}\p{N}]+-(?:[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)?\s+(?:and\s+[\p{L}\p{N}-]+\s+)?baselines?\b/iu;

function describesBaselines(q: Question, sentence: string): boolean {
  return /^baselines?$/.test(q.entity?.lower ?? "") && BASELINES_BY_KIND.test(sentence);
}

/**
 * Which sentences name what a question asks for by name, or [] for a question that asks for no
 * name. "What hardware do they run on?" of a paper naming "ARM and WebAssembly": the paper says,
 * and only a sentence that names hardware answers; so for "which datasets?" of a paper naming its
 * evaluation data ("on ImageNet1k"). Such a question is not declined when one sentence names it.
 */
function namingSentences(q: Question, intent: Intent, passages: readonly Passage[]): boolean[] {
  if (asksWhichHardware(q, intent)) return passages.map((p) => namesHardware(p.shown));
  if (asksWhichData(q, intent)) return passages.map((p) => p.source === "abstract" && p.namedData);
  if (asksWhichLanguages(q)) return passages.map((p) => p.source === "abstract" && namesLanguage(p.shown));
  return [];
}

/**
 * "Which languages?", "which programming languages are covered?": answered by languages named
 * ("English and Chinese", "Java, Python, Go"), a closed kind of name like hardware. Not "how many
 * languages" (a count) or "languages of the questions, and how many scenarios" (more than one thing).
 */
function asksWhichLanguages(q: Question): boolean {
  return q.entity !== null && /^languages?$/.test(q.entity.lower) && q.measure === null;
}

/**
 * A device `namesHardware` does not list, named right before a word for hardware: "on an Ascend
 * 910 NPU", "eight Gaudi2 accelerators". A capitalized word opening the sentence ("Edge devices
 * …") or a bare count ("8 GPUs") is no name, nor is the word in a compound ("GPU-aware").
 */
const UNLISTED_DEVICE =
  /(?<=\S\s+)((?:[\p{Lu}\p{N}][\p{L}\p{N}.-]*\s+){1,3})(?:GPUs?|NPUs?|TPUs?|CPUs?|gpus?|accelerators?|chips?|processors?|devices?)\b/gu;

function namesUnlistedDevice(sentence: string): boolean {
  for (const m of sentence.matchAll(UNLISTED_DEVICE)) if (/\p{Lu}/u.test(m[1] as string)) return true;
  return false;
}

/** "What kind of processor …?", "which type of devices …?": a kind asked for, not a name. */
const ASKS_FOR_KIND = /\b(kinds?|types?|sorts?|class(es)?|categor(y|ies)) of\b/;

/**
 * "Which GPU …?", "on which edge device …?": one of a kind of hardware, asked for by name. Not
 * "what hardware …?" (the word for all of it) or "what kind of …?".
 */
function asksWhichOfKind(q: Question): boolean {
  return HARDWARE_PIECE.test(q.text) && !/\bhardware\b/.test(q.text) && !ASKS_FOR_KIND.test(q.text);
}

/**
 * "What hardware do they run on?", "which devices does it support?", "what GPU did they use?": a
 * question for the hardware by name (not "how many GPUs", not "does it need a GPU?").
 */
function asksWhichHardware(q: Question, intent: Intent): boolean {
  // "What GPU did they measure the speedup on?" asks for the GPU, though it names a speed.
  const hardwareHead = q.entity !== null && /^(gpus?|hardware)$/.test(q.entity.lower);
  return (
    intent === "hardware" &&
    (q.measure === null || hardwareHead) &&
    ASKS_WHICH.test(q.text) &&
    /\b(hardware|devices?|gpus?|chips?|platforms?|accelerators?|cpus?|processors?)\b/.test(q.text)
  );
}

/**
 * "Which datasets do they use?", "and on which benchmark?", "what data do they evaluate on?": a
 * question for the evaluation data by name and nothing else (not "how many datasets", not "which
 * dataset of reference videos", not "what is it trained on?": training data is often not what a
 * paper names as its benchmarks).
 */
function asksWhichData(q: Question, intent: Intent): boolean {
  return (
    intent === "datasets" &&
    q.measure === null &&
    q.focus.length === 0 &&
    ASKS_WHICH.test(q.text) &&
    /\b(datasets?|data ?sets?|benchmarks?|data|corpus|corpora)\b/.test(q.text) &&
    !/\b(train|trains|trained|training|pre-?train\w*)\b/.test(q.text)
  );
}

/** "What does IN stand for?", "UQ is short for what?": asks for an acronym's long form. */
const EXPANSION = /\b(stands? for|short for|abbreviat\w*|acronym|what does \S+ mean)\b/;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * An acronym's long form, asked for: the sentence that introduces it ("… as cold-start
 * initialization (IN)") says it word for word, so it answers without ranking. Only the acronym
 * as written in parentheses counts ("(IN)", not the word "in"); null when no sentence does.
 */
function expansionAnswer(q: Question, passages: readonly Passage[], intent: Intent): Answer | null {
  if (!EXPANSION.test(q.text)) return null;
  for (const w of q.words) {
    if (!isName(w.surface) && !/^\p{Lu}{2,8}$/u.test(w.surface)) continue;
    const introduced = new RegExp(`\\(${escapeRegExp(w.surface)}s?[),;]`, "u");
    const p = passages.find((x) => x.source === "abstract" && introduced.test(x.shown));
    if (p) return { ...SURE, text: p.shown, evidence: [p.shown], intent, stated: true, source: "abstract" };
  }
  return null;
}

function foreign(language: string): Answer {
  return refusal(
    `I can only answer questions in English, and this looks like ${language}. Try e.g. "what do they propose?" or "what are the results?"`,
    "proposal",
  );
}
