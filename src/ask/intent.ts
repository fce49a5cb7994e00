/**
 * What a question asks for, by patterns over its words. Order matters: "where is the code for the
 * method" asks for code, "how much better than the baseline" for results, so the narrow intents
 * are tried before the broad ones.
 */
export type Intent =
  | "code"
  | "limitations"
  | "quantity"
  | "results"
  | "datasets"
  | "reason"
  | "problem"
  | "method"
  | "proposal"
  | "other";

const PATTERNS: [Intent, RegExp][] = [
  [
    "code",
    /\b(code|github|gitlab|repo|repository|link|links|url|download|open[- ]?source|implementation available|released?|website|project page)\b/i,
  ],
  [
    "limitations",
    /\b(limitations?|limits?|weakness(es)?|drawbacks?|shortcomings?|caveats?|downsides?|fail(s|ures?)?|future work)\b/i,
  ],
  ["quantity", /\b(how (many|large|big|small|long|much data)|what (model )?sizes?|how \w+able)\b/i],
  [
    "method",
    /^(how (does|do|did|is|are) (it|they|the|this|\w+) (work|improve|handle|achieve|ensure|train|learn|do|avoid|reduce|make|use)\w*)\b/i,
  ],
  [
    "results",
    /\b(results?|how (much|well|good|fast|accurate)|better|faster|improve(s|d|ment)?|outperform\w*|accuracy|performance|gains?|speed-?ups?|compare[sd]?|comparison|state[- ]of[- ]the[- ]art|sota|numbers?|scores?|findings?|effective)\b/i,
  ],
  [
    "datasets",
    /\b(datasets?|benchmarks?|corpus|corpora|evaluated on|tested on|test(ed)? sets?|which data|what data|training data)\b/i,
  ],
  ["reason", /^why\b/i],
  [
    "problem",
    /\b(problem|motivation|motivated?|why|challenges?|issues?|gap|address(es)?|solve[sd]?|tackles?)\b/i,
  ],
  [
    "method",
    /\b(how (does|do|is|are|did)|how it works|method|approach|architecture|algorithm|technique|mechanism|pipeline|works?)\b/i,
  ],
  [
    "proposal",
    /\b(propose[sd]?|proposal|contributions?|introduce[sd]?|main idea|about|summar(y|ize)|present(s|ed)?|what is (it|this)|what does (it|this|the paper)|tl;?dr)\b/i,
  ],
];

export function questionIntent(question: string): Intent {
  for (const [intent, pattern] of PATTERNS) if (pattern.test(question)) return intent;
  return "other";
}

/** Phrases a sentence that answers the intent tends to hold. */
export const CUES: Record<Intent, RegExp | null> = {
  code: /https?:\/\/|\bgithub\b|\bcode\b|\bavailable at\b|\breleased?\b|\bopen[- ]?source\b/i,
  limitations:
    /\b(limitations?|drawbacks?|shortcomings?|future work|do(es)? not (yet )?(scale|generalize|handle|support)|cannot|fails? to|remains? (an )?open|not yet|we leave)\b/i,
  datasets: /\b(datasets?|benchmarks?|corpus|corpora|evaluat\w+ on|experiments? on|tested on|suites?)\b/i,
  results:
    /\d+(\.\d+)?\s*(%|x\b|×|points?|pp\b|times)|\b(outperform\w*|improv\w+|achiev\w+|surpass\w*|faster|better|state[- ]of[- ]the[- ]art|reduc\w+|gains?|speed-?ups?|accuracy|exceed\w*|beats?|matches|comparable)\b/i,
  problem:
    /\b(however|challeng\w+|problems?|limited|suffers?|lacks?|remains?|difficult|costly|expensive|bottlenecks?|gap|issues?|struggle\w*|hinder\w*|despite|fail\w*|prohibitive|unclear|overlook\w*)\b/i,
  method:
    /\b(we (use|design|leverage|employ|train|build|formulate|adopt|introduce|apply|model)|by (using|introducing|leveraging|combining|learning|treating)|consists? of|based on|specifically|module|mechanism|first\b.*\bthen|via|through)\b/i,
  proposal:
    /\b(we (propose|present|introduce|develop|describe|study)|this (paper|work|thesis) (presents|proposes|introduces|studies)|in this (paper|work)|we call|named|dubbed|is a (new|novel))\b/i,
  quantity: /\d/,
  reason: /\b(because|due to|attribut\w+|since|caused by|stems? from|reasons?|explained by|as a result)\b/i,
  other: null,
};

export const INTENT_WORDS: Record<Intent, string> = {
  code: "where its code or links are",
  limitations: "what its limitations are",
  datasets: "which datasets or benchmarks it uses",
  results: "what results it reports",
  quantity: "how many or how much",
  reason: "why",
  problem: "what problem it addresses",
  method: "how the method works",
  proposal: "what it proposes",
  other: "this",
};
