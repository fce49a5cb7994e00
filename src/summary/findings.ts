/**
 * Findings: the paper's main outcome stated in words, for abstracts that report no measured number
 * ("Extensive experiments validate that AdaSpa delivers substantial acceleration across various
 * models while preserving video quality"). Shown only when the abstract has no numeric key result
 * (key-results.ts), so a reader of a paper without numbers still sees what it found.
 *
 * A sentence is a finding by the sentence-role model's probability that it reports a result
 * (src/roles, fitted on CSAbstruct) plus general cues of reporting and outcome ("experiments show",
 * "outperforms", "reveals"), less cues of what is not a finding (a proposal, a promise of code, a
 * link). Nothing is shown unless a sentence clears a threshold chosen on the findings gold's dev
 * split (test/fixtures/eval/findings-gold.json; docs/summaries.md): a wrong "finding" is worse
 * than none. Each finding stands alone and is cut only where safe, exactly like a numeric result.
 */
import { ROLES, type Role } from "../roles/model.js";
import { type SentenceRole, sentenceRoles } from "../roles/roles.js";
import { type RewriteContext, standAlone } from "./compress.js";
import { safeFinish } from "./length.js";
import { contentStems, stems, wordCount } from "./tokens.js";

/** At most this many findings are shown: the one or two sentences that say what the paper found. */
export const MAX_FINDINGS = 2;
const MAX_FINDING_WORDS = 40;
const MIN_FINDING_WORDS = 8;

// "Experiments show …", "results reveal …": the sentence reports an outcome.
const REPORTING =
  /\b(?:demonstrat\w*|show(?:s|ed|n|ing)?|reveal\w*|indicat\w*|suggest\w*|find|finds|found|observe[ds]?|confirm\w*|validat\w*|verif(?:y|ies|ied)|uncover\w*|establish(?:es|ed)?|prove[ds]?|proving)\b/i;
// "we find that …", "experiments demonstrate that …": what follows is the finding itself.
const REPORTING_THAT =
  /\b(?:demonstrat\w*|show(?:s|ed|n)?|reveal\w*|indicat\w*|suggest\w*|find|finds|found|observe[ds]?|confirm\w*|validat\w*|verif(?:y|ies|ied)|uncover\w*|prove[ds]?|proving)\s+(?:\w+\s+){0,2}?that\b/i;
// What an outcome says: a comparison or an effect.
const OUTCOME =
  /\b(?:outperform\w*|surpass\w*|exceed\w*|beat[s]?|improv\w*|match(?:es|ed)?|achiev\w*|yield\w*|deliver\w*|preserv\w*|reduc\w*|increas\w*|decreas\w*|enhanc\w*|generaliz\w*|struggl\w*|fail\w*|degrad\w*|superior|better|worse|lower|higher|poor|competitive|state-of-the-art|sota|gains?|trade-off|effective(?:ness|ly)?|robust(?:ness)?|led to)\b/i;
// Where the evidence comes from.
const EVIDENCE =
  /\b(?:experiments?|experimental|results?|evaluations?|empirical(?:ly)?|analys[ie]s|findings?|benchmarks?|studies)\b/i;
// "We propose / introduce / present …": the proposal, said by the TL;DR, not a finding.
const PROPOSAL =
  /^(?:(?:in|within) this (?:paper|work|study),?\s+)?(?:we|this (?:paper|work|study))\s+(?:\w+\s+)?(?:propose|introduce|present|design|develop|build|construct|describe|formulate|release|curate|create)s?\b/i;
// "We evaluate …", "we develop tools …", "we complement our results with analysis …": what the
// authors did, not what they found (unless a finding follows, which the outcome cues then carry).
const WE_DID =
  /^(?:[^;:.]{0,160}?,\s+)?we\s+(?:\w+ly\s+)?(?:develop|experiment|investigate|analy[sz]e|provide|complement|evaluate|study|explore|examine|apply|use|leverage|employ|conduct|train|test|validate|design|describe|focus|strive|synthesize|call|construct|build|curate|collect|introduce|present|propose|discuss|outline|formalize|instantiate|extend|model|record)\b/i;
// What the work is for rather than what it found: "paves the way for …", "provides a testbed …",
// "opens a new avenue …", "we hope …".
const IMPACT =
  /\b(?:pave[sd]? the way|opens? (?:up )?(?:a |the )?(?:new )?(?:avenue|possibilit\w*|door|direction)|provides? (?:a|an) (?:\w+\s+){0,5}?(?:solution|testbed|foundation|perspective|tool|resource|platform|benchmark|methodology|framework)|facilitat\w* (?:future|further|the community|research)|encourag\w* further|we hope|may be of (?:independent )?interest|future research|for future|we believe|call for|aims? to)\b/i;
// "Code is available at …", "We will release …": a promise, never a finding.
const PROMISE =
  /https?:\/\/|\bgithub\.com\b|\b(?:will be|is|are|made) (?:publicly |freely |openly )?(?:available|released)\b|\bwe (?:will |plan to )?(?:release|open-source|make)\b/i;
// A sentence that continues the one before it ("And …", "But …") is a fragment lifted alone.
const CONTINUES = /^["'(]*(?:and|but|or|so|nor)\s/i;
// A subject that points back ("This indicates …", "They are …"), or an opening that ties the
// sentence to the one before without a comma to peel ("Thus in our experiments, …", "In contrast to
// previous findings, …"): the reader never saw what it points at.
const POINTS_BACK =
  /^(?:(?:this|these|those|such|it|they)\b(?!\s+(?:paper|work|study|article|report|thesis|survey)\b)|(?:thus|hence|therefore|consequently|accordingly|then|also|moreover|furthermore|however|additionally|finally|next|similarly|likewise|conversely|instead|in contrast|by contrast|in particular|specifically|as a result)\b)/i;

const CONTRAST_LEAD = /^(?:conversely|in contrast|by contrast|on the other hand),\s+/i;

/** The finding score's settings: roles are probabilities, cues 0/1. */
export interface FindingSettings {
  /** A sentence is shown only at or above this score. */
  threshold: number;
  weights: Record<
    "result" | "reporting" | "reportingThat" | "outcome" | "evidence" | "proposal" | "weDid" | "impact",
    number
  >;
}

export const FINDING_SETTINGS: FindingSettings = {
  threshold: 0.75,
  weights: {
    result: 1,
    reporting: 0.1,
    reportingThat: 0.3,
    outcome: 0.2,
    evidence: 0.1,
    proposal: -0.4,
    weDid: -0.3,
    impact: -0.5,
  },
};

const p = (r: SentenceRole, role: Role) => r.p[ROLES.indexOf(role)] as number;

/** How much the sentence reads as a finding; -Infinity for what never is one. */
export function findingScore(sentence: string, role: SentenceRole, settings = FINDING_SETTINGS): number {
  if (PROMISE.test(sentence) || CONTINUES.test(sentence.trim())) return Number.NEGATIVE_INFINITY;
  const w = settings.weights;
  const reportsThat = REPORTING_THAT.test(sentence);
  return (
    w.result * p(role, "result") +
    (reportsThat ? w.reportingThat : REPORTING.test(sentence) ? w.reporting : 0) +
    (OUTCOME.test(sentence) ? w.outcome : 0) +
    (EVIDENCE.test(sentence) ? w.evidence : 0) +
    (PROPOSAL.test(sentence) ? w.proposal : !reportsThat && WE_DID.test(sentence) ? w.weDid : 0) +
    (IMPACT.test(sentence) ? w.impact : 0)
  );
}

/** True when most of `text`'s content words are already in `shown`. */
function repeats(shown: string, text: string): boolean {
  const have = new Set(contentStems(stems(shown)));
  const words = [...new Set(contentStems(stems(text)))];
  if (words.length === 0) return true;
  return words.filter((w) => have.has(w)).length / words.length >= 0.8;
}

/** The shown form of a finding sentence, or null when it cannot stand alone or be cut safely. */
function findingText(sentence: string, context: RewriteContext): string | null {
  // "Conversely, key step coverage aligns with performance": the contrast is with a finding the
  // reader may not see; the finding itself stands without its connective.
  const alone = standAlone(sentence, context)
    .replace(CONTRAST_LEAD, "")
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  const shown = safeFinish(alone, MAX_FINDING_WORDS);
  if (!shown || wordCount(shown) < MIN_FINDING_WORDS || POINTS_BACK.test(shown)) return null;
  return shown;
}

export interface FindingOptions {
  /** The TL;DR shown above: a finding that repeats it is left out. */
  tldr?: string;
  /** Sentences the TL;DR was made from: never a finding. */
  exclude?: readonly number[];
  context?: RewriteContext;
  /** The sentences' roles, when the caller has them already. */
  roles?: readonly SentenceRole[];
  settings?: FindingSettings;
}

/** Up to two finding sentences, in abstract order; [] when no sentence is confidently a finding. */
export function findings(sentences: readonly string[], options: FindingOptions = {}): string[] {
  if (sentences.length === 0) return [];
  const settings = options.settings ?? FINDING_SETTINGS;
  const context = options.context ?? { name: null };
  const roles = options.roles ?? sentenceRoles(sentences);
  const ranked = sentences
    .map((s, i) => ({ i, score: findingScore(s, roles[i] as SentenceRole, settings) }))
    .filter((c) => c.score >= settings.threshold && !options.exclude?.includes(c.i))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen: { i: number; text: string }[] = [];
  for (const { i } of ranked) {
    if (chosen.length >= MAX_FINDINGS) break;
    const text = findingText(sentences[i] as string, context);
    if (!text) continue;
    if (options.tldr && repeats(options.tldr, text)) continue;
    if (chosen.some((c) => repeats(c.text, text) || repeats(text, c.text))) continue;
    chosen.push({ i, text });
  }
  return chosen.sort((a, b) => a.i - b.i).map((c) => c.text);
}
