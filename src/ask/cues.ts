/**
 * What a sentence of an abstract holds that answers each kind of question: cue phrases per intent,
 * numbers that are quantities (with a unit or a comparison: "3.1×", "+2.3 mIoU", "90%",
 * "8 GPUs"; never the digits of a name such as "Qwen3-8B", "MobileNet v2" or a title's "K2.5"),
 * and named evaluation data ("on MMSU, MMAU, and MMAR").
 */
import type { Intent } from "./intent.js";
import type { Measure } from "./question.js";

export const CUES: Record<Intent, RegExp> = {
  proposal:
    /\b(we (propose(?! to)|present|introduce|develop|describe|study|investigate|revisit|advocate|build|construct|design)|this (paper|work|thesis|study) (presents|proposes|introduces|studies|develops|provides)|in this (paper|work|study|thesis)|we call|named|dubbed|termed|(it|this (paper|work|article)) aims to|we attempt to|we summarize)\b/i,
  // Negative evaluation: what a sentence stating a problem says of the state of things.
  problem:
    /\b(however|but|yet|despite|incurs?|suboptimal|unreliable|burden\w*|inadequate|insufficient|poor\w*|redundan\w+|quadratic|rely on|relies on|limitations?|weakness(es)?|challeng\w+|limited|suffers?|lacks?|lacking|remains?|difficult\w*|costly|expensive|bottlenecks?|gap|issues?|struggle\w*|hinder\w*|fail\w*|prohibitive\w*|unclear|overlook\w*|inefficien\w+|unexplored|underexplored|understudied|misalign\w*|brittle|fragile|mismatch\w*|unfavorable|undesirable|opaque|sensitive to|neglect\w*|ignor(e|es|ed|ing)|miss(es|ing)?|constrain\w*|restrict\w*|imped\w+|degrad\w+|collapse\w*|noisy|biased|error-prone|labor-intensive|imbalanc\w+|dominat\w+|stagnat\w+|distort\w*|inaccura\w+|unstable|instabilit\w+|vulnerab\w+|hallucinat\w+|spurious|scarc\w+|cumbersome|tedious|slow)\b/i,
  method:
    /\b(we (use|design|leverage|employ|train|build|formulate|adopt|apply|model|construct|integrate|couple|combine|introduce|develop|render|propose to)|uses|employs|applies|leverages|relies on|by (using|introducing|leveraging|combining|learning|treating|adding|training)|consists? of|composed of|comprising|based on|specifically|modules?|mechanisms?|first\b|second\b|then\b|via\b|through\b|pipeline|stages?|objective|loss|curriculum|architecture|components?|key insight|core (idea|mechanism))\b/i,
  results:
    /\b(outperform\w*|improv\w+|achiev\w+|surpass\w*|faster|better|state-of-the-art|sota|reduc\w+|gains?|speed-?ups?|accuracy|exceed\w*|beats?|matches|comparable|competitive|results? (show|demonstrate|indicate|reveal|suggest)|experiments? (show|demonstrate|confirm|reveal)|we (find|found|show|observe|demonstrate|report)|reveal\w*|effective\w*|sets? a new)\b/i,
  comparison:
    /\b(outperform\w*|surpass\w*|better than|worse than|compared (to|with)|than|over|beats?|exceed\w*|versus|vs\.?|competitive|comparable|match(es|ing)?|on par|approach(es|ing)|lag\w*|behind|relative to|against)\b/i,
  datasets:
    /\b(datasets?|benchmarks?|corpus|corpora|evaluat\w+ (on|across)|experiments? (on|across)|tested on|suites?|splits?|leaderboard|tasks)\b/i,
  quantity: /\d/,
  hardware:
    /\b(gpus?|tpus?|npus?|cpus?|hardware|chips?|devices?|arm|x86|risc-v|webassembly|snapdragon|jetson|raspberry pi|iphone|android|nvidia|amd|intel|xeon|apple m\d|a100|h100|h200|b200|v100|a6000|mi\d{3}|rtx ?\d+|titan \w+|geforce|blackwell|hopper|ampere|mobile|edge|fpgas?|asics?|neuromorphic|kernels?|vram|memory|accelerators?|supercomputers?|hpc|clusters?|processors?|multi-?core|many-?core)\b/i,
  limitations:
    /\b(limitations?|drawbacks?|shortcomings?|future work|weak(er|ness)|falls? short|do(es)? not (yet )?(scale|generalize|handle|support|transfer)|cannot|fails? to|remains? (an )?open|not yet|we leave|at the (cost|expense)|degrad\w+|trade-?offs?|lower (greedy )?accuracy|worse|struggle\w*|insufficient|only marginal|limited (capabilit\w+|improvements?)|gaps? (unresolved|remain)|not a universal|requires careful|inconsistent|performance (drops?|declines?|degradation)|(drops?|declines?) in performance)\b/i,
  // "existing open-source and proprietary VLMs", "open-source models": a kind of model, not a release
  // (round 14).
  code: /https?:\/\/|\bgithub\.com|\b(is|are|be|been|was|were) (now |also |made )?(publicly |freely |openly )?(available|released|open[- ]sourced|accessible)\b|\b(we|will) (publicly )?(release|open[- ]source|publish)\b|\bopen[- ]source(?![- ]?(?:and|or|\/) (?:closed|proprietary|commercial)|\s+(?:[\w-]+\s+)?(?:models?|llms?|vlms?|mllms?|alternatives?|baselines?|counterparts?|competitors?|systems?|agents?|methods?)\b)|\bproject page|\bavailable at\b|\bcode:/i,
  reason:
    /,\s+as\s|\bcontribut\w+ to|\bfactors?\b|\bmaking (\w+ ){0,2}(vulnerable|difficult|hard|impossible|unable|prone|susceptible|rigid|brittle|costly|expensive|inefficient|unstable|unreliable)\b|\b(because|due to|attribut\w+|since|caused by|stems? from|reasons?|explained by|as a result|leading to|resulting in|which (makes|leads|causes)|owing to|thus|therefore|so that|in order to|obstructed by|hindered by|limited by|because of|to (mitigate|avoid|reduce|address|prevent|ensure|overcome|alleviate))\b/i,
  // "a phenomenon we term X", "X, a framework that...", "X (Y), which ...": a term being defined.
  other: /$^/,
  definition:
    /\b(called|termed|we term|named|dubbed|refers? to|defined as|i\.e\.|namely|can be (seen|viewed|regarded|understood|thought of|interpreted) as)\b|[\p{L})],\s(an?|the)\s/iu,
};

// "We address the limitations of prior work" is about other papers' limitations, not this one's.
const OTHERS_LIMITATIONS =
  /\b(address|overcome|tackle|mitigate|alleviate|solve|remedy|bridge|avoid|break)\w*\b[^.]*\b(limitations?|trade-?offs?|gap)\b/i;

// "To address these issues, we introduce …" turns from the problem to the proposal.
const PIVOT =
  /\b(to|we) (address|tackle|overcome|solve|mitigate|alleviate|bridge|remedy|close|fill)\w* (these|this|the|such|those|both)?\s*(\w+ )?(issues?|problems?|challenges?|limitations?|gaps?|concerns?|difficulties|shortcomings?|bottlenecks?)?\b/gi;

/** Cue strength of a sentence for one intent, 0 to 1. */
export function cue(intent: Intent, sentence: string): number {
  if (intent === "limitations" && OTHERS_LIMITATIONS.test(sentence)) return 0;
  // The pivot says what the paper does about the problem, neither the problem nor its cause.
  if (intent === "problem" || intent === "reason")
    return CUES[intent].test(sentence.replace(PIVOT, "")) ? 1 : 0;
  return CUES[intent].test(sentence) ? 1 : 0;
}

const UNIT = String.raw`\s?(?:%|×|x\b|hrs?\b|mins\b|-?times\b|-?fold\b|pp\b|points?\b|percent|percentage points|dB\b|[KMBT]\b|billion|million|thousand|k\b|[a-z]*(?:FID|IoU|PSNR|SSIM|BLEU|ROUGE|F1|AP|AUC|PDMS|DSC|NSD|mAP|Acc|EM)\w*)`;
const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
// "x5", "×10": a factor written before its number.
const FACTOR_FIRST = /(?<![\p{L}\p{N}])[x×]\d+(?:\.\d+)?(?![\p{L}\p{N}])/gu;
// "807,693", "1,100": a number written with thousands separators is a count.
const THOUSANDS = /(?<![\p{L}\p{N}.,-])\d{1,3}(?:,\d{3})+(?![\p{L}\p{N}]|[.,]\d)/gu;
// A number with a unit, or after a comparison word or sign.
const WITH_UNIT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.\-_/])${NUMBER}(?:\s?[-–]{1,2}\s?${NUMBER})?${UNIT}`,
  "gu",
);
const AFTER_COMPARISON = new RegExp(
  String.raw`(?:[+±~≈]|\b(?:by|up to|over|about|approximately|nearly|almost|more than|less than|at least|at most|from|to|than|only|reaching|of)\s+)${NUMBER}(?![\p{L}\p{N}])`,
  "giu",
);
// A count: a number then a lower-case word that is not a function word ("292 test cases").
const COUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.\-_/]|\p{Lu}\p{L}*\s)${NUMBER}\s+(?!(?:and|or|to|of|in|on|at|for|the|a|an|with|by|is|are|was|were|as|from|vs|than)\b)[\p{L}][\p{L}-]{2,}`,
  "gu",
);
const YEAR = /^(19|20)\d\d$/;
// "six clue types", "three datasets", "one million structured annotations", "a dozen tasks",
// "dozens of models": a number written in words before a noun is a count too. "one" counts only
// with a magnitude ("one million"): alone it is mostly "one of", "one model".
const SMALL_NUMBER =
  "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const MAGNITUDE = "hundred|thousand|million|billion|trillion";
const WORD_COUNT = new RegExp(
  String.raw`\b(?:(?:(?:${SMALL_NUMBER}|one|a|an)\s+(?:${MAGNITUDE})(?:\s+(?:${MAGNITUDE}))?)|(?:${SMALL_NUMBER})|a\s+dozen|(?:hundreds|thousands|millions|billions|dozens|tens)(?=\s+of\b))\s+(?:of\s+)?(?!(?:and|or|to|of|in|on|the|a|an)\b)([a-z][a-z-]{2,})(?:\s+([a-z][a-z-]{2,}))?`,
  "gi",
);
// "3-task", "9-layer", "5-stage": a count written into a compound.
const HYPHEN_COUNT = /(?<![\p{L}\p{N}.\-_/])(\d+)-([a-z]{3,})\b/gu;
// "O(k+d) samples", "Omega(kd)": an order of growth, the answer to "how many samples".
const ORDER = /(?<![\p{L}\p{N}])(?:O|Omega|Theta|Ω|Θ)\s?\(([^()]|\([^()]*\))+\)(?:\s+([a-z][a-z-]{2,}))?/gu;

export interface Quantity {
  text: string;
  /** Where it starts in the sentence. */
  at: number;
  /** The word after the number ("GPUs", "samples"), lower-cased; "" for a unit or a bare comparison. */
  noun: string;
  /** True when a currency sign comes right before it ("$0.42"). */
  money?: boolean;
}

/**
 * The quantities of a sentence. `nameTokens` are tokens of the paper's own names (the title's words
 * with digits: "K2.5", "DIFFA-2"); a number inside one is never a quantity.
 */
export function quantities(sentence: string, nameTokens: ReadonlySet<string> = new Set()): Quantity[] {
  const out: Quantity[] = [];
  const seen = new Map<number, Quantity>();
  const add = (m: RegExpMatchArray, noun: string) => {
    const at = m.index ?? 0;
    const digits = /\d/.exec(m[0]);
    const start = at + (digits?.index ?? 0);
    const earlier = seen.get(start);
    if (earlier) {
      // "up to 50 iterations", "3 to 5 minutes": found first after its comparison word, the
      // number still counts what follows it.
      if (!earlier.noun && noun) earlier.noun = noun;
      return;
    }
    const token = /^\S+/.exec(sentence.slice(start))?.[0] ?? "";
    if (nameTokens.has(token.toLowerCase().replace(/[.,;:)]+$/, ""))) return;
    if (YEAR.test(token.replace(/[.,;:)]+$/, "")) && !/%|×/.test(m[0])) return;
    const quantity: Quantity = { text: m[0].trim(), at: start, noun };
    if (/[$€£]/.test(sentence[start - 1] ?? "")) quantity.money = true;
    seen.set(start, quantity);
    out.push(quantity);
  };
  for (const m of sentence.matchAll(WITH_UNIT)) add(m, "");
  for (const m of sentence.matchAll(FACTOR_FIRST)) add(m, "");
  for (const m of sentence.matchAll(THOUSANDS)) add(m, "");
  for (const m of sentence.matchAll(AFTER_COMPARISON)) add(m, "");
  for (const m of sentence.matchAll(COUNT))
    add(m, (/([\p{L}][\p{L}-]+)$/u.exec(m[0])?.[1] ?? "").toLowerCase());
  for (const m of sentence.matchAll(HYPHEN_COUNT)) add(m, (m[2] ?? "").toLowerCase());
  for (const m of sentence.matchAll(ORDER)) {
    if (seen.has(m.index ?? 0)) continue;
    const quantity = { text: m[0], at: m.index ?? 0, noun: (m[2] ?? "").toLowerCase() };
    seen.set(quantity.at, quantity);
    out.push(quantity);
  }
  for (const m of sentence.matchAll(WORD_COUNT)) {
    if (seen.has(m.index ?? 0)) continue;
    const quantity = { text: m[0], at: m.index ?? 0, noun: (m[2] ?? m[1] ?? "").toLowerCase() };
    seen.set(quantity.at, quantity);
    out.push(quantity);
  }
  return out;
}

/** Quantities that answer a question asking for this kind of number. */
export function fitsMeasure(q: Quantity, measure: Measure | null): boolean {
  if (!measure) return true;
  const t = q.text;
  switch (measure) {
    case "time":
      return /\b(hours?|hrs?|days?|weeks?|minutes?|mins?|seconds?|secs?|ms|s|epochs?|steps?|iterations?)\b|\d\s?(hrs?|h|mins?)\b|gpu[- ]hours/i.test(
        `${t} ${q.noun}`,
      );
    case "speed":
      return /×|\bx\d|\dx\b|times|fold|speed|%|faster|latency/i.test(`${t} ${q.noun}`);
    case "size":
      return /\d\s?[KMBT]\b|billion|million|thousand|parameters?|params|tokens?|samples?|examples?|records?|GB|MB|TB|layers?|hours/i.test(
        `${t} ${q.noun}`,
      );
    case "money":
      return q.money === true || /\$|€|£|\b(usd|dollars?|cents?|euros?)\b/i.test(`${t} ${q.noun}`);
    default:
      return true;
  }
}

// Hardware by name ("Snapdragon 835", "ARM and WebAssembly", "8 A100s"), not by kind ("GPUs",
// "memory", "edge devices"): what "what hardware do they run on?" is answered by.
const NAMED_HARDWARE =
  /\b(arm|x86|risc-v|webassembly|snapdragon|jetson|raspberry pi|iphone|pixel \d|android|nvidia|amd|intel|xeon|apple m\d|a100s?|h100s?|h200s?|b200s?|v100s?|a6000s?|l40s?|mi\d{3}x?|rtx ?\d+|titan \w+|geforce|tpu ?v\d|loihi|fpgas?|asics?)\b/i;

export function namesHardware(sentence: string): boolean {
  return NAMED_HARDWARE.test(sentence);
}

// Languages by name, natural and programming ("English and Chinese", "(Java, Python, Go)"): what
// "which languages?" is answered by. "Go" and "Lean" are words too, so they count only
// capitalized after the sentence's start.
const NAMED_LANGUAGE =
  /\b(?:english|chinese|mandarin|cantonese|japanese|korean|german|french|spanish|portuguese|italian|dutch|russian|polish|ukrainian|czech|arabic|hebrew|persian|farsi|turkish|hindi|bengali|urdu|tamil|telugu|marathi|swahili|yoruba|amharic|vietnamese|thai|indonesian|malay|filipino|tagalog|greek|swedish|finnish|norwegian|danish|icelandic|hungarian|romanian|bulgarian|serbian|croatian|bosnian|slovak|slovenian|macedonian|albanian|lithuanian|latvian|estonian|irish|welsh|basque|catalan|galician|afrikaans|zulu|xhosa|hausa|igbo|somali|nepali|sinhala|burmese|khmer|lao|mongolian|kazakh|uzbek|azerbaijani|georgian|armenian|punjabi|gujarati|kannada|malayalam|javanese|sundanese|quechua|maori|python|java|javascript|typescript|kotlin|rust|ruby|php|scala|haskell|swift|golang|c\+\+|c#|verilog|vhdl|sql|matlab|fortran|cuda|solidity)(?![\w+#])/i;
const NAMED_LANGUAGE_WORD = /(?<=\S\s+|[(,]\s*)(?:Go|Lean)(?=[\s,.;)])/;

export function namesLanguage(sentence: string): boolean {
  return NAMED_LANGUAGE.test(sentence) || NAMED_LANGUAGE_WORD.test(sentence);
}

// The same patterns, global, for counting: compiled once, not per sentence.
const EVERY_NAMED_LANGUAGE = new RegExp(NAMED_LANGUAGE.source, "gi");
const EVERY_NAMED_LANGUAGE_WORD = new RegExp(NAMED_LANGUAGE_WORD.source, "g");

/** How many distinct languages a sentence names (a list of them answers "which languages"). */
export function languagesNamed(sentence: string): number {
  const found = new Set<string>();
  for (const m of sentence.matchAll(EVERY_NAMED_LANGUAGE)) found.add(m[0].toLowerCase());
  for (const m of sentence.matchAll(EVERY_NAMED_LANGUAGE_WORD)) found.add(m[0]);
  return found.size;
}

// A name in an evaluation context: "on MMSU, MMAU, and MMAR", "Experiments on ImageNet-1K",
// "the LVIS minival split", "MultiVENT 2.0 benchmark".
const NAMED_DATA =
  /\b(?:[Oo]n|[Aa]cross|[Ii]ncluding|such as|[Ff]rom|[Uu]sing|[Ii]n|[Ww]ith)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:\p{Lu}[\p{L}\p{N}]*[\p{Lu}\p{N}][\p{L}\p{N}@.-]*|\p{Lu}{2,}[\p{L}\p{N}-]*)|(?:\p{Lu}[\p{L}\p{N}-]*)\s+(?:\d[\d.]*\s+)?(?:dataset|benchmark|corpus|split)s?\b/u;

// "six benchmarks spanning mathematical, logical, and general reasoning", "seven benchmarks
// covering …", "a diverse collection of long-sequence tasks": evaluation data told by its count or
// kind rather than its names.
const COUNTED_DATA = new RegExp(
  String.raw`\b(?:\d+|${SMALL_NUMBER}|a dozen|dozens of|several|multiple|numerous|many|various|diverse|a (?:diverse|wide|broad|large|comprehensive) (?:collection|range|set|suite|variety) of)\s+(?:[\w-]+\s+){0,2}(?:benchmarks|datasets|tasks)\b`,
  "i",
);

/** Evaluation data by name ("on MMSU, MMAU, and MMAR"), not only by count or kind. */
export function namesDataByName(sentence: string): boolean {
  return NAMED_DATA.test(sentence);
}

export function namesData(sentence: string): boolean {
  return NAMED_DATA.test(sentence) || COUNTED_DATA.test(sentence);
}

/**
 * The names a paper gives its own work: the shaped words right after "we introduce / propose /
 * present", "called", "named", "dubbed", "termed" ("we introduce π-Distill", "named BiFormer",
 * "Sparse Model Soups (SMS)"), lower-cased. "Which teacher model do they distill?" is not answered
 * by the paper naming its own method.
 */
const INTRODUCES =
  /\b(?:we (?:introduce|propose|present|develop|design|build|call|term|name|dub)|called|named|dubbed|termed)\s+(?:(?:a|an|the)\s+)?((?:["“]?[\p{Lu}π][\p{L}\p{N}^._+-]*["”]?\s*)+)(?:\(([^)]{1,20})\))?/gu;

export function introducedNames(sentences: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const s of sentences) {
    for (const m of s.matchAll(INTRODUCES)) {
      // The name right after the verb ("CoDiQ-Generator" in "we develop CoDiQ-Generator from
      // Qwen3-8B"), and the acronym in brackets after it.
      for (const part of [m[1] ?? "", m[2] ?? ""]) {
        for (const t of part.matchAll(/[\p{L}\p{N}]+(?:[-.^_+][\p{L}\p{N}]+)*/gu))
          names.add(t[0].toLowerCase());
      }
    }
  }
  return names;
}

/** Acronyms of the field, not names of a particular thing. */
const GENERIC_ACRONYMS = new Set(
  "llm llms mllm mllms vlm vlms lmm lmms rl sft cot rlhf rlvr nlp cv ai ml gpu gpus cpu api apis sota qa vqa ocr gui kd dpo ppo moe vit cnn cnns rnn lstm gan vae dnn dnns pr asr".split(
    " ",
  ),
);

/** True for an acronym of the field ("LLM", "AI"), which names no particular thing. */
export function isGenericAcronym(lower: string): boolean {
  return GENERIC_ACRONYMS.has(lower);
}

/** True when `acronym` spells the initials of the words just before its bracket ("knowledge distillation (KD)"). */
function definedAcronym(sentence: string, at: number, acronym: string): boolean {
  if (sentence[at - 1] !== "(") return false;
  const letters = acronym.replace(/s$/, "").toLowerCase();
  const before = sentence.slice(Math.max(0, at - 120), at - 1).match(/[\p{L}\p{N}]+/gu) ?? [];
  const initials = before
    .slice(-letters.length)
    .map((w) => w[0]?.toLowerCase())
    .join("");
  return letters.length >= 2 && initials === letters;
}

/**
 * Distinct names in a sentence: acronyms, CamelCase, letters with digits ("Qwen3", "Wan2.1"),
 * capitalized words after the first ("Wikipedia", "Python") and capitalized phrases ("Fast
 * Consistency Monitor", one name each), except those in `except` (the paper's own and the
 * question's). A phrase spelled out before its acronym ("Large Language Models (LLMs)") is a term
 * being introduced, not a name, and so is the acronym; a token that starts with a digit ("21.5M")
 * is a quantity.
 */
export function namesIn(sentence: string, except: ReadonlySet<string>): number {
  const tokens = [...sentence.matchAll(/[\p{L}\p{N}]+(?:[-.^_][\p{L}\p{N}]+)*/gu)];
  const capital = (t: string) => /^\p{Lu}/u.test(t);
  const found = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    const m = tokens[i] as RegExpMatchArray;
    const t = m[0];
    // Consecutive capitalized words with only spaces between them: one phrase.
    let j = i;
    while (j + 1 < tokens.length && capital(t) && capital((tokens[j + 1] as RegExpMatchArray)[0])) {
      const a = tokens[j] as RegExpMatchArray;
      const b = tokens[j + 1] as RegExpMatchArray;
      if (!/^\s+$/.test(sentence.slice((a.index ?? 0) + a[0].length, b.index ?? 0))) break;
      j++;
    }
    const last = tokens[j] as RegExpMatchArray;
    const end = (last.index ?? 0) + last[0].length;
    const introducesAcronym = /^\s*\(\s*\p{Lu}/u.test(sentence.slice(end, end + 24));
    const afterPhrase =
      sentence[(m.index ?? 0) - 1] === "(" && i > 0 && capital((tokens[i - 1] as RegExpMatchArray)[0]);
    const words = tokens.slice(i, j + 1).map((x) => x[0]);
    const own = words.every((w) => except.has(w.toLowerCase()));
    if (j > i) {
      // A phrase at the start of the sentence loses its first word (it may just be capitalized).
      const phrase = (i === 0 ? words.slice(1) : words).join(" ");
      if (phrase && !introducesAcronym && !own) found.add(phrase.toLowerCase());
    } else if (
      !own &&
      !afterPhrase &&
      !/^\p{N}/u.test(t) &&
      !GENERIC_ACRONYMS.has(t.toLowerCase()) &&
      !definedAcronym(sentence, m.index ?? 0, t)
    ) {
      const shaped = /\p{Lu}.*\p{Lu}|\p{L}.*\p{N}/u.test(t);
      const lone = i > 0 && /^\p{Lu}\p{Ll}+$/u.test(t) && !introducesAcronym;
      if (shaped || lone) found.add(t.toLowerCase());
    }
    i = j + 1;
  }
  return found.size;
}
