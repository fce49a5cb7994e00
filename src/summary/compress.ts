/**
 * Sentence compression for the TL;DR: named, independent rewrites of one sentence. Which of them
 * run is decided by the fitting script (scripts/fit-tldr.ts keeps a rule only when it raises ROUGE
 * on the training data) and recorded in tldr-weights.json, so no rule here is applied on faith.
 */

export type CompressionRule = (sentence: string) => string;

// "In this paper, we ..." → "we ...". The subject that follows is kept.
const LEAD_IN =
  /^(?:in|within|throughout) (?:this|the present|our) (?:paper|work|study|article|report|note|submission|manuscript)\s*,?\s*/i;
const HERE = /^(?:here|herein|thus|therefore|hence)\s*,\s*|^here\s+(?=we\b)/i;
// Discourse connectives that tie the sentence to the previous one.
const CONNECTIVE =
  /^(?:however|moreover|furthermore|additionally|in addition|specifically|in particular|consequently|finally|first|second|third|lastly|to this end|to that end|in response|in light of (?:this|these)|to (?:address|tackle|solve|bridge|close|fill|overcome|mitigate|alleviate|remedy|resolve|handle|lift) (?:this|these|that|those|such|the|both)(?: \w+){0,3}|motivated by (?:this|these)(?: \w+){0,3}|building (?:up)?on (?:this|these|that|them|it)(?: \w+){0,3}|based on (?:this|these|that)(?: \w+){0,3}|inspired by (?:this|these)(?: \w+){0,3}|as a result|in contrast|instead|overall|empirically|experimentally|theoretically|concretely|in summary|in short|in this regard)\s*,\s*/i;
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
// A parenthetical aside: acronyms, citations, examples. Kept when it holds a result number.
const PARENTHETICAL = /\s*\((?![^()]*\d\s*%)[^()]{0,120}\)/g;
const BRACKET_CITATION = /\s*\[[\d,\s–-]+\]/g;

function capitalize(s: string): string {
  return s.replace(/^\s*(\p{Ll})/u, (_m, c: string) => c.toUpperCase());
}

export const COMPRESSION_RULES: Record<string, CompressionRule> = {
  "lead-in": (s) => capitalize(s.replace(LEAD_IN, "").replace(HERE, "")),
  connective: (s) => {
    // "However, to address this, we ..." stacks connectives: peel up to three.
    let out = s;
    for (let k = 0; k < 3 && CONNECTIVE.test(out); k++) out = out.replace(CONNECTIVE, "");
    return capitalize(out);
  },
  "this-paper": (s) =>
    s.replace(THIS_PAPER, (_m, verb: string) => `We ${PAPER_VERBS[verb.toLowerCase()] ?? verb}`),
  parenthetical: (s) => s.replace(PARENTHETICAL, "").replace(BRACKET_CITATION, ""),
  "which-tail": (s) => s.replace(/,\s+(?:which|thereby|thus)\b[^,;]*[.!?]?$/i, "."),
  "semicolon-tail": (s) => s.replace(/;\s[^;]*$/, "."),
  "colon-tail": (s) => (/^[^:]{40,}:\s/.test(s) ? s.replace(/:\s.*$/, ".") : s),
};

/** Applies the named rules in the given order; unknown names are ignored. */
export function compress(sentence: string, rules: readonly string[]): string {
  let out = sentence;
  for (const name of rules) {
    const rule = COMPRESSION_RULES[name];
    if (rule)
      out = rule(out)
        .replace(/\s+([,.;:])/g, "$1")
        .trim();
  }
  return out;
}
