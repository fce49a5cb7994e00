/**
 * Sentence rewrites for the TL;DR and key results: named, independent rewrites of one sentence.
 *
 * Two kinds. The REQUIRED ones make a sentence stand on its own, lifted out of its abstract: no
 * opening that points back at a sentence the reader never saw ("To investigate this question,",
 * "Then,", "We further"), no citation and no preposition a removed citation leaves open
 * ("proposed by [18]"), no "It" or "This approach" as the subject. They always run, first.
 * The others only shorten; which of them run is decided by the fitting script
 * (scripts/fit-tldr.ts keeps a rule only when it raises ROUGE on the training data) and recorded in
 * tldr-weights.json, so no shortening rule is applied on faith.
 */

export interface RewriteContext {
  /** The system the title names ("DASH"), to stand in for "It" / "This approach"; null if none. */
  name: string | null;
}

export type CompressionRule = (sentence: string, context: RewriteContext) => string;

// "In this paper, we ..." → "we ...". The subject that follows is kept.
const LEAD_IN =
  /^(?:in|within|throughout) (?:this|the present|our) (?:paper|work|study|article|report|note|submission|manuscript)\s*,?\s*/i;
const HERE = /^(?:here|herein)\s*,\s*|^here\s+(?=we\b)/i;
// Discourse connectives that tie the sentence to the one before it.
const CONNECTIVE =
  /^(?:however|moreover|furthermore|additionally|in addition|specifically|in particular|particularly|consequently|finally|first(?:ly)?|second(?:ly)?|third(?:ly)?|lastly|next|then|thus|therefore|hence|also|besides|meanwhile|nevertheless|nonetheless|accordingly|similarly|likewise|instead|otherwise|most notably|more importantly|most importantly|importantly|notably|crucially|interestingly|surprisingly|remarkably|as such|as a result|as a consequence|in contrast|by contrast|on the other hand|in response|in summary|in short|overall|to this end|to that end|to do so|to do this|for this purpose|in this way|in doing so|by doing so|with this|in this regard|empirically|experimentally|theoretically|concretely|unfortunately|fortunately)\s*(?:,\s*|\s+(?=we\b))/i;
// An opening clause that points back ("To address this issue,", "Leveraging these findings,",
// "In contrast to these approaches,", "Building on this,"), up to the subject "we"/"our".
const BACKWARD_CLAUSE =
  /^(?=[^,.;:]{0,140}?\b(?:this|these|those|such|them|their|its|that end|(?:bridge|close|fill|address|tackle|solve|overcome|mitigate|alleviate|remedy|resolve|fix) the (?:\w+ )?(?:gap|gaps|issue|issues|problem|problems|challenge|challenges|limitation|limitations|shortcoming|shortcomings|bottleneck|bottlenecks|drawback|drawbacks))\b)[^,.;:]{1,140}?(?:,\s*|\s+(?=we\b))(?=(?:[^,.;:]{0,60}?\s)?(?:we|our|this (?:paper|work|study|article))\b)/i;
// "We further/also/then propose" → "We propose".
const WE_ADVERB =
  /^(we)\s+(?:further|also|then|additionally|now|next|finally|subsequently|again|thus|therefore|hence|moreover|furthermore|consequently|accordingly|similarly|likewise|instead|first|second|lastly)\s+(?=\p{Ll})/iu;
// A pronoun or back-pointing subject before a verb: "It achieves 98.5% …", "This approach yields …".
// A bare "It" only before a verb of results: "It is known that …" is not about the method.
const RESULT_VERB =
  "(?:also\\s+|further\\s+|then\\s+|consistently\\s+|significantly\\s+|substantially\\s+)?(?:achieves|reaches|attains|obtains|outperforms|surpasses|improves|reduces|yields|delivers|matches|sets|establishes|exceeds|beats|cuts|lowers|boosts|accelerates|speeds up|runs|brings|gives|offers|saves|compresses|retains|preserves|recovers|trains|converges)\\b";
const BACK_SUBJECT = new RegExp(
  `^(?:(?:it|this)(?=\\s+(?:${RESULT_VERB}|enables|allows))|(?:this|such an?|such) (?:approach|method|model|framework|system|technique|algorithm|architecture|design|scheme|strategy|pipeline|procedure|resulting model)(?=\\s+(?:${RESULT_VERB}|is|has|enables|allows|requires|uses|provides|shows|demonstrates|generalizes|remains|leads|scales|performs|gives|brings|increases|decreases)))`,
  "i",
);
// "This paper proposes X" → "We propose X": the golds and readers prefer the plain first person.
const PAPER_VERBS: Record<string, string> = {
  propos: "propose",
  present: "present",
  introduc: "introduce",
  describ: "describe",
  develop: "develop",
  stud: "study",
  investigat: "investigate",
  explor: "explore",
  show: "show",
  demonstrat: "demonstrate",
  address: "address",
  consider: "consider",
  tackl: "tackle",
  focus: "focus on",
  examin: "examine",
  analyz: "analyze",
  analys: "analyse",
  provid: "provide",
  report: "report",
  offer: "offer",
  formulat: "formulate",
  design: "design",
};
const THIS_PAPER = new RegExp(
  `^(?:this|the present|our) (?:paper|work|study|article|submission|manuscript) (${Object.keys(PAPER_VERBS).join("|")})(?:ies|es|e|s|ed)?(?: on)?\\b`,
  "i",
);
// Citations: "[18]", "[3, 4]", "(Tsipras et al., 2019)", "(Kingma & Welling 2013, Rezende et al. 2014)".
const BRACKET_CITATION = /\s*\[[\d,\s–-]+\]/g;
const AUTHOR_YEAR_CITATION =
  /\s*\((?:see |e\.g\.,? |cf\.,? )?\p{Lu}[^()]{0,150}?\b(?:19|20)\d\d[a-z]?(?:[;,][^()]{0,150}?\b(?:19|20)\d\d[a-z]?)*\)/gu;
const CITED = "\uE010";
// A phrase whose object was the citation: "…loss, proposed by [18]." → "…loss."
const CITING_PHRASE = new RegExp(
  `(?:,\\s*)?(?:\\b\\p{L}+(?:ed|en)\\s+)?\\b(?:by|in|from|following|of|see|to|as in)\\s*${CITED}`,
  "giu",
);
// A parenthetical aside: acronyms, citations, examples. Kept when it holds a result number, and
// when it is the object of a preposition ("proposed by (…)"), which would be left open.
// "O(n log n)" is notation, not an aside: an aside has a space before its bracket.
const PARENTHETICAL =
  /(?<!\b(?:by|in|of|from|as|than|to|with|on|at|for|see|via))\s+\((?![^()]*\d\s*%)[^()]{0,120}\)/gi;

function capitalize(s: string): string {
  return s.replace(/^(["'“‘(]*)(\p{Ll})/u, (_m, lead: string, c: string) => `${lead}${c.toUpperCase()}`);
}

function repeatRule(re: RegExp, times: number): (s: string) => string {
  return (s) => {
    let out = s;
    for (let k = 0; k < times && re.test(out); k++) out = out.replace(re, "");
    return out;
  };
}

const peelConnectives = repeatRule(CONNECTIVE, 3);

export const COMPRESSION_RULES: Record<string, CompressionRule> = {
  // Required: a sentence that stands on its own.
  citations: (s) =>
    s
      .replace(BRACKET_CITATION, CITED)
      .replace(AUTHOR_YEAR_CITATION, CITED)
      .replace(CITING_PHRASE, "")
      .replaceAll(CITED, ""),
  // "And even 3-6% of heads can be skipped." continues the sentence before it: the "And" goes.
  connective: (s) => capitalize(peelConnectives(s).replace(/^(?:and|and so|and thus)\s+(?=\p{L})/iu, "")),
  "backward-clause": (s) => {
    // "However, to address this, we …": connectives and back-pointing clauses stack.
    let out = s;
    for (let k = 0; k < 3; k++) {
      const next = peelConnectives(out.replace(BACKWARD_CLAUSE, ""));
      if (next === out) break;
      out = next;
    }
    return capitalize(out);
  },
  "we-adverb": (s) => s.replace(WE_ADVERB, "$1 "),
  "back-subject": (s, context) =>
    s.replace(BACK_SUBJECT, (subject) => {
      if (context.name) return context.name;
      const noun = subject.split(" ").pop() as string;
      return /^(?:it|this)$/i.test(subject) ? "Our method" : `Our ${noun}`;
    }),
  // Fitted: shorter sentences.
  "lead-in": (s) => capitalize(s.replace(LEAD_IN, "").replace(HERE, "")),
  "this-paper": (s) =>
    s.replace(THIS_PAPER, (_m, verb: string) => `We ${PAPER_VERBS[verb.toLowerCase()] ?? verb}`),
  parenthetical: (s) => s.replace(PARENTHETICAL, ""),
  // "a new model, called FooNet, that …" → "a new model FooNet that …".
  called: (s) =>
    s.replace(/,?\s+(?:called|dubbed|named|termed|coined)\s+([^\s,]+(?:\s[^\s,]+){0,3}),?/gi, " $1"),
  // "To provide more signal without a teacher, we propose A²D …" → "We propose A²D …".
  fronted: (s) =>
    capitalize(
      s.replace(
        /^(?:to|in order to|by|through|using|leveraging|inspired by|motivated by|based on|building on|unlike|compared (?:to|with)|given|for|with|while|whereas|although|though|since|as|despite|in)\b[^,;:]{3,140},\s+(?=(?:we|our)\b)/i,
        "",
      ),
    ),
  "which-tail": (s) => s.replace(/,\s+(?:which|thereby|thus)\b[^,;()]*[.!?]?$/i, "."),
  "semicolon-tail": (s) => (/\([^)]*;/.test(s) ? s : s.replace(/;\s[^;]*$/, ".")),
  "colon-tail": (s) => (/^[^:()]{40,}:\s/.test(s) ? s.replace(/:\s.*$/, ".") : s),
};

/** The rules every shown sentence goes through, in this order, before the fitted ones. */
export const REQUIRED_RULES = [
  "citations",
  "lead-in",
  "backward-clause",
  "connective",
  "we-adverb",
  "back-subject",
];

/** The rules the fitting script may choose among. */
export const OPTIONAL_RULES = Object.keys(COMPRESSION_RULES).filter((r) => !REQUIRED_RULES.includes(r));

function applyRule(name: string, sentence: string, context: RewriteContext): string {
  const rule = COMPRESSION_RULES[name];
  if (!rule) return sentence;
  return rule(sentence, context)
    .replace(/\s+([,.;:])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** The required rewrites only: the sentence made to stand on its own. */
export function standAlone(sentence: string, context: RewriteContext = { name: null }): string {
  let out = sentence;
  for (const name of REQUIRED_RULES) out = applyRule(name, out, context);
  return out;
}

/** The required rewrites, then the named optional rules in the given order; unknown names are ignored. */
export function compress(
  sentence: string,
  rules: readonly string[],
  context: RewriteContext = { name: null },
): string {
  let out = standAlone(sentence, context);
  for (const name of rules) if (!REQUIRED_RULES.includes(name)) out = applyRule(name, out, context);
  return out;
}
