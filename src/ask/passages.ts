/**
 * The sentences a question can be answered from, read once per paper: their words, their role in
 * the abstract (the sentence-role model), the cues of every intent, their quantities and named
 * evaluation data. The source's own summary (the Hugging Face API's `ai_summary`) is one more
 * passage, marked as such, so an answer from it is always labelled.
 */
import { ROLES } from "../roles/model.js";
import { sentenceRoles } from "../roles/roles.js";
import { displayText } from "../summary/latex.js";
import { splitSentences } from "../summary/sentences.js";
import { cue, namesData, type Quantity, quantities } from "./cues.js";
import { INTENTS, type Intent } from "./intent.js";
import { matchKeys, tokensOf, type Word, words } from "./words.js";

export type PassageSource = "abstract" | "source_summary";

export interface Passage {
  /** The sentence as the paper has it. */
  text: string;
  /** The same, clean for display (LaTeX read): what is matched and what is shown. */
  shown: string;
  /** Position among the abstract's sentences (the summary: -1). */
  index: number;
  source: PassageSource;
  keys: Set<string>;
  /** Its words in order, and where each starts in `shown`. */
  tokens: Word[];
  tokenStarts: number[];
  /** Probability of each role, in ROLES order. */
  roles: Float64Array;
  cues: Map<Intent, number>;
  quantities: Quantity[];
  namedData: boolean;
}

/**
 * Tokens of the paper's own names that carry digits ("K2.5", "DIFFA-2", "II"): never quantities.
 * A title's "0.9B" or "8x" is a quantity, not a name: tokens starting with a digit stay.
 */
export function titleNameTokens(title: string): Set<string> {
  return new Set(
    words(title)
      .filter((w) => (/\d/.test(w.surface) && !/^\d/.test(w.surface)) || /^[IVX]+$/.test(w.surface))
      .map((w) => w.lower),
  );
}

function passage(
  text: string,
  index: number,
  source: PassageSource,
  roles: Float64Array,
  names: ReadonlySet<string>,
): Passage {
  // Read as displayed: "25.8\\times" is "25.8×", "$\\ell_1$" is "ℓ1".
  const shown = displayText(text);
  const cues = new Map<Intent, number>();
  for (const intent of INTENTS) cues.set(intent, cue(intent, shown));
  // A limitation told in the background is prior work's, not this paper's.
  if ((roles[ROLES.indexOf("background")] as number) >= 0.5) cues.set("limitations", 0);
  const { words: tokens, starts: tokenStarts } = tokensOf(shown);
  return {
    text,
    shown,
    index,
    source,
    keys: matchKeys(shown),
    tokens,
    tokenStarts,
    roles,
    cues,
    quantities: quantities(shown, names),
    namedData: namesData(shown),
  };
}

export function readPassages(
  title: string,
  sentences: readonly string[],
  sourceSummary: string | null,
): Passage[] {
  const names = titleNameTokens(title);
  const roles = sentenceRoles(sentences);
  const out = sentences.map((s, i) =>
    passage(s, i, "abstract", roles[i]?.p ?? new Float64Array(ROLES.length), names),
  );
  if (sourceSummary?.trim()) {
    const [only] = sentenceRoles([sourceSummary]);
    out.push(
      passage(sourceSummary.trim(), -1, "source_summary", only?.p ?? new Float64Array(ROLES.length), names),
    );
  }
  return out;
}

// A real abstract has under 30 sentences (arXiv caps it at 1,920 characters); a pasted 200 KB
// text is read up to its first 60 sentences (within its first 16 KB), so an answer stays within
// 50 ms whatever the paper holds, garbage collections included: reading 200 sentences took
// 23-38 ms on average and up to 62 ms, 100 sentences 14-22 ms and up to 43 ms.
export const MAX_SENTENCES_READ = 60;
export const MAX_READ_CHARS = 16 * 1024;
// Reading a paper is most of an answer's time and a thread asks several questions of one paper:
// the last few papers read are kept (their passages are shared, never changed after reading).
const READ_CACHE_SIZE = 32;
const readCache = new Map<string, { sentences: string[]; passages: Passage[] }>();

/** A paper's sentences and passages, read once while it is among the last few asked about. */
export function readPaper(
  title: string,
  abstract: string,
  sourceSummary: string | null,
): { sentences: string[]; passages: Passage[] } {
  const key = `${title}\u0000${sourceSummary ?? ""}\u0000${abstract}`;
  const cached = readCache.get(key);
  if (cached) {
    // Most recently used last: the first key is the one to forget.
    readCache.delete(key);
    readCache.set(key, cached);
    return cached;
  }
  const sentences = splitSentences(abstract.slice(0, MAX_READ_CHARS)).slice(0, MAX_SENTENCES_READ);
  const read = { sentences, passages: readPassages(title, sentences, sourceSummary) };
  readCache.set(key, read);
  if (readCache.size > READ_CACHE_SIZE) readCache.delete(readCache.keys().next().value as string);
  return read;
}

/** Forgets the papers read (the benchmark times the first question on a paper with it). */
export function forgetReadPapers(): void {
  readCache.clear();
}
