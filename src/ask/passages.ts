/**
 * The sentences a question can be answered from, read once per paper: their words, their role in
 * the abstract (the sentence-role model), the cues of every intent, their quantities and named
 * evaluation data. The source's own summary (the Hugging Face API's `ai_summary`) is one more
 * passage, marked as such, so an answer from it is always labelled.
 */
import { ROLES } from "../roles/model.js";
import { sentenceRoles } from "../roles/roles.js";
import { displayText } from "../summary/latex.js";
import { cue, namesData, type Quantity, quantities } from "./cues.js";
import { INTENTS, type Intent } from "./intent.js";
import { matchKeys, words } from "./words.js";

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
  return {
    text,
    shown,
    index,
    source,
    keys: matchKeys(shown),
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
