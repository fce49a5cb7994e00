/**
 * Meaning beyond shared stems: a small latent term space (LSA) fitted offline on research
 * abstracts' sentences (scripts/fit-ask-terms.ts; SciTLDR train and CSAbstruct train, no paper any
 * question is asked about), so that "what do they recommend" lands near "motivating
 * language-specific calibration" and "any numbers on speed" near "3.1× faster" although they share
 * no word. A question and a sentence are compared by the cosine of their folded-in content words;
 * the answer model weighs that as one more feature (features.ts), never as a rule.
 *
 * The file (term-space-weights.json, the learned-weights convention: the terms as features, one row of
 * weights per dimension) is read on first use only, so commands that never answer a question
 * never pay for it.
 */
import { readFileSync } from "node:fs";
import { loadWeightsFile } from "../learned/weights-file.js";
import { isStopword } from "../text/analysis.js";
// Type-only: the build copies the file beside this module (it is part of the program), while
// nothing reads it until the first question (shippedTermSpace).
import type termSpaceFile from "./term-space-weights.json";
import type { Word } from "./words.js";

export const TERM_SPACE = {
  file: "src/ask/term-space-weights.json",
  model: "ask-term-space",
  version: 1,
  script: "scripts/fit-ask-terms.ts",
} as const;

/** A stem that carries meaning: no function word, no bare number, no single character. */
export function isContentStem(w: Word): boolean {
  return w.stem.length > 1 && /\p{L}/u.test(w.stem) && !isStopword(w.lower);
}

export class TermSpace {
  private readonly ids: Map<string, number>;

  constructor(
    readonly terms: readonly string[],
    readonly dims: number,
    /** Per term, `dims` floats. */
    readonly rows: Float32Array,
  ) {
    this.ids = new Map(terms.map((t, i) => [t, i]));
    if (rows.length !== terms.length * dims) throw new Error("term space rows do not match its terms");
  }

  /** Unit vector of a bag of words (content stems folded in, log-scaled counts), or null when none is known. */
  embed(words: readonly Word[]): Float32Array | null {
    const counts = new Map<number, number>();
    for (const w of words) {
      if (!isContentStem(w)) continue;
      const id = this.ids.get(w.stem);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    if (!counts.size) return null;
    const d = this.dims;
    const sum = new Float64Array(d);
    for (const [id, n] of counts) {
      const a = n === 1 ? 1 : 1 + Math.log(n);
      for (let j = 0; j < d; j++) sum[j] = (sum[j] as number) + a * (this.rows[id * d + j] as number);
    }
    let norm = 0;
    for (let j = 0; j < d; j++) norm += (sum[j] as number) ** 2;
    if (norm === 0) return null;
    const inv = 1 / Math.sqrt(norm);
    const out = new Float32Array(d);
    for (let j = 0; j < d; j++) out[j] = (sum[j] as number) * inv;
    return out;
  }
}

/** Cosine of two unit vectors; 0 when either is missing. */
export function cosine(a: Float32Array | null, b: Float32Array | null): number {
  if (!a || !b || a.length !== b.length) return 0;
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] as number) * (b[j] as number);
  return s;
}

/** A space from its weights file (validated); rows are stored one per dimension ("d0", "d1", …). */
export function termSpaceOf(json: unknown): TermSpace {
  const file = loadWeightsFile(json, TERM_SPACE);
  if (Array.isArray(file.weights)) throw new Error(`${TERM_SPACE.file}: expected one row per dimension`);
  const dims = Object.keys(file.weights).length;
  const n = file.features.length;
  const rows = new Float32Array(n * dims);
  for (let j = 0; j < dims; j++) {
    const row = file.weights[`d${j}`];
    if (!row) throw new Error(`${TERM_SPACE.file}: dimension d${j} is missing`);
    for (let t = 0; t < n; t++) rows[t * dims + j] = row[t] as number;
  }
  return new TermSpace(file.features, dims, rows);
}

let shipped: TermSpace | undefined;

/** The shipped space, read and validated on first use. */
export function shippedTermSpace(): TermSpace {
  shipped ??= termSpaceOf(
    JSON.parse(
      readFileSync(new URL("./term-space-weights.json", import.meta.url), "utf8"),
    ) as typeof termSpaceFile,
  );
  return shipped;
}
