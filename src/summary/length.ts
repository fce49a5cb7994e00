/**
 * Makes a compressed sentence presentable: at most `maxWords` words, cut only where the part kept
 * still says what the whole said, capitalized, one final period.
 *
 * A cut is safe when the part kept is a sentence on its own: never inside brackets or quotes,
 * never before a contrast ("…, but only when …": cutting there can reverse the finding), never
 * inside a list ("model scales, sequence lengths, and sparsity levels"), never on a word that
 * leaves a phrase open ("proposed by", "and how", "as compared", "we show that"), and never after
 * an opening clause whose main clause is cut away ("but instead of combining standard
 * primitives"). When no safe cut fits the budget, a sentence may run a few words over it; past
 * that there is no safe form and `safeFinish` says so (null).
 */
/** How many words past the budget a sentence may run rather than be cut unsafely. */
export const OVERRUN_WORDS = 12;
const MIN_WORDS_AFTER_CUT = 10;
/** A clause after a comma this short or shorter is never cut off on its own. */
const SHORT_TAIL_WORDS = 4;

// Words before which a clause may end.
const CLAUSE_BREAK =
  /^(?:and|which|where|when|by|using|via|through|with|without|to|for|in|on|as|thereby|thus|so|because|since|yielding|leading|resulting|achieving|allowing|enabling|making|based|including|outperforming|surpassing|improving|reducing)$/i;
// Words no sentence ends with.
const DANGLING = new Set(
  (
    "a an the of and or but nor to for in on at by with from as into onto than that which who whom whose " +
    "while whereas how what when where why whether if its their our his her my your is are was were be " +
    "been being can could may might must shall should will would do does did has have had such both each " +
    "either neither this these those via using through without within between among across over under " +
    "about against toward towards upon per versus vs not no very so then thus hence because since " +
    "although though unless until e.g i.e namely including like also further more most less first " +
    "second third firstly secondly thirdly"
  ).split(" "),
);
const DANGLING_PAIR =
  /\b(?:as compared|compared with|compared|as opposed|in order|rather than|according to|due to|based on|instead of|in terms of|relative to|together with|along with|thanks to|owing to|such as|as well as|aims? to|seeks? to)$/i;
// Verbs whose object or clause must follow: "We show." / "We propose." say nothing.
const NEEDS_COMPLEMENT =
  /^(?:show|shows|showed|find|finds|found|demonstrate|demonstrates|propose|proposes|introduce|introduces|present|presents|study|studies|develop|develops|design|designs|use|uses|leverage|leverages|exploit|exploits|observe|observes|argue|argues|prove|proves|reveal|reveals|suggest|suggests|note|notes|hypothesize|hypothesizes|claim|claims|allow|allows|enable|enables|make|makes|help|helps|aim|aims|seek|seeks|learn|learns|need|needs|require|requires|provide|provides|achieve|achieves|yield|yields|consider|considers|explore|explores|investigate|investigates|address|addresses|evaluate|evaluates|compare|compares|analyze|analyzes|formulate|formulates)$/i;
// A clause that reverses or qualifies what precedes it.
const CONTRAST =
  /^[—–-]?(?:but|yet|however|although|though|whereas|while|instead|rather|unlike|despite|except|only|not|nor|albeit|whilst)\b/i;
// A contrast further on in the sentence that a cut would drop with the rest.
const QUALIFIER_AHEAD = /(?:^|\s)(?:but|yet|however|although|though|whereas|except|unless)\b/i;
// A clause that cannot end the sentence: its main clause comes after it.
const SUBORDINATE =
  /^(?:but\s+)?(?:instead of|rather than|unlike|although|though|whereas|if|when|because|since|despite|while|whilst)\b/i;
// Words whose meaning needs the prepositional phrase after them: participles ("determined | by"),
// prepositional verbs and adjectives ("rely | on", "suited | for").
const TAKES_PREPOSITION =
  /(?:ed|en)$|^(?:rely|relies|depend|depends|focus|focuses|build|builds|act|acts|operate|operates|draw|draws|hinge|hinges|consist|consists|refer|refers|lead|leads|belong|belongs|result|results|contribute|contributes|tend|tends|aim|aims|seek|seeks|try|tries|fail|fails|attempt|attempts|manage|manages|likely|unlikely|going|ought|able|capable|aware|prone|amenable|applicable|specific|similar|equivalent|comparable|sensitive|invariant|agnostic|due|subject|unable|free)$/i;
// An opening adverbial ("By projecting …, we propose …"): the sentence's claim is its main clause.
const FRONTED =
  /^(?:by|through|using|leveraging|exploiting|building|inspired|motivated|to|in order to|although|though|while|whereas|when|if|since|because|unlike|despite|compared|given|based|after|before|with|without|as|instead of|rather than)\b/i;
const MAIN_CLAUSE =
  /\s(?:we|our)\b|,\s+(?:this|these|they|it|its|their|the|a|an|\p{Lu}[\p{L}\d-]*\s+(?:is|are|was|were|can|achieves?|outperforms?|improves?|reduces?|uses?|learns?|enables?|provides?))\b/iu;
// Enumeration announced before a colon ("three parts: A, B and C"): cut before the colon or after the list.
const ANNOUNCES_LIST =
  /\b(?:two|three|four|five|six|seven|eight|several|multiple|various|following|main|key|core|\d+)\b[^:]{0,60}:\s|:\s*(?:\(?(?:1|i|a)\)|first)/i;
// What follows "and" when it joins a second clause rather than a second noun or adjective.
const NEW_CLAUSE_AFTER_AND =
  /^(?:we|it|they|this|these|then|also|further|thus|thereby|show|shows|demonstrate|demonstrates|achieve|achieves|propose|proposes|introduce|introduces|present|presents|evaluate|evaluates|outperform|outperforms|find|finds|provide|provides|release|releases|obtain|obtains|improve|improves|reduce|reduces|enable|enables|use|uses|apply|applies|validate|validates|establish|establishes|prove|proves|derive|derives|analyze|analyzes|study|studies|develop|develops|design|designs|reveal|reveals|discuss|discusses|compare|compares|conduct|conducts|train|trains|test|tests|explore|explores|offer|offers|open-source|make|makes)$/i;
// Words that open a clause rather than continue a list.
const CLAUSE_WORD =
  /^(?:which|that|where|who|whose|while|whereas|but|yet|so|thus|thereby|hence|allowing|enabling|making|leading|resulting|achieving|yielding|using|including|such|e\.g\.|i\.e\.|we|it|they|this|these|our|its|their|and|or)$/i;

const bare = (word: string) => word.replace(/^["'“‘([]+|[,;:.!?"'”’)\]]+$/g, "");

function bracketDepth(words: readonly string[], end: number): number {
  let depth = 0;
  let quotes = 0;
  for (let k = 0; k < end; k++) {
    for (const ch of words[k] as string) {
      if (ch === "(" || ch === "[" || ch === "“") depth++;
      else if ((ch === ")" || ch === "]" || ch === "”") && depth > 0) depth--;
      else if (ch === '"') quotes++;
    }
  }
  return depth + (quotes % 2);
}

/** True when the comma boundary before words[i] sits inside an enumeration. */
function insideList(words: readonly string[], i: number): boolean {
  // "(1) A, (2) B, (3) C": an enumeration goes on past this label.
  if (/^\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)$/.test(words[i] ?? "")) return true;
  const first = bare(words[i] ?? "");
  if (/^(?:and|or)$/i.test(first)) {
    // ", and we show …" joins clauses; ", and sparsity levels" ends a list.
    return !/^(?:we|it|they|this|these|our|the\s+model)$/i.test(bare(words[i + 1] ?? ""));
  }
  if (CLAUSE_WORD.test(first)) return false;
  let itemWords = 0;
  for (let k = i; k < Math.min(words.length, i + 10); k++) {
    const w = words[k] as string;
    if (k > i && /^(?:and|or)$/i.test(bare(w))) return true;
    if (k > i && CLAUSE_WORD.test(bare(w))) return false;
    if (/[;:.]$/.test(w)) return false;
    itemWords++;
    // "authority, responsibility, accountability": short items one after another.
    if (/,$/.test(w)) {
      if (itemWords <= 3 && k > i) return true;
      itemWords = 0;
    }
  }
  return false;
}

/**
 * True when the clause after the comma before words[i] ends within a few words: cutting it off
 * saves the reader little, and such a tail usually completes the phrase before the comma
 * ("cannot handle irregular, | random-masked input images;": the noun of both adjectives).
 */
function shortTail(words: readonly string[], i: number): boolean {
  for (let k = i; k < Math.min(words.length, i + SHORT_TAIL_WORDS); k++) {
    const w = words[k] as string;
    if (CLAUSE_WORD.test(bare(w))) return false;
    if (/,["'”’)\]]*$/.test(w)) return false;
    if (/[;:.!?]["'”’)\]]*$/.test(w) || k === words.length - 1) return true;
  }
  return false;
}

/** True when cutting before words[i] leaves a sentence that still says what the whole said. */
export function safeBoundary(words: readonly string[], i: number, minWords = MIN_WORDS_AFTER_CUT): boolean {
  if (i < minWords || i >= words.length) return false;
  if (bracketDepth(words, i) !== 0) return false;
  const rest = words.slice(i, i + 3).join(" ");
  const prev = words[i - 1] as string;
  if (CONTRAST.test(bare(words[i] as string)) || (/[,;:—–]$/.test(prev) && CONTRAST.test(rest))) return false;
  // "… improves accuracy | on every benchmark, but only when …": the qualifier further on goes too.
  if (QUALIFIER_AHEAD.test(words.slice(i).join(" "))) return false;
  const kept = words
    .slice(0, i)
    .join(" ")
    .replace(/[\s,;:—–-]+$/, "");
  const last = bare(kept.split(" ").pop() ?? "").toLowerCase();
  if (DANGLING.has(last) || DANGLING_PAIR.test(kept) || NEEDS_COMPLEMENT.test(last)) return false;
  // "… ones that rely | on …", "functions suited | for …", "the label is determined | by …".
  if (
    /^(?:on|upon|to|for|by|from|of|with|in|into|at|as)$/i.test(bare(words[i] as string)) &&
    TAKES_PREPOSITION.test(last)
  )
    return false;
  const lastClause = (kept.split(/[,;:]\s/).pop() ?? "").trim();
  if (SUBORDINATE.test(lastClause)) return false;
  // "…, but only." : a contrast clause cut to its first words.
  if (CONTRAST.test(lastClause) && lastClause.split(" ").length < 5) return false;
  if (FRONTED.test(kept) && !MAIN_CLAUSE.test(kept)) return false;
  if (!/:$/.test(prev) && ANNOUNCES_LIST.test(kept)) return false;
  // "…: A does X; B does Y; and C …": a semicolon after a colon separates list items.
  if (/;$/.test(prev) && /:\s/.test(kept)) return false;
  if (/,$/.test(prev) && insideList(words, i)) return false;
  if (/,$/.test(prev) && shortTail(words, i)) return false;
  if (/^(?:and|or)$/i.test(bare(words[i] as string))) {
    // "A and B" may be one phrase ("temporal and interaction dynamics"): cut only before a
    // second clause ("and show …", "and we …").
    if (!NEW_CLAUSE_AFTER_AND.test(bare(words[i + 1] ?? ""))) return false;
    // "A, B and C": cutting before "and" cuts the list short.
    const tail = words.slice(Math.max(0, i - 6), i).join(" ");
    if (/,/.test(tail) && !/,\s*(?:which|that|where|while)\b/i.test(tail)) return false;
  }
  return true;
}

/** Where to cut: the number of words to keep, or null when no safe cut exists within the overrun. */
function cutPoint(words: readonly string[], maxWords: number, keepWithin: number): number | null {
  // Cutting a handful of words off the end saves the reader little and can lose the point.
  if (words.length <= maxWords + keepWithin) return words.length;
  const punctuation = (i: number) =>
    /[,;:]$/.test(words[i - 1] as string) || /^[—–-]$/.test(words[i] as string);
  const clauseWord = (i: number) => CLAUSE_BREAK.test(words[i] as string);
  // The latest safe boundary in each tier: punctuation keeping half the budget, a conjunction or
  // preposition keeping half, then either keeping less; then the earliest a little past the budget.
  const half = Math.max(MIN_WORDS_AFTER_CUT, Math.ceil(maxWords / 2));
  const tiers: [(i: number) => boolean, number][] = [
    [punctuation, half],
    [clauseWord, half],
    [punctuation, MIN_WORDS_AFTER_CUT],
    [clauseWord, MIN_WORDS_AFTER_CUT],
  ];
  for (const [kind, least] of tiers) {
    for (let i = maxWords; i >= least; i--) if (kind(i) && safeBoundary(words, i)) return i;
  }
  const limit = maxWords + OVERRUN_WORDS;
  if (words.length <= limit) return words.length;
  for (let i = maxWords + 1; i <= limit; i++) {
    if ((punctuation(i) || clauseWord(i)) && safeBoundary(words, i)) return i;
  }
  return null;
}

function capitalize(text: string): string {
  return text.replace(/^(["'“‘(]*)(\p{Ll})/u, (_m, lead: string, c: string) => `${lead}${c.toUpperCase()}`);
}

function endSentence(text: string): string {
  const t = text.replace(/[\s,;:—–-]+$/, "");
  return /[.!?]["'”’)\]]?$/.test(t) ? t : `${t.replace(/[.,;:]+$/, "")}.`;
}

/**
 * The sentence cut safely to about `maxWords` words, capitalized and ended; null when it cannot be
 * cut safely (callers then pick another sentence). A sentence at most `keepWithin` words over the
 * budget is kept whole.
 */
export function safeFinish(text: string, maxWords: number, keepWithin = 0): string | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  const keep = cutPoint(words, maxWords, keepWithin);
  if (keep === null) return null;
  // A source that stops mid-phrase ("… while keeping the index small and") ends at its last whole word.
  const kept = keep === words.length ? trimTruncated(words) : words.slice(0, keep).join(" ");
  return endSentence(capitalize(kept));
}

// Words a source that stopped mid-phrase ends with; pronouns and adverbs may end a sentence.
const TRUNCATED =
  /^(?:a|an|the|and|or|but|of|to|for|in|on|at|by|with|from|as|than|that|which|while|whereas|its|their|our)$/i;

function trimTruncated(words: readonly string[]): string {
  let n = words.length;
  while (n > MIN_WORDS_AFTER_CUT && TRUNCATED.test(bare(words[n - 1] as string))) n--;
  return words.slice(0, n).join(" ");
}

/** Drops the function words a cut can leave at the end ("... by up to 1.07 mIoU and"). */
export function trimDangling(text: string): string {
  const ws = text.replace(/[\s,;:—–-]+$/, "").split(" ");
  while (ws.length > MIN_WORDS_AFTER_CUT && DANGLING.has(bare(ws[ws.length - 1] as string).toLowerCase()))
    ws.pop();
  return ws.join(" ").replace(/[\s,;:—–-]+$/, "");
}

/**
 * At most about `maxWords` words, ending cleanly with a period (or the sentence's own ? or !).
 * When no safe cut exists, the latest boundary that keeps brackets balanced is used: the text is
 * never longer than `maxWords + OVERRUN_WORDS`.
 */
export function finishSentence(text: string, maxWords: number): string {
  const safe = safeFinish(text, maxWords);
  if (safe !== null) return safe;
  const words = text.trim().split(/\s+/).filter(Boolean);
  let keep = maxWords;
  while (keep > MIN_WORDS_AFTER_CUT && bracketDepth(words, keep) !== 0) keep--;
  return endSentence(capitalize(trimDangling(words.slice(0, keep).join(" "))));
}
