/**
 * How `ask` uses word vectors (word-vectors.ts), as measured in docs/ask.md "Round 13: word
 * vectors", behind `ASK_VECTORS` (off by default): `feature` adds passage features (a focus word
 * the sentence lacks counts by its closest word there; a SIF-weighted average-vector cosine) and
 * a graded absence for declining; `rule` lets an everyday focus word whose close word (cosine ≥
 * `ASK_VECTORS_TAU`) is in the paper count as present for the not-stated rules; `both` is both.
 */
import { eng } from "stopword";
import type { Passage } from "./passages.js";
import { rarity } from "./rarity.js";
import { rowOf, similarity, table as vectorTable, type WordVectors } from "./word-vectors.js";
import type { Word } from "./words.js";

export type VectorMode = "off" | "feature" | "rule" | "both";

export function vectorMode(): VectorMode {
  const m = process.env.ASK_VECTORS ?? "off";
  return m === "feature" || m === "rule" || m === "both" ? m : "off";
}

export const vectorFeaturesOn = () => vectorMode() === "feature" || vectorMode() === "both";
export const vectorRuleOn = () => vectorMode() === "rule" || vectorMode() === "both";

/**
 * `wide` (ASK_VECTORS_SCOPE): the rule also keeps an everyday head word from counting as absent
 * for the answer model (`none:head-absent`) and an everyday focus word from `none:absent`.
 */
export const wideRuleOn = () => vectorRuleOn() && process.env.ASK_VECTORS_SCOPE === "wide";

/** The cosine from which a paper word stands in for an everyday question word (rule). */
export function ruleThreshold(): number {
  return Number(process.env.ASK_VECTORS_TAU ?? 0.6);
}

const STOP = new Set(eng);
/** A word worth comparing: letters only, not a function word ("the" is close to everything). */
const contentWord = (w: Word) =>
  w.lower.length >= 3 && /^[a-z]+(?:-[a-z]+)*$/.test(w.lower) && !STOP.has(w.lower);

/**
 * A paper word stands in for a question word only if it is not among general English's most
 * frequent words (the table is in frequency order): "however", "time", "made" and "even" are
 * close to nearly everything and say nothing of the paper's subject.
 */
function frequentRows(): number {
  return Number(process.env.ASK_VECTORS_FREQUENT ?? 500);
}
const distinctive = (w: Word, t: WordVectors) => (t.rowOf.get(w.lower) ?? rowOf(w, t)) >= frequentRows();

const wordsOfPaper = new WeakMap<readonly Passage[], Word[]>();

/** The paper's distinct content words (by lower case), once per paper. */
export function paperWords(passages: readonly Passage[]): Word[] {
  let out = wordsOfPaper.get(passages);
  if (out) return out;
  const seen = new Map<string, Word>();
  for (const p of passages)
    for (const t of p.tokens) if (contentWord(t) && !seen.has(t.lower)) seen.set(t.lower, t);
  out = [...seen.values()];
  wordsOfPaper.set(passages, out);
  return out;
}

/**
 * Cosine of `w` to each of the paper's content words, by lower case: computed once per question
 * word and paper, so a passage's closest word is a lookup.
 */
export function cosinesToPaper(w: Word, passages: readonly Passage[], t?: WordVectors): Map<string, number> {
  const out = new Map<string, number>();
  if (rowOf(w, t) < 0) return out;
  const table = t ?? vectorTable();
  for (const x of paperWords(passages)) {
    if (!distinctive(x, table)) continue;
    const c = similarity(w, x, table);
    if (c > 0) out.set(x.lower, c);
  }
  return out;
}

/** The best cosine of a passage's words in `cosines` (0 when none). */
export function bestIn(cosines: ReadonlyMap<string, number>, p: Passage): number {
  let best = 0;
  for (const t of p.tokens) {
    const c = cosines.get(t.lower);
    if (c !== undefined && c > best) best = c;
  }
  return best;
}

/** A cosine as credit: nothing below `floor` (unrelated words are mostly at 0.1–0.45), 1 at a cosine of 1. */
export function credit(cosine: number, floor = 0.3): number {
  return cosine <= floor ? 0 : (cosine - floor) / (1 - floor);
}

/**
 * Smooth-inverse-frequency weight a / (a + p(w)) (Arora et al. 2017), p(w) the share of background
 * abstracts with the word, from its rarity log((N + 1) / (df + 0.5)) ≈ −log p(w).
 */
const SIF_A = 0.01;
export const sifWeight = (w: Word) => SIF_A / (SIF_A + Math.exp(-rarity(w)));

/** The SIF-weighted average vector of some words (null when none is in the table). */
export function averageVector(list: readonly Word[], t: WordVectors): Float64Array | null {
  const v = new Float64Array(t.dimensions);
  let any = false;
  for (const w of list) {
    if (!contentWord(w)) continue;
    const r = rowOf(w, t);
    if (r < 0) continue;
    any = true;
    const scale = sifWeight(w) / (t.norms[r] as number);
    for (let d = 0; d < t.dimensions; d++)
      v[d] = (v[d] as number) + scale * (t.data[r * t.dimensions + d] as number);
  }
  return any ? v : null;
}

export function cosine(a: Float64Array, b: Float64Array): number {
  let s = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    s += (a[i] as number) * (b[i] as number);
    na += (a[i] as number) ** 2;
    nb += (b[i] as number) ** 2;
  }
  return na && nb ? s / Math.sqrt(na * nb) : 0;
}
