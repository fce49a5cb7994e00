/**
 * What a sentence *does* in its abstract, beside its role: it reports an outcome ("X outperforms
 * …", "results show …", "+2.3 mIoU"), describes a step or mechanism ("we first …, then …", "X
 * consists of / computes …", "by …ing"), states a cause or reason ("because", "due to", "X is
 * critical for …", "this stems from"), criticises or states a limitation ("can dilute", "fails
 * to", "suffers from", "however"), or introduces the proposal ("we propose / introduce X").
 *
 * The roles model (src/roles/) says what part of the abstract a sentence belongs to; an act says
 * what its main clause asserts, which is what separates "We propose X, a router …" (a proposal)
 * from the next sentence "X scores each token and …" (the mechanism a "how does X work?" wants).
 * Two readings per act: whether the sentence carries it anywhere (0.5), and whether its main verb
 * does (1): the first act verb after any opening subordinate clause ("To address this, we
 * propose …", "By pruning …, we achieve …": the verb after the comma is the main one).
 *
 * The patterns are word lists of the genre (ML abstracts), not of any paper or question; what an
 * act is worth for each kind of question is fitted by the answer model (features.ts `act:*`).
 */
import type { Passage } from "./passages.js";

export const ACTS = ["outcome", "mechanism", "cause", "critique", "proposal"] as const;
export type Act = (typeof ACTS)[number];

/**
 * A verb that can be told from a noun of the same spelling ("models", "results", "training") only
 * by what stands before it: a subject, a modal, "to" or an adverb ("we train", "it can dilute",
 * "which then selects").
 */
const BEFORE_VERB = String.raw`(?:\b(?:we|they|it|which|that|to|and|then|also|can|may|might|could|would|will|often|tend to|tends to|further|first|consistently|significantly|substantially|largely|still|not|cannot|does not|do not|is|are|was|were|be|been)\s+(?:\w+ly\s+)?)`;

/** Verb forms standing alone (unambiguous as verbs) plus base forms after BEFORE_VERB. */
function verbs(alone: string, base: string): RegExp {
  return new RegExp(String.raw`\b(?:${alone})\b|${BEFORE_VERB}(?:${base})\w*`, "gi");
}

/** The verbs (and verb-like heads) that make an act of the main clause. */
const ACT_VERBS: Record<Act, RegExp> = {
  outcome: verbs(
    "(?:results?|experiments?|evaluations?|analys[ie]s|ablations?|studies|findings|we) (?:\\w+ )?(?:show|demonstrate|indicate|reveal|suggest|confirm|find)|outperform(?:s|ed)|surpass(?:es|ed)|exceed(?:s|ed)|achiev(?:es|ed)|attain(?:s|ed)|yield(?:s|ed)|deliver(?:s|ed)|improves|boost(?:s|ed)|reduces|increases|decreases|lowers|accelerates|speeds up|beats|matches|rivals|reach(?:es|ed)|obtain(?:s|ed)|sets? (?:a )?new|establishes|reveal(?:s|ed)|show(?:s|ed)|demonstrat(?:es|ed)|confirm(?:s|ed)|indicat(?:es|ed)|suggest(?:s|ed)|finds|found|observed|report(?:s|ed)|result(?:s|ed) in|leads to|led to|generaliz(?:es|ed)|scales|retains|preserves|remains? competitive",
    "outperform|surpass|exceed|achiev|attain|yield|improv|boost|reduc|increas|decreas|accelerat|match|reach|obtain|show|demonstrat|confirm|find|observ|report|generaliz|scal|retain|preserv|sav|halv|doubl|cut|lower",
  ),
  mechanism: verbs(
    "consists? of|compris(?:es|ed)|composed of|contains|computes|encodes|decodes|maps|projects|predicts|generates|selects|routes|assigns|aggregates|decomposes|estimates|samples|optimi[sz]es|minimi[sz]es|maximi[sz]es|learns|distills|prunes|quantizes|retrieves|ranks|filters|fuses|merges|combines|integrates|incorporates|replaces|injects|conditions|guides|refines|updates|reweights|masks|splits|partitions|clusters|aligns|calibrates|alternates|iterates|applies|uses|employs|leverages|adopts|exploits|treats|formulates|casts|reformulates|constructs|operates|processes|captures|extracts|relies on|is trained|are trained|first|then|subsequently",
    "consist|compris|comput|encod|decod|map|project|predict|generat|select|rout|assign|aggregat|decompos|estimat|sampl|optimi[sz]|minimi[sz]|maximi[sz]|learn|train|fine-tun|distill|prun|quantiz|retriev|rank|filter|fus|merg|combin|integrat|incorporat|replac|inject|condition|guid|refin|updat|reweight|mask|split|partition|cluster|align|calibrat|alternat|iterat|appl(?:y|ies|ied)|use|employ|leverag|adopt|exploit|treat|formulat|model|cast|construct|build|operat|process|captur|extract|perform|initializ|freez",
  ),
  cause:
    /\b(?:because|due to|owing to|stems? from|stemm\w+ from|aris\w+ from|caused by|causes|attribut\w+|explains?|explained by|driven by|rooted in|responsible for|critical for|crucial for|essential for|key to|necessary for|the (?:main |key |primary |underlying )?reasons?)\b/gi,
  critique: verbs(
    "fail(?:s|ed)|suffer(?:s|ed)?|struggl(?:es|ed)|lacks?|dilut(?:es|ed)|degrad(?:es|ed)|hurts|harms|ignores|overlooks?|overlooked|neglect(?:s|ed)|obscur(?:es|ed)|hinder(?:s|ed)|imped(?:es|ed)|limits|limited by|restricts|constrain(?:s|ed)|cannot|can not|unable|incur(?:s|red)|wastes|collaps(?:es|ed)|loses|lost|remains? (?:challenging|difficult|unclear|limited|open|underexplored|unexplored|costly|expensive)|(?:is|are) (?:often |still |largely |inherently )?(?:costly|expensive|prohibitive|inefficient|brittle|fragile|unreliable|insufficient|inadequate|suboptimal|redundant|limited|slow|difficult|hard|unclear|biased|noisy|unstable)|makes? (?:it |them )?(?:difficult|hard|impossible|costly|expensive|challenging|prone|vulnerable)",
    "fail|suffer|struggl|lack|dilut|degrad|hurt|harm|ignor|overlook|neglect|obscur|hinder|imped|limit|restrict|constrain|incur|wast|collaps|los|misalign|break|forget|overfit|conflat|confus|mislead",
  ),
  proposal:
    /\b(?:we (?:propose|present|introduce|develop|describe|contribute|design|build|release|construct|curate|put forward)|this (?:paper|work|study|article) (?:presents|proposes|introduces|develops|describes)|(?:we|this paper|this work) (?:aims?|seeks?|sets? out) to|in this (?:paper|work|study), we)\b/gi,
};

/** Signals an act carries beside its verbs. */
const ACT_EXTRAS: Partial<Record<Act, RegExp>> = {
  // "by 12%", "+2.3 mIoU", "3.1×", "from 41.2 to 55.0": a measured change.
  outcome:
    /\bby (?:up to |about |over |nearly |roughly )?\d[\d.,]*\s?(?:%|×|x\b|points?|pp)|[+−-]\d[\d.]*\s?(?:%|pp|points?|[A-Za-z]*(?:IoU|AP|F1|BLEU|Acc|FID))|\d[\d.]*\s?[×x]\s(?:faster|speed|fewer|less|more|higher|lower|smaller)|\bfrom \d[\d.]*%? to \d[\d.]*%?|\bstate-of-the-art (?:results?|performance|accuracy)|\b(?:results?|experiments?|evaluations?|analys[ie]s|ablations?) (?:show|demonstrate|indicate|reveal|suggest|confirm)/i,
  // "We first …", "…, then …", "by pruning …": steps.
  mechanism:
    /\b(?:we first|first,|then,?|finally,|specifically,|in particular,|by (?!up to|about|over|\d)\w+ing|via|through|consists? of|composed of|in which|where each|which (?:is|are) then)\b/i,
  // "…, since …" (not "since 2020"), "so that", "this is why".
  cause: /,\s*since (?!\d)|\bthis is why\b|\bwhich (?:explains|causes|leads)\b|\bas a result of\b/i,
  critique:
    /^(?:however|but|yet|unfortunately|nevertheless|despite|although|while)\b|\b(?:bottlenecks?|drawbacks?|shortcomings?|weakness(?:es)?|limitations?)\b/i,
};

/**
 * Openings of a subordinate clause: the main verb comes after the first comma ("To address this,
 * we propose …"; "Despite X, Y fails …"; "By combining A and B, we achieve …").
 */
const SUBORDINATE_OPENING =
  /^(?:to|in order to|by|while|although|though|despite|unlike|compared (?:to|with)|building (?:on|upon)|based on|motivated by|inspired by|given|when|if|as|after|before|since|through|using|with|for|in contrast to|instead of|beyond|however|moreover|furthermore|specifically|in particular|notably|importantly|finally|first|second|third|thus|therefore|consequently|additionally|in addition|to this end|in this (?:paper|work))\b/i;

export interface SentenceActs {
  /** Per act, in ACTS order: 1 when the main verb carries it, 0.5 when only the sentence does, else 0. */
  score: Float64Array;
}

/** Where the main clause starts: after an opening subordinate clause's comma (within 25 words). */
function mainClauseStart(s: string): number {
  if (!SUBORDINATE_OPENING.test(s)) return 0;
  const comma = s.indexOf(",");
  if (comma < 0) return 0;
  const words = s.slice(0, comma).split(/\s+/).length;
  return words <= 25 ? comma + 1 : 0;
}

/**
 * "LLMs have achieved remarkable success", "has shown promise": the present perfect of an outcome
 * verb is how an abstract praises its field (background), not how it reports its own finding.
 */
const PERFECT_BEFORE = /\b(?:have|has|had)\s+(?:\w+ly\s+)?$/i;

/** Where the first match at or after `from` starts (-1: none); outcomes in the perfect skipped. */
function firstAt(act: Act, s: string, from: number): number {
  const re = ACT_VERBS[act];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index < from) continue;
    if (act === "outcome" && PERFECT_BEFORE.test(s.slice(Math.max(0, m.index - 30), m.index))) continue;
    return m.index;
  }
  return -1;
}

/** The acts of one sentence (as displayed). */
export function sentenceActs(sentence: string): SentenceActs {
  const s = sentence.trim();
  const start = mainClauseStart(s);
  const score = new Float64Array(ACTS.length);
  let mainAct = -1;
  let mainAt = Number.POSITIVE_INFINITY;
  ACTS.forEach((act, a) => {
    const anywhere = firstAt(act, s, 0) >= 0 || (ACT_EXTRAS[act]?.test(s) ?? false);
    if (anywhere) score[a] = 0.5;
    const at = firstAt(act, s, start);
    // The proposal's "we propose" wins a tie with the verbs inside it.
    if (at >= 0 && (at < mainAt || (at === mainAt && act === "proposal"))) {
      mainAt = at;
      mainAct = a;
    }
  });
  if (mainAct >= 0) score[mainAct] = 1;
  return { score };
}

// A paper's passages are read once and kept (passages.ts): their acts are kept with them.
const cache = new WeakMap<Passage, SentenceActs>();

/** The acts of a passage, computed once per passage read. */
export function actsOf(p: Passage): SentenceActs {
  let acts = cache.get(p);
  if (!acts) {
    acts = sentenceActs(p.shown);
    cache.set(p, acts);
  }
  return acts;
}
