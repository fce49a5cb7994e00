/**
 * Scores every passage for a question. Nothing is filtered per intent: each weighted intent adds
 * what a sentence answering it tends to have (its role in the abstract, its cue phrases, a number
 * of the asked kind, named data, its place), and the question's own words add their overlap,
 * rarer words (within this abstract) counting more. The weights are set by hand, per intent, from
 * what each kind of answer is; their scale and the decline threshold were chosen on the tuning
 * question set (test/ask/questions.json), never on the held-out one.
 */
import { fitsMeasure, namesIn } from "./cues.js";
import type { Intent, IntentWeights } from "./intent.js";
import type { Passage } from "./passages.js";
import type { Question } from "./question.js";
import { mentions, type Word } from "./words.js";

// Affinity of each intent to each role: background, objective, method, result, other. A result
// or a comparison told as background is someone else's.
const ROLE_AFFINITY: Record<Intent, readonly number[]> = {
  proposal: [0, 1, 0.4, 0, 0],
  // The problem is told as background; a sentence that proposes or reports is past it.
  problem: [1, -0.3, -0.3, -0.3, 0],
  method: [-0.5, 0, 1, -0.3, 0],
  results: [-1, 0, 0, 1, 0],
  comparison: [-1, 0, 0, 1, 0],
  datasets: [0, 0, 0.5, 0.5, 0],
  quantity: [0, 0, 0.3, 0.3, 0],
  hardware: [0, 0, 0.4, 0.4, 0],
  limitations: [0, 0, 0, 0.6, 0],
  code: [0, 0, 0, 0.3, 1],
  reason: [0.6, 0, 0.4, 0.2, 0],
  definition: [0, 0.4, 0.4, 0.2, 0],
  other: [0, 0, 0, 0, 0],
};

// How much a cue phrase of the intent says the sentence answers it.
const CUE_WEIGHT: Record<Intent, number> = {
  proposal: 1,
  // The problem is a sentence that says what goes wrong ("suffers", "incurs", "however").
  problem: 1.5,
  method: 0.5,
  results: 0.8,
  comparison: 0.8,
  datasets: 1,
  quantity: 0,
  hardware: 1.5,
  limitations: 1.5,
  code: 2,
  // "Why?" is answered by the sentence that gives a cause, which often only points back ("We
  // attribute this to …") to the sentence that matches the question's words.
  reason: 2,
  definition: 1,
  other: 0,
};

const ROLE_WEIGHT = 1;
/** The question's focus words found in the sentence (share of their rarity-weighted total). */
const FOCUS_WEIGHT = 3;
/** Its words of the kind of answer ("faster", "datasets"), and their everyday synonyms. */
const KIND_WEIGHT = 0.8;
const RELATED_WEIGHT = 0.5;
/** Words of earlier questions in a thread. */
const CONTEXT_WEIGHT = 1;
const QUANTITY_WEIGHT = 1.2;
/** A result with any number, for a question that does not ask for a kind of number. */
const RESULT_NUMBER_WEIGHT = 0.5;
const NAMED_DATA_WEIGHT = 1;
const NAMES_WEIGHT = 1;
const POSITION_WEIGHT = 0.3;
/** A question word found only by its stem or a synonym counts this share of one found as written. */
const STEM_SHARE = 0.8;
/** Words that only say what kind of answer is wanted; an abstract's "not new" is no proposal. */
const INTENT_ONLY = new Set(
  "new novel about overall summary summarize summarise gist point idea ideas good bad well result results problem problems issue issues wrong".split(
    " ",
  ),
);
const PROPOSAL_NOT_METHOD = 0.5;
/** A definition is usually where the term first appears. */
const FIRST_MENTION_WEIGHT = 0.8;
/**
 * "We attribute this to …", "This linear design makes it difficult …": a sentence that opens by
 * pointing back is about what the sentence before it was about, so it takes this share of that
 * sentence's overlap with the question when it has less of its own.
 */
const ANAPHOR_SHARE = 0.8;
const ANAPHOR =
  /^(?:(?:however|yet|but|nevertheless|unfortunately|moreover|furthermore|in addition|additionally|instead|consequently|as a result|thus|therefore),?\s+)?(?:this|these|such|it|they|those|that|its|their|existing|current|prior|previous|most|many|latest|recent|we attribute|the (?:main |key |primary )?reason)\b|^(?:specifically|in particular|concretely|in detail|to this end|for example|for instance),/i;
/** A sentence that is itself a question ("do enhanced reasoning translate …?") answers nothing. */
const QUESTION_PENALTY = 2;

export interface Scored {
  passage: Passage;
  score: number;
  /** Share of the question's focus words (rarity-weighted) the passage holds, 0 to 1. */
  overlap: number;
  /** The focus words it holds. */
  covers: Word[];
}

/** Inverse document frequency of a word within the paper's own passages. */
function idf(passages: readonly Passage[], w: Word): number {
  let df = 0;
  for (const p of passages) if (mentions(p.keys, w)) df++;
  return Math.log(1 + passages.length / Math.max(1, df));
}

function positionPrior(intent: Intent, p: Passage, count: number): number {
  if (p.index < 0 || count <= 1) return 0;
  const at = p.index / (count - 1);
  if (intent === "proposal") return 1 - at;
  if (intent === "results") return at;
  return 0;
}

/**
 * A rarity-weighted bag of question words, scored as the share a passage holds. A word the paper
 * never uses is matched by the words abstracts use for it ("stop": "terminate", "halt").
 */
class WordSet {
  private readonly items: { w: Word; alts: Word[]; weight: number }[] = [];
  private total = 0;
  constructor(
    passages: readonly Passage[],
    list: readonly Word[],
    seen: Set<string>,
    alternates?: Map<string, Word[]>,
  ) {
    for (const w of list) {
      if (seen.has(w.stem)) continue;
      seen.add(w.stem);
      const present = passages.some((p) => mentions(p.keys, w));
      const alts = present
        ? []
        : (alternates?.get(w.lower) ?? []).filter((a) => passages.some((p) => mentions(p.keys, a)));
      // A word the paper never uses (nor any word for it) tells no sentence from another.
      if (!present && !alts.length) continue;
      const weight = Math.max(idf(passages, w), ...alts.map((a) => idf(passages, a)));
      this.items.push({ w, alts, weight });
      this.total += weight;
    }
  }
  share(p: Passage, found?: Word[]): number {
    if (!this.total) return 0;
    let s = 0;
    for (const x of this.items) {
      // The word as written counts fully; its stem ("designer" for "design"), a hyphen part or a
      // word for it, a little less.
      if (p.keys.has(x.w.lower)) s += x.weight;
      else if (mentions(p.keys, x.w) || x.alts.some((a) => mentions(p.keys, a))) s += STEM_SHARE * x.weight;
      else continue;
      found?.push(x.w);
    }
    return s / this.total;
  }
}

export function scorePassages(
  passages: readonly Passage[],
  q: Question,
  intents: IntentWeights,
  context: readonly Word[] = [],
  exceptNames: ReadonlySet<string> = new Set(),
): Scored[] {
  const seen = new Set<string>();
  const focus = new WordSet(passages, q.focus, seen, q.alternates);
  const kind = new WordSet(
    passages,
    q.kindWords.filter((w) => !INTENT_ONLY.has(w.lower)),
    seen,
    q.alternates,
  );
  // A question made only of kind words ("what is the key limitation of current approaches?") has
  // nothing else to match on.
  const kindWeight = q.focus.length || q.wantsNames ? KIND_WEIGHT : 2 * KIND_WEIGHT;
  const related = new WordSet(passages, q.related, seen);
  const earlier = new WordSet(passages, context, seen);
  const abstractCount = passages.filter((p) => p.source === "abstract").length;
  // "How does X work / pick / route …?" is answered by the mechanism, not by "We propose X".
  const asksHowItWorks =
    /^(and )?how (does|do|did|is|are) (?!they (improve|address|solve|overcome|tackle)\b)/.test(q.text);
  const questionWords = new Set([...exceptNames, ...q.words.map((w) => w.lower)]);
  const firstMention = passages.find(
    (p) => p.source === "abstract" && q.focus.some((w) => mentions(p.keys, w)),
  );
  const own = passages.map((passage) => {
    const covers: Word[] = [];
    return { covers, overlap: focus.share(passage, covers) };
  });
  const base = passages.map((passage, i) => {
    const { covers } = own[i] as { covers: Word[]; overlap: number };
    let overlap = (own[i] as { overlap: number }).overlap;
    const before = own[i - 1];
    if (before && passage.source === "abstract" && ANAPHOR.test(passage.shown))
      overlap = Math.max(overlap, ANAPHOR_SHARE * before.overlap);
    const score =
      FOCUS_WEIGHT * overlap +
      kindWeight * kind.share(passage) +
      RELATED_WEIGHT * related.share(passage) +
      CONTEXT_WEIGHT * earlier.share(passage);
    return { passage, score, overlap, covers };
  });
  return base.map((s) => {
    const { passage } = s;
    let score = s.score;
    for (const [intent, weight] of intents) {
      const affinity = ROLE_AFFINITY[intent];
      let roleScore = 0;
      for (let r = 0; r < affinity.length; r++)
        roleScore += (affinity[r] as number) * (passage.roles[r] as number);
      let v = ROLE_WEIGHT * roleScore + CUE_WEIGHT[intent] * (passage.cues.get(intent) ?? 0);
      // "How does X work?" is answered by the mechanism, not by the sentence that names X.
      if (intent === "method" && asksHowItWorks)
        v -= PROPOSAL_NOT_METHOD * (passage.cues.get("proposal") ?? 0);
      if (intent === "quantity" || (intent === "results" && q.measure)) {
        if (passage.quantities.some((x) => fitsMeasure(x, q.measure))) v += QUANTITY_WEIGHT;
      } else if (intent === "results" && passage.quantities.length) v += RESULT_NUMBER_WEIGHT;
      if (intent === "datasets" && passage.namedData) v += NAMED_DATA_WEIGHT;
      if (intent === "definition" && passage === firstMention) v += FIRST_MENTION_WEIGHT;
      v += POSITION_WEIGHT * positionPrior(intent, passage, abstractCount);
      score += weight * v;
    }
    if (q.wantsNames) score += (NAMES_WEIGHT * Math.min(3, namesIn(passage.shown, questionWords))) / 3;
    if (/\?\s*$/.test(passage.shown)) score -= QUESTION_PENALTY;
    return { ...s, score };
  });
}
