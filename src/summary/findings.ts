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

// "Experiments show …", "we find that …", "results reveal …": the sentence reports an outcome.
const REPORTING =
  /\b(?:demonstrat\w*|show(?:s|ed|n|ing)?|reveal\w*|indicat\w*|suggest\w*|find|finds|found|observe[ds]?|confirm\w*|validat\w*|verif(?:y|ies|ied)|uncover\w*|establish(?:es|ed)?)\b/i;
// What an outcome says: a comparison or an effect.
const OUTCOME =
  /\b(?:outperform\w*|surpass\w*|exceed\w*|beat[s]?|improv\w*|match(?:es|ed)?|achiev\w*|yield\w*|deliver\w*|preserv\w*|reduc\w*|enhanc\w*|generaliz\w*|struggl\w*|fail\w*|degrad\w*|superior|better|worse|competitive|state-of-the-art|sota|gains?|trade-off|effective(?:ness)?|robust(?:ness)?)\b/i;
// Where the evidence comes from.
const EVIDENCE =
  /\b(?:experiments?|experimental|results?|evaluations?|empirical(?:ly)?|analys[ie]s|findings?|benchmarks?|studies)\b/i;
// "We propose / introduce / present …": the proposal, said by the TL;DR, not a finding.
const PROPOSAL =
  /^(?:(?:in|within) this (?:paper|work|study),?\s+)?(?:we|this (?:paper|work|study))\s+(?:\w+\s+)?(?:propose|introduce|present|design|develop|build|construct|describe|formulate|release|curate|create)s?\b/i;
// "Code is available at …", "We will release …": a promise, never a finding.
const PROMISE =
  /https?:\/\/|\bgithub\.com\b|\b(?:will be|is|are) (?:publicly )?(?:available|released)\b|\bwe (?:will )?(?:release|open-source|make)\b/i;
// A sentence that continues the one before it ("And …", "But …") is a fragment lifted alone.
const CONTINUES = /^["'(]*(?:and|but|or|so|nor)\s/i;
// A subject that points back ("This indicates …", "They are …"): the reader never saw what "this" is.
const BACK_POINTING_SUBJECT =
  /^(?:this|these|those|such|it|they)\b(?!\s+(?:paper|work|study|article|report|thesis|survey)\b)/i;

/** Weights of the finding score: roles are probabilities, cues 0/1. */
export interface FindingSettings {
  /** A sentence is shown only at or above this score. */
  threshold: number;
  weights: Record<
    "result" | "reporting" | "outcome" | "evidence" | "proposal" | "method" | "background",
    number
  >;
}

export const FINDING_SETTINGS: FindingSettings = {
  threshold: 0.6,
  weights: {
    result: 1,
    reporting: 0.15,
    outcome: 0.15,
    evidence: 0.1,
    proposal: -0.4,
    method: 0,
    background: 0,
  },
};

const p = (r: SentenceRole, role: Role) => r.p[ROLES.indexOf(role)] as number;

/** How much the sentence reads as a finding; -Infinity for what never is one. */
export function findingScore(sentence: string, role: SentenceRole, settings = FINDING_SETTINGS): number {
  if (PROMISE.test(sentence) || CONTINUES.test(sentence.trim())) return Number.NEGATIVE_INFINITY;
  const w = settings.weights;
  return (
    w.result * p(role, "result") +
    w.method * p(role, "method") +
    w.background * p(role, "background") +
    (REPORTING.test(sentence) ? w.reporting : 0) +
    (OUTCOME.test(sentence) ? w.outcome : 0) +
    (EVIDENCE.test(sentence) ? w.evidence : 0) +
    (PROPOSAL.test(sentence) ? w.proposal : 0)
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
  const shown = safeFinish(standAlone(sentence, context), MAX_FINDING_WORDS);
  if (!shown || wordCount(shown) < MIN_FINDING_WORDS || BACK_POINTING_SUBJECT.test(shown)) return null;
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
