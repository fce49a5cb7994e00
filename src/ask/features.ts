/**
 * What the answer model (model.ts) knows of a question and of each sentence that could answer it:
 * a compact, general feature set, the same for every paper and every question, so that its
 * weights are fitted on questions (scripts/fit-ask.ts) rather than set rule by rule.
 *
 * - The question's soft intents (intent.ts) crossed with the sentence's role probabilities
 *   (src/roles/), its cue phrases, its place in the abstract and whether it has a number.
 * - The kind of question ("why", "how", "how many", "which", "what", yes/no) crossed with roles.
 * - Overlap with the question's words, weighted by how rare a word is in abstracts at large
 *   (rarity.ts) and within this abstract; as written or by stem; adjacent pairs of the
 *   question's words; what a sentence that points back ("This design …") inherits from the one
 *   before; the neighbours' overlap.
 * - Where the question's words first occur and the sentence after it, by the question's kind.
 * - A number of the kind asked, next to what is counted or near the question's words; names for a
 *   "which X"; named evaluation data; length; a question mark; a link; the paper's own name.
 * - For the option of declining ("none:"): the intents, how much of what the question is about
 *   the paper never mentions, and the question's shape.
 *
 * Every feature is scaled to about [0, 1]. A feature's name is its meaning: the weights file is
 * refused when its names differ from these.
 */
import { ROLES } from "../roles/model.js";
import { namesIn } from "./cues.js";
import { INTENTS, type Intent, type IntentWeights } from "./intent.js";
import type { Passage } from "./passages.js";
import { countsAsked, fitsMeasureOf } from "./pick.js";
import type { Question } from "./question.js";
import { rarity } from "./rarity.js";
import { mentions, spelledOut, type Word } from "./words.js";

/** The shape of a question, from its first words. */
export const QUESTION_KINDS = ["why", "how", "how-much", "which", "what", "yes-no", "other"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const PASSAGE_FEATURES: string[] = [
  ...INTENTS.flatMap((i) => ROLES.map((r) => `role:${i}:${r}`)),
  ...INTENTS.filter((i) => i !== "other").map((i) => `cue:${i}`),
  ...INTENTS.map((i) => `position:${i}`),
  ...INTENTS.map((i) => `number:${i}`),
  ...INTENTS.map((i) => `praise:${i}`),
  ...QUESTION_KINDS.flatMap((k) => ROLES.map((r) => `kind:${k}:${r}`)),
  ...QUESTION_KINDS.map((k) => `overlap:kind:${k}`),
  ...QUESTION_KINDS.map((k) => `previous:kind:${k}`),
  ...INTENTS.map((i) => `previous:intent:${i}`),
  ...QUESTION_KINDS.map((k) => `next-points-back:${k}`),
  ...QUESTION_KINDS.map((k) => `pivot:${k}`),
  "overlap:background",
  "overlap:local",
  "overlap:exact",
  "overlap:rarest",
  "overlap:pairs",
  "overlap:phrase",
  "overlap:nothing",
  "overlap:points-back",
  "overlap:previous",
  "overlap:next",
  "answer-words",
  "everyday-words",
  "thread-words",
  "measure:fits",
  "measure:counts-asked",
  "measure:near-question",
  "names:wanted",
  "names:any",
  "named-data",
  "named-data:datasets",
  "first-mention",
  "first-mention:definition",
  ...QUESTION_KINDS.map((k) => `first-mention:kind:${k}`),
  ...QUESTION_KINDS.map((k) => `after-first-mention:kind:${k}`),
  "how-it-works:proposal-cue",
  "own-name",
  "question-mark",
  "link",
  "length",
  "short",
  "source-summary",
];

const DECLINE_FEATURES: string[] = [
  "none:bias",
  ...INTENTS.map((i) => `none:intent:${i}`),
  ...QUESTION_KINDS.map((k) => `none:kind:${k}`),
  "none:absent",
  "none:no-focus",
  "none:focus-words",
  "none:wants-names",
  "none:measure",
  "none:entity",
  "none:follow-up",
  "none:best-overlap",
  "none:head-absent",
  "none:rarest-absent",
];

export const FEATURES: readonly string[] = [...PASSAGE_FEATURES, ...DECLINE_FEATURES];
if (new Set(FEATURES).size !== FEATURES.length) throw new Error("ask: a feature is named twice");
const INDEX = new Map(FEATURES.map((f, i) => [f, i]));

function at(name: string): number {
  const i = INDEX.get(name);
  if (i === undefined) throw new Error(`unknown ask feature ${name}`);
  return i;
}

const ROLE_AT = INTENTS.map((i) => ROLES.map((r) => at(`role:${i}:${r}`)));
const CUE_AT = INTENTS.map((i) => (i === "other" ? -1 : at(`cue:${i}`)));
const POSITION_AT = INTENTS.map((i) => at(`position:${i}`));
const NUMBER_AT = INTENTS.map((i) => at(`number:${i}`));
const PRAISE_AT = INTENTS.map((i) => at(`praise:${i}`));
const KIND_AT = QUESTION_KINDS.map((k) => ROLES.map((r) => at(`kind:${k}:${r}`)));

/**
 * "We attribute this to …", "This linear design makes it difficult …", "Specifically, …": a
 * sentence that opens by pointing back is about what the sentence before it was about.
 */
const POINTS_BACK =
  /^(?:(?:however|yet|but|nevertheless|unfortunately|moreover|furthermore|in addition|additionally|instead|consequently|as a result|thus|therefore),?\s+)?(?:this|these|such|it|they|those|that|its|their|we attribute|the (?:main |key |primary )?reason)\b|^(?:specifically|in particular|concretely|in detail|to this end|for example|for instance),/i;

/**
 * "To address these issues, we …", "Building on this insight, …": a sentence that turns from the
 * problem (or a finding) to what the paper does about it.
 */
const PIVOT_OPENING =
  /^(?:(?:however|thus|therefore|hence|accordingly),?\s+)?(?:(?:to|in order to) (?:address|tackle|overcome|solve|mitigate|alleviate|bridge|remedy|close|fill|fix|resolve|this end)\b|(?:building (?:on|upon)|based on|motivated by|guided by|inspired by|leveraging|drawing on) (?:this|these|such|the above|our)\b|in response\b)/i;

/**
 * Praise of the field ("have shown remarkable success", "a promising direction"): how an abstract
 * opens on its topic, before saying what is wrong with it.
 */
const PRAISE =
  /\b(promising|emerged|emerging|remarkabl[ey]|success(es|ful|fully)?|advances|advanced|advancements?|revolutioni[sz]\w+|powerful|excels?|impressive|strong (performance|capabilit\w+|results)|breakthroughs?|rapid(ly)? (progress|advanc\w+)|widely (used|adopted|studied)|de-facto|prevailing|popular|cornerstone|pivotal)\b/i;

/** "How does X work / pick / route …?" is answered by the mechanism rather than "We propose X". */
const HOW_IT_WORKS = /^(and )?how (does|do|did|is|are) (?!they (improve|address|solve|overcome|tackle)\b)/;

/** Words that only say what kind of answer is wanted; an abstract's "not new" is no proposal. */
const INTENT_ONLY = new Set(
  "new novel about overall summary summarize summarise gist point idea ideas good bad well result results problem problems issue issues wrong".split(
    " ",
  ),
);

export function questionKind(q: Question): QuestionKind {
  const t = q.text.replace(/^(and|so|but|ok|okay|then|also|now)\s+/, "");
  if (/^(why|how come)\b/.test(t) || /\bwhy\b/.test(t)) return "why";
  if (/^how (many|much|long|large|big|small|fast|quick|well|good|accurate|far|often|high|low)\b/.test(t))
    return "how-much";
  if (/^how\b/.test(t)) return "how";
  if (/^(which|on which|in which|for which|with which)\b/.test(t) || (/^what\b/.test(t) && q.wantsNames))
    return "which";
  if (/^(what|who|whom|whose|where|when)\b/.test(t)) return "what";
  if (/^(do|does|did|is|are|was|were|can|could|will|would|has|have|had|should)\b/.test(t)) return "yes-no";
  return "other";
}

interface WeightedWord {
  w: Word;
  /** Rarity in abstracts at large. */
  background: number;
  /** Rarity within this abstract (0 when the abstract never has it). */
  local: number;
  /** Words for it when the paper never uses it ("stop": "terminate"). */
  alternates: Word[];
  inPaper: boolean;
}

/** What is computed once per question and paper. */
export interface QuestionFacts {
  q: Question;
  intents: IntentWeights;
  kind: QuestionKind;
  focus: WeightedWord[];
  answerWords: WeightedWord[];
  everyday: WeightedWord[];
  thread: WeightedWord[];
  /** Adjacent pairs of the question's focus words (stems), in question order. */
  pairs: [string, string][];
  /** Runs of adjacent content words of the question (stems), for phrase matching. */
  runs: string[][];
  /** Names of the paper and the question (not counted as names a "which X" wants). */
  ownNames: ReadonlySet<string>;
  /** Lower-cased name tokens of the title ("dash", "qes", "flashfftconv"). */
  titleNames: ReadonlySet<string>;
  /** Whether the question names the paper's own method. */
  asksOwnName: boolean;
  /** Index of the first abstract passage that holds a focus word, or -1. */
  firstMention: number;
  abstractCount: number;
  /** Overlap of each passage with the focus words (background-weighted), by passage index. */
  overlaps: number[];
  /** The thing a "what X" asks for (its head noun) is nowhere in the paper. */
  headAbsent: boolean;
}

function localRarity(passages: readonly Passage[], w: Word): number {
  let df = 0;
  for (const p of passages) if (mentions(p.keys, w)) df++;
  return df ? Math.log(1 + passages.length / df) : 0;
}

function weigh(
  passages: readonly Passage[],
  list: readonly Word[],
  seen: Set<string>,
  alternates?: Map<string, Word[]>,
): WeightedWord[] {
  const out: WeightedWord[] = [];
  for (const w of list) {
    if (seen.has(w.stem)) continue;
    seen.add(w.stem);
    const inPaper = passages.some((p) => mentions(p.keys, w));
    // A word the paper never uses is matched by the words it uses for it: an acronym spelled out
    // ("RL": "reinforcement", "learning"), or everyday words' counterparts ("stop": "terminate").
    let spelled: Word[] | null = null;
    for (const p of inPaper ? [] : passages) {
      spelled = spelledOut(p.tokens, w);
      if (spelled) break;
    }
    const alts = inPaper
      ? []
      : (spelled ??
        (alternates?.get(w.lower) ?? []).filter((a) => passages.some((p) => mentions(p.keys, a))));
    const local = Math.max(localRarity(passages, w), ...alts.map((a) => localRarity(passages, a)));
    out.push({ w, background: rarity(w), local, alternates: alts, inPaper });
  }
  return out;
}

/** Share of the words' weight a passage holds: as written fully, by stem or a word for it 0.8. */
function share(
  list: readonly WeightedWord[],
  p: Passage,
  weight: (x: WeightedWord) => number,
  exactOnly = false,
): number {
  let total = 0;
  let s = 0;
  for (const x of list) {
    const wx = weight(x);
    total += wx;
    if (p.keys.has(x.w.lower)) s += wx;
    else if (!exactOnly && (mentions(p.keys, x.w) || x.alternates.some((a) => mentions(p.keys, a))))
      s += 0.8 * wx;
  }
  return total ? s / total : 0;
}

/** Tokens of the title that name the paper's method ("DASH", "FlashFFTConv", "QES"). */
function titleNamesOf(title: string): Set<string> {
  const head = title.split(/:|\s[-–—]\s/)[0] ?? "";
  const names = new Set<string>();
  for (const m of title.matchAll(/[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu)) {
    const t = m[0];
    if (/\p{Lu}.*\p{Lu}|\p{L}.*\p{N}/u.test(t)) names.add(t.toLowerCase());
  }
  // "LSNet: See Large, Focus Small": a one-word head before the colon is the name.
  if (/^\s*[\p{L}\p{N}-]+\s*$/u.test(head)) names.add(head.trim().toLowerCase());
  return names;
}

export function questionFacts(
  q: Question,
  intents: IntentWeights,
  passages: readonly Passage[],
  context: readonly Word[],
  title: string,
  exceptNames: ReadonlySet<string>,
  headAbsent = false,
): QuestionFacts {
  const seen = new Set<string>();
  const focus = weigh(passages, q.focus, seen, q.alternates);
  const answerWords = weigh(
    passages,
    q.kindWords.filter((w) => !INTENT_ONLY.has(w.lower)),
    seen,
    q.alternates,
  );
  const everyday = weigh(passages, q.related, seen);
  const thread = weigh(passages, context, seen);
  const focusStems = new Set(q.focus.map((w) => w.stem));
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < q.words.length; i++) {
    const a = q.words[i] as Word;
    const b = q.words[i + 1] as Word;
    if (focusStems.has(a.stem) && focusStems.has(b.stem)) pairs.push([a.stem, b.stem]);
  }
  // Content words (what it is about and what kind of answer), split where the question has other
  // words between them: "the core idea of LET" gives [core, idea], [let].
  const content = new Set([...q.focus, ...q.kindWords].map((w) => w.stem));
  const runs: string[][] = [];
  let run: string[] = [];
  for (const w of q.words) {
    if (content.has(w.stem)) run.push(w.stem);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  const titleNames = titleNamesOf(title);
  const abstract = passages.filter((p) => p.source === "abstract");
  const overlaps = passages.map((p) => share(focus, p, (x) => x.background));
  // Where a term is defined: the first sentence that holds as much of it as any sentence does.
  const most = Math.max(0, ...overlaps.filter((_, i) => passages[i]?.source === "abstract"));
  const firstMention =
    most > 0
      ? (abstract.find((p) => (overlaps[passages.indexOf(p)] as number) >= most - 1e-9)?.index ?? -1)
      : -1;
  return {
    q,
    intents,
    kind: questionKind(q),
    focus,
    answerWords,
    everyday,
    thread,
    pairs,
    runs: runs.filter((r) => r.length >= 2),
    ownNames: exceptNames,
    titleNames,
    asksOwnName: q.words.some((w) => titleNames.has(w.lower)),
    firstMention,
    abstractCount: abstract.length,
    overlaps,
    headAbsent,
  };
}

/** Share of the question's adjacent word pairs found close together (within 3 words) in the passage. */
function pairShare(pairs: readonly [string, string][], p: Passage): number {
  if (!pairs.length) return 0;
  const where = new Map<string, number[]>();
  p.tokens.forEach((t, i) => {
    const list = where.get(t.stem);
    if (list) list.push(i);
    else where.set(t.stem, [i]);
  });
  let found = 0;
  for (const [a, b] of pairs) {
    const as = where.get(a);
    const bs = where.get(b);
    if (as && bs && as.some((i) => bs.some((j) => Math.abs(j - i) <= 3 && j !== i))) found++;
  }
  return found / pairs.length;
}

/** The longest run of the question's adjacent content words found word for word in the passage (0 to 1). */
function phraseShare(runs: readonly string[][], p: Passage): number {
  let longest = 0;
  for (const r of runs) {
    for (let i = 0; i < p.tokens.length; i++) {
      for (let k = 0; k < r.length; k++) {
        let n = 0;
        while (k + n < r.length && i + n < p.tokens.length && (p.tokens[i + n] as Word).stem === r[k + n])
          n++;
        if (n > longest) longest = n;
      }
    }
  }
  return longest >= 2 ? Math.min(longest, 4) / 4 : 0;
}

/** True when a number of the passage stands within six words of one of the question's focus words. */
function numberNearQuestion(f: QuestionFacts, p: Passage): boolean {
  if (!p.quantities.length || !f.focus.length) return false;
  const near = new Set<number>();
  for (const x of p.quantities) {
    // The token index of the number: count tokens that start before it.
    let k = 0;
    while (k < p.tokens.length && (p.tokenStarts[k] as number) < x.at) k++;
    for (let j = Math.max(0, k - 6); j <= Math.min(p.tokens.length - 1, k + 6); j++) near.add(j);
  }
  for (const j of near) {
    const t = p.tokens[j] as Word;
    if (f.focus.some((x) => x.w.stem === t.stem || x.w.lower === t.lower)) return true;
  }
  return false;
}

function ownNameIn(f: QuestionFacts, p: Passage): boolean {
  for (const t of p.tokens) if (f.titleNames.has(t.lower)) return true;
  return false;
}

/** The feature row of one passage (`i`: its place in `passages`). */
export function passageFeatures(f: QuestionFacts, passages: readonly Passage[], i: number): Float64Array {
  const x = new Float64Array(FEATURES.length);
  const p = passages[i] as Passage;
  const relative = p.index >= 0 && f.abstractCount > 1 ? p.index / (f.abstractCount - 1) : 0.5;
  const hasNumber = p.quantities.length > 0 ? 1 : 0;
  const praised = PRAISE.test(p.shown) ? 1 : 0;
  INTENTS.forEach((intent, n) => {
    const a = f.intents.get(intent) ?? 0;
    if (!a) return;
    const roleAt = ROLE_AT[n] as number[];
    for (let r = 0; r < ROLES.length; r++) x[roleAt[r] as number] = a * (p.roles[r] as number);
    const cueAt = CUE_AT[n] as number;
    if (cueAt >= 0) x[cueAt] = a * (p.cues.get(intent) ?? 0);
    x[POSITION_AT[n] as number] = a * relative;
    x[NUMBER_AT[n] as number] = a * hasNumber;
    x[PRAISE_AT[n] as number] = a * praised;
  });
  const kindAt = KIND_AT[QUESTION_KINDS.indexOf(f.kind)] as number[];
  for (let r = 0; r < ROLES.length; r++) x[kindAt[r] as number] = p.roles[r] as number;

  const overlap = f.overlaps[i] as number;
  x[at("overlap:background")] = overlap;
  x[at(`overlap:kind:${f.kind}`)] = overlap;
  x[at("overlap:local")] = share(
    f.focus.filter((w) => w.local > 0),
    p,
    (w) => w.local,
  );
  x[at("overlap:exact")] = share(f.focus, p, (w) => w.background, true);
  const present = f.focus.filter((w) => w.inPaper);
  const rarest = present.reduce<WeightedWord | null>(
    (b, w) => (!b || w.background > b.background ? w : b),
    null,
  );
  x[at("overlap:rarest")] = rarest && mentions(p.keys, rarest.w) ? 1 : 0;
  x[at("overlap:pairs")] = pairShare(f.pairs, p);
  x[at("overlap:phrase")] = phraseShare(f.runs, p);
  x[at("overlap:nothing")] = f.focus.length && overlap === 0 ? 1 : 0;
  const before = i > 0 && passages[i - 1]?.source === p.source ? (f.overlaps[i - 1] as number) : 0;
  const after = passages[i + 1]?.source === p.source ? (f.overlaps[i + 1] as number) : 0;
  x[at("overlap:points-back")] = p.source === "abstract" && POINTS_BACK.test(p.shown) ? before : 0;
  x[at("overlap:previous")] = before;
  x[at(`previous:kind:${f.kind}`)] = before;
  for (const [intent, a] of f.intents) x[at(`previous:intent:${intent}`)] = a * before;
  const next = passages[i + 1];
  // The sentence that the next one points back to ("… limited performance. We attribute this to …")
  // states what the next one explains or elaborates.
  x[at(`pivot:${f.kind}`)] = p.source === "abstract" && PIVOT_OPENING.test(p.shown) ? 1 : 0;
  x[at(`next-points-back:${f.kind}`)] = next?.source === "abstract" && POINTS_BACK.test(next.shown) ? 1 : 0;
  x[at("overlap:next")] = after;
  x[at("answer-words")] = share(f.answerWords, p, (w) => w.background);
  x[at("everyday-words")] = share(f.everyday, p, (w) => w.background);
  x[at("thread-words")] = share(f.thread, p, (w) => w.background);

  const q = f.q;
  x[at("measure:fits")] = q.measure && fitsMeasureOf(p, q) && hasNumber ? 1 : 0;
  x[at("measure:counts-asked")] = q.measure === "count" && q.asked.length && countsAsked(p, q) ? 1 : 0;
  x[at("measure:near-question")] = numberNearQuestion(f, p) ? 1 : 0;
  const names = Math.min(3, namesIn(p.shown, f.ownNames)) / 3;
  x[at("names:wanted")] = q.wantsNames ? names : 0;
  x[at("names:any")] = names;
  x[at("named-data")] = p.namedData ? 1 : 0;
  x[at("named-data:datasets")] = p.namedData ? (f.intents.get("datasets") ?? 0) : 0;
  const first = p.source === "abstract" && p.index === f.firstMention ? 1 : 0;
  x[at("first-mention")] = first;
  x[at("first-mention:definition")] = first * (f.intents.get("definition") ?? 0);
  // Where the question's words first occur, and the sentence after it, weigh differently by kind:
  // a definition is mostly where its term first occurs, a why question's cause or motivation mostly
  // elsewhere, often the next sentence (round 16: 50 of 68 why misses won by first-mention).
  x[at(`first-mention:kind:${f.kind}`)] = first;
  x[at(`after-first-mention:kind:${f.kind}`)] =
    p.source === "abstract" && f.firstMention >= 0 && p.index === f.firstMention + 1 ? 1 : 0;
  x[at("how-it-works:proposal-cue")] =
    HOW_IT_WORKS.test(q.text) && f.intents.has("method") ? (p.cues.get("proposal") ?? 0) : 0;
  x[at("own-name")] = ownNameIn(f, p) ? 1 : 0;
  x[at("question-mark")] = /\?\s*$/.test(p.shown) ? 1 : 0;
  x[at("link")] = /https?:\/\/|\bgithub\.com\//i.test(p.shown) ? 1 : 0;
  x[at("length")] = Math.min(1, p.tokens.length / 60);
  x[at("short")] = p.tokens.length < 8 ? 1 : 0;
  x[at("source-summary")] = p.source === "source_summary" ? 1 : 0;
  return x;
}

/** The feature row of declining: what says that no sentence of this paper answers. */
export function declineFeatures(f: QuestionFacts): Float64Array {
  const x = new Float64Array(FEATURES.length);
  x[at("none:bias")] = 1;
  for (const intent of INTENTS) x[at(`none:intent:${intent}`)] = f.intents.get(intent) ?? 0;
  x[at(`none:kind:${f.kind}`)] = 1;
  let total = 0;
  let absent = 0;
  // An analogy's words ("a flight simulator") are not missing from the paper: the reader's own.
  const absentFrom = (w: WeightedWord) =>
    !w.inPaper && !w.alternates.length && !f.q.figurative.has(w.w.lower);
  for (const w of f.focus) {
    total += w.background;
    if (absentFrom(w)) absent += w.background;
  }
  x[at("none:absent")] = total ? absent / total : 0;
  x[at("none:no-focus")] = f.focus.length ? 0 : 1;
  x[at("none:focus-words")] = Math.min(1, f.focus.length / 5);
  x[at("none:wants-names")] = f.q.wantsNames ? 1 : 0;
  x[at("none:measure")] = f.q.measure ? 1 : 0;
  x[at("none:entity")] = f.q.entity ? 1 : 0;
  x[at("none:follow-up")] = f.thread.length ? 1 : 0;
  // How much of the question the best-matching sentence holds: little, and no sentence answers.
  let best = 0;
  f.overlaps.forEach((o) => {
    if (o > best) best = o;
  });
  x[at("none:best-overlap")] = best;
  x[at("none:head-absent")] = f.headAbsent ? 1 : 0;
  const rarest = f.focus.reduce<WeightedWord | null>(
    (b, w) => (!b || w.background > b.background ? w : b),
    null,
  );
  x[at("none:rarest-absent")] = rarest && absentFrom(rarest) ? 1 : 0;
  return x;
}

/** Names of the features, for tests and the fit script. */
export function featureIndex(name: string): number {
  return at(name);
}

export type { Intent };
