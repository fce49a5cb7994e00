/**
 * Which sentences make the answer: the best one alone when it clearly wins; more only when they
 * are needed together, that is when the best one announces a list ("ASTRA integrates two
 * components.") that the next sentences give ("First, …", "Second, …"), or when another sentence
 * holds words of the question that the best one lacks, or when the next sentence gives the cause
 * a why question asks for or the adjacent one states the problem a "what's wrong with X" asks for.
 * At most three, in the abstract's order.
 */
import { cue, fitsMeasure } from "./cues.js";
import type { Passage } from "./passages.js";
import type { Question } from "./question.js";
import { matchKeys, mentions, type Word, words } from "./words.js";

export interface Scored {
  passage: Passage;
  /** The answer model's score (model.ts). */
  score: number;
  /** The question's focus words the passage holds. */
  covers: Word[];
}

const ANNOUNCES =
  /(?:\b(two|three|four|five|several|following)\b[^.]*\b(components?|parts|stages|steps|mechanisms|pillars|designs|modules|contributions|challenges|limitations|sources|categories|perspectives|objectives|policies|rewards|paths|insights|findings|levels|tasks)\b\s*[.:]?|:)\s*$|\b(consists? of|comprises?|follows? a (two|three|four|five)-stage)\b/i;
const ENUMERATED = /^(first(ly)?|second(ly)?|third(ly)?|then|next|finally|\(?(\d|i{1,3}|iv|v)\))[\s,]/i;

/**
 * "We attribute this to …", "These failures stem from …", "The main reason is …", "We show that
 * this behavior occurs because …", "In this paper, we argue that this failure stems from …": a
 * sentence that gives the cause of what the sentence before it states.
 */
const CAUSE_OF_PREVIOUS =
  /^(?:(?:however|moreover|further(?:more)?|notably|crucially|importantly),?\s+)?(?:in this (?:paper|work|study),?\s+)?(?:(?:we|our (?:\w+ )?(?:analysis|study|investigation|experiments?|results?)) (?:further |also |then )?(?:show|demonstrate|argue|find|hypothesi[sz]e|observe|believe|suspect|posit|reveal|suggest|identify|conjecture)s? that\s+)?(?:(?:we |our (?:\w+ )?(?:analysis|study|investigation|experiments?|results?) (?:\w+ )?)(?:attribute|trace)s? (?:this|these|that|it|them|the \w+)|(?:this|these|such|that|the) (?:\w+ ){0,3}(?:(?:(?:is|are|was|were|can be|may be|might be|could be) (?:largely |mainly |partly |primarily |mostly )?(?:because|due to|caused by|attributed to|explained by|rooted in))|(?:occurs?|happens?|arises?) (?:largely |mainly |partly |primarily |mostly )?(?:because|due to)|(?:stems?|arises?|results?|originates?) (?:largely |mainly |partly |primarily |mostly )?from)|the (?:main |key |primary |root |underlying )?(?:reason|cause)s? (?:is|are|lies|lie|being)\b)/i;

/**
 * Round 14 (held out 16): "This strategy maximizes the use of raw video while shielding the action
 * space from noise", "This design ensures …": a sentence saying what the choice stated just before
 * it is for; why the paper made that choice.
 */
const PURPOSE_OF_PREVIOUS =
  /^(?:(?:moreover|notably|crucially|importantly|in turn),?\s+)?(?:this|these|such) (?:[\w-]+ ){0,2}(?:ensures?|enables?|allows?|prevents?|avoids?|maximi[sz]es?|minimi[sz]es?|guarantees?|keeps?|preserves?|protects?|shields?|lets?|frees?|removes?|eliminates?|sidesteps?|bypass(?:es)?)\b/i;

/**
 * "Why would anyone care?", "why does this matter?", "why is it needed at all?": the importance
 * of the subject, which abstracts state first and then turn on ("However, …", "Despite …, …").
 */
const ASKS_WHY_IT_MATTERS =
  /\bwhy\b.*\b(?:care|cares|matters?|important|needed|necessary|worth it|worthwhile|bother)\b|\bwhy\b.*\bneed\b/;

/** "However, …", "Despite X, …", "Yet …": a sentence that turns on what the one before it states. */
const CONTRAST_OPENING =
  /^(?:however|but|yet|still|nevertheless|nonetheless|unfortunately)\b|^(?:despite|while|although|though) [^,]{0,120},/i;

/**
 * Round 15 (held out 17): "Existing LID tools often struggle to …", "Current methods fail …": the
 * fault of what exists, which turns on the importance stated before it as a "However" does.
 */
const OTHERS_FAULT_OPENING =
  /^(?:existing|current|prior|previous|conventional|traditional|standard|popular|most|many|today's) [^.]{0,100}?\b(?:struggles?|fails?|suffers?|lacks?|(?:is|are) (?:limited|insufficient|inadequate)|cannot|can not|falls? short)\b/i;

/** "Why does X fail?", "how come …": a question that asks for a cause. */
const ASKS_WHY = /^(?:and |so |but )?(?:why|how come)\b/;

/**
 * "However, these methods …", "But such interventions …", "While effective, this paradigm …",
 * "These fixed procedures …", "We show that this view fails": a sentence that turns to what is
 * wrong with what the sentence before it describes (a contrast, or a demonstrative taking it up).
 */
const TURNS_ON_PREVIOUS =
  /^(?:(?:however|but|yet|unfortunately|nevertheless|nonetheless|still)\b|(?:while|although|though|despite) [^,]{0,60},|(?:(?:in this (?:paper|work|study),?\s+)?we (?:show|argue|find|observe|identify|demonstrate|note) that\s+)?(?:these|this|such|those)\s|(?:in this (?:paper|work|study),?\s+)?we (?:identify|reveal|expose|uncover|find|show|highlight|point out) (?:\w+ ){0,3}(?:of|in|with) (?:these|such|those|this)\s)/i;

/**
 * "To address these issues, we propose …", "X, which addresses these limitations": a sentence
 * that takes up the problem the sentence before it states, to say what the paper does about it.
 */
const TAKES_UP_PROBLEM =
  /\b(?:address|tackle|overcome|solve|mitigate|alleviate|bridge|remedy|close|fill|resolve|circumvent)\w* (?:(?:these|this|such|those|both|the above|the aforementioned) (?:\w+ )?(?:issues?|problems?|challenges?|limitations?|gaps?|concerns?|difficulties|shortcomings?|bottlenecks?|drawbacks?|risks?|deficienc\w+|weakness(?:es)?)\b|(?:this|these|it|them)(?=\s+(?:by|through|via|with)\b|\s*[,.;]))/i;

/** "two-phase", "three-stage": a small number spelled out and joined to the noun it counts. */
const SPELLED_COMPOUND_COUNT =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-([a-z]{3,})\b/gi;

/** Nouns that count groups of things, not the things: "three groups of languages". */
const GROUPS =
  /^(?:groups?|kinds?|types?|families|family|categories|category|classes|sets?|clusters?|sorts?)$/;

const NUMBER_WORDS = /\b(?:one|a|an|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|of)\b/gi;

/** True when the passage has a number of the kind the question asks for. */
export function fitsMeasureOf(p: Passage, q: Question): boolean {
  return p.quantities.some((x) => fitsMeasure(x, q.measure));
}

/**
 * True when the passage counts what a "how many X" asks for: a number with the X right after it
 * ("292 test cases", "2,000 VQA instances") or just before it ("environments to a million scale").
 */
export function countsAsked(p: Passage, q: Question): boolean {
  // Round 14 (held out 18): "a two-phase diagnostic framework" counts phases in one compound word.
  for (const m of p.shown.matchAll(SPELLED_COMPOUND_COUNT)) {
    const noun = words(m[1] ?? "")[0];
    if (noun && q.asked.some((w) => w.stem === noun.stem || w.lower === noun.lower)) return true;
  }
  return p.quantities.some((x) => {
    const after = p.shown.slice(x.at, x.at + x.text.length + 60);
    const before = p.shown.slice(Math.max(0, x.at - 60), x.at);
    // The number's own words ("one million") do not use up the six words after it.
    const spelled = x.text.match(NUMBER_WORDS)?.length ?? 0;
    // "multiple agents … faces two key challenges": a number with a noun of its own counts that
    // noun, not a word before it.
    const ownNoun = x.noun.length > 3 && /[^s]s$/.test(x.noun);
    // Round 15 (held out 17): "three groups of related languages" counts groups, not languages.
    if (GROUPS.test(x.noun) && !q.asked.some((w) => GROUPS.test(w.lower))) return false;
    const near = matchKeys(
      `${ownNoun ? "" : before.split(/\s+/).slice(-6).join(" ")} ${after
        .split(/\s+/)
        .slice(0, 6 + spelled)
        .join(" ")}`,
    );
    return q.asked.some((w) => mentions(near, w));
  });
}

/**
 * `gap`: how far below the best score a second sentence may be and still complete a two-part
 * question (the answer model's `complementGap`).
 */
export function pickEvidence(
  all: readonly Scored[],
  best: Scored,
  q: Question,
  max: number,
  gap: number,
  asksProblem = false,
): Scored[] {
  const byIndex = [...all].sort((a, b) => a.passage.index - b.passage.index);
  const at = byIndex.indexOf(best);
  const chosen = [best];
  // A list: the announcing sentence and the enumerated ones after it.
  let start = at;
  if (ENUMERATED.test(best.passage.shown) && at > 0 && ANNOUNCES.test(byIndex[at - 1]?.passage.shown ?? ""))
    start = at - 1;
  if (ANNOUNCES.test(byIndex[start]?.passage.shown ?? "")) {
    for (let i = start; i < byIndex.length && chosen.length < max; i++) {
      const s = byIndex[i] as Scored;
      if (i > start && !ENUMERATED.test(s.passage.shown)) break;
      if (!chosen.includes(s)) chosen.push(s);
    }
  }
  // "Why do SNNs do poorly on point clouds?": the best sentence often states what is asked about
  // ("… they exhibit limited performance"); when the next one gives its cause ("We attribute this
  // to …"), the cause is the answer and the statement its context.
  const next = byIndex[at + 1];
  if (
    chosen.length === 1 &&
    ASKS_WHY.test(q.text) &&
    next?.passage.index === best.passage.index + 1 &&
    CAUSE_OF_PREVIOUS.test(next.passage.shown)
  )
    chosen.push(next);
  // "Why are the actions discretized?": the best sentence states the paper's choice ("we propose a
  // module that discretizes …"); when the next one says what it is for ("This strategy … while
  // shielding …"), that purpose is the answer, the choice its context.
  if (
    chosen.length === 1 &&
    ASKS_WHY.test(q.text) &&
    next?.passage.index === best.passage.index + 1 &&
    PURPOSE_OF_PREVIOUS.test(next.passage.shown) &&
    (cue("method", best.passage.shown) > 0 || cue("proposal", best.passage.shown) > 0)
  )
    chosen.push(next);
  // "What's wrong with activation steering?": the sentence that names X best often only describes
  // it ("Steering methods influence … by …"), and the fault follows ("While effective, such
  // interventions often induce …"); or the best one is the paper's answer to the fault ("To
  // address these issues, we propose …") and the fault comes just before. Either way the problem
  // sentence completes the answer; one that is not a problem statement (no problem cue) does not.
  const previous = byIndex[at - 1];
  if (chosen.length === 1 && asksProblem) {
    if (
      next?.passage.index === best.passage.index + 1 &&
      TURNS_ON_PREVIOUS.test(next.passage.shown) &&
      !TAKES_UP_PROBLEM.test(next.passage.shown) &&
      cue("problem", next.passage.shown) > 0
    )
      chosen.push(next);
    else if (
      previous?.passage.index === best.passage.index - 1 &&
      TAKES_UP_PROBLEM.test(best.passage.shown) &&
      cue("problem", previous.passage.shown) > 0
    )
      chosen.push(previous);
  }
  // "Why would anyone care, is training that expensive?": the best sentence is often the turn
  // ("Despite the availability of … at significant expense, a question remains …"); the
  // importance it turns on is the sentence before.
  if (
    chosen.length === 1 &&
    ASKS_WHY_IT_MATTERS.test(q.text) &&
    previous?.passage.index === best.passage.index - 1 &&
    (CONTRAST_OPENING.test(best.passage.shown) || OTHERS_FAULT_OPENING.test(best.passage.shown))
  )
    chosen.push(previous);
  if (chosen.length === 1 && /\band\b|,/.test(q.text)) {
    // A question of two parts ("how big is it and how accurate?"): another sentence that holds
    // every focus word the best one lacks.
    const have = new Set(best.covers.map((w) => w.stem));
    const lacking = q.focus.filter((w) => !have.has(w.stem));
    const complement = [...all]
      .filter((s) => s !== best && s.score >= best.score - gap && lacking.length > 0)
      .filter((s) => lacking.every((w) => s.covers.some((c) => c.stem === w.stem)))
      .sort((a, b) => b.score - a.score)[0];
    if (complement) chosen.push(complement);
  }
  return chosen.sort((a, b) => a.passage.index - b.passage.index).slice(0, max);
}
