/**
 * Round 12's learned word associations (docs/ask.md, "Round 12: learned word associations"): a
 * question-word ↔ sentence-word table learned from the question sets themselves, the classic
 * lexical-translation idea for answer-sentence selection, so that "what's the trick?" can find a
 * method sentence that shares no word with it.
 *
 * The table is contrastive within an abstract: for a question stem q and a sentence token s, per
 * fitted answerable question, the share of its accepted sentences holding s (g) and the share of
 * the other eligible sentences of the same abstract holding it (o), so every question weighs the
 * same whatever its abstract's length; summed over the questions holding q (G, O) and over the
 * other questions (G', O'). The association is the 2 x 2 log odds ratio over its standard error
 * (a z, as in "Fightin' Words"), α added to each cell:
 *
 *   z(q, s) = log((G+α)(O'+α) / ((O+α)(G'+α))) / sqrt(1/(G+α) + 1/(O+α) + 1/(G'+α) + 1/(O'+α))
 *
 * so a pair seen in one or two questions stays near 0. Closed form, so it is refitted in every
 * fold in under a second; IBM model 1 was not used because it learns what co-occurs with accepted
 * sentences, not what tells them apart from the other sentences of the same abstract (which all
 * share the paper's words).
 *
 * Sentence tokens are the `ask` stems of its words plus pseudo-words for what a sentence is: its
 * most likely role ("@role:method"), its place ("@pos:first", "@pos:early" …), a number
 * ("@num"), named evaluation data ("@data"), so "trick" can associate with a method sentence.
 */

import { eng } from "stopword";
import type { Ranking } from "../../src/ask/answer.js";
import type { Passage } from "../../src/ask/passages.js";
import type { Question } from "../../src/ask/question.js";
import { ROLES } from "../../src/roles/model.js";
import { type SparseRow, sparse } from "./ask-capacity.js";
import type { Example } from "./ask-examples.js";

export interface AssocOptions {
  /** Pseudo-count added to each cell of the 2 x 2 table (α above). */
  prior: number;
  /** Least number of fitted questions a question stem must be in to be kept. */
  minQuestions: number;
  /** Least number of papers whose accepted sentence holds the pair (a pair of one paper is that paper's). */
  minPapers: number;
  /** Whether a question stem may associate with itself (the overlap features already count it). */
  identity: boolean;
  /** Whether sentences carry role / position pseudo-words. */
  pseudo: boolean;
  /** Pairs kept only when |z| is at least this (keeps the table small). */
  minAbs: number;
  /** Whether the question's function words ("what", "how", "does") are left out of the table. */
  contentOnly: boolean;
}

export const DEFAULT_ASSOC: AssocOptions = {
  prior: 0.5,
  minQuestions: 3,
  minPapers: 2,
  identity: false,
  pseudo: true,
  minAbs: 0.5,
  contentOnly: false,
};

/** The table: question stem → sentence token → association (log-odds lift). */
export type AssocTable = Map<string, Map<string, number>>;

const tokenCache = new WeakMap<Passage, string[]>();

/** A sentence's tokens: its distinct stems and, optionally, its pseudo-words. */
export function sentenceTokens(p: Passage, abstractCount: number, pseudo: boolean): string[] {
  const key = pseudo ? tokenCache.get(p) : undefined;
  if (key) return key;
  const out = new Set<string>();
  for (const t of p.tokens) if (!/^\d+([.,]\d+)?$/.test(t.stem)) out.add(t.stem);
  if (pseudo) {
    let best = 0;
    for (let r = 1; r < ROLES.length; r++) if ((p.roles[r] as number) > (p.roles[best] as number)) best = r;
    out.add(`@role:${ROLES[best]}`);
    if (p.source !== "abstract") out.add("@summary");
    else {
      if (p.index === 0) out.add("@pos:first");
      if (p.index === abstractCount - 1) out.add("@pos:last");
      const third = abstractCount > 1 ? Math.min(2, Math.floor((3 * p.index) / abstractCount)) : 1;
      out.add(`@pos:${["early", "mid", "late"][third]}`);
    }
    if (p.quantities.length) out.add("@num");
    if (p.namedData) out.add("@data");
  }
  const list = [...out];
  if (pseudo) tokenCache.set(p, list);
  return list;
}

/** The question's distinct stems (function words kept: "how", "why" and "trick" all carry meaning). */
export function questionStems(q: Question, contentOnly = false): string[] {
  const out = new Set<string>();
  for (const w of q.words)
    if (w.stem.length >= 2 && !/^\d/.test(w.stem) && !(contentOnly && FUNCTION_WORDS.has(w.lower)))
      out.add(w.stem);
  return [...out];
}

const FUNCTION_WORDS = new Set(eng);

/** Which passage each of an example's rows is (prepareExample's order: eligible abstract, summary). */
export function rowPassages(r: Ranking): number[] {
  const out: number[] = [];
  r.passages.forEach((p, i) => {
    if (p.source === "abstract" && !r.eligible[i]) return;
    out.push(i);
  });
  return out;
}

const abstractCountOf = (r: Ranking) => r.passages.filter((p) => p.source === "abstract").length;

/** Fits the table on examples (answerable, with an accepted and another eligible abstract sentence). */
export function fitAssoc(examples: readonly Example[], o: AssocOptions): AssocTable {
  // Per question stem: number of questions, and per token [G, O, papers, last paper].
  const byQ = new Map<string, { n: number; pairs: Map<string, [number, number, number, string]> }>();
  const G = new Map<string, number>();
  const O = new Map<string, number>();
  const ordered = [...examples].sort((a, b) => (a.paper < b.paper ? -1 : a.paper > b.paper ? 1 : 0));
  for (const e of ordered) {
    if (!e.ranking || e.q.expect === null || !e.gold.length) continue;
    const r = e.ranking;
    const at = rowPassages(r);
    const count = abstractCountOf(r);
    const gold = new Set(e.gold);
    const goldTokens: string[][] = [];
    const otherTokens: string[][] = [];
    at.forEach((pi, row) => {
      const p = r.passages[pi] as Passage;
      if (p.source !== "abstract") return;
      (gold.has(row) ? goldTokens : otherTokens).push(sentenceTokens(p, count, o.pseudo));
    });
    if (!goldTokens.length || !otherTokens.length) continue;
    const g = new Map<string, number>();
    const oo = new Map<string, number>();
    for (const ts of goldTokens) for (const t of ts) g.set(t, (g.get(t) ?? 0) + 1 / goldTokens.length);
    for (const ts of otherTokens) for (const t of ts) oo.set(t, (oo.get(t) ?? 0) + 1 / otherTokens.length);
    for (const [t, v] of g) G.set(t, (G.get(t) ?? 0) + v);
    for (const [t, v] of oo) O.set(t, (O.get(t) ?? 0) + v);
    const tokens = new Set([...g.keys(), ...oo.keys()]);
    for (const qs of questionStems(r.q, o.contentOnly)) {
      let slot = byQ.get(qs);
      if (!slot) {
        slot = { n: 0, pairs: new Map() };
        byQ.set(qs, slot);
      }
      slot.n++;
      for (const t of tokens) {
        let pair = slot.pairs.get(t);
        if (!pair) {
          pair = [0, 0, 0, ""];
          slot.pairs.set(t, pair);
        }
        const gv = g.get(t) ?? 0;
        pair[0] += gv;
        pair[1] += oo.get(t) ?? 0;
        if (gv > 0 && pair[3] !== e.paper) {
          pair[2]++;
          pair[3] = e.paper;
        }
      }
    }
  }
  const table: AssocTable = new Map();
  for (const [qs, slot] of byQ) {
    if (slot.n < o.minQuestions) continue;
    const row = new Map<string, number>();
    for (const [t, [gq, oq, papers]] of slot.pairs) {
      if (papers < o.minPapers) continue;
      if (!o.identity && t === qs) continue;
      // The other questions' masses: the 2x2 table of (q or not) x (accepted or other sentence).
      const gr = Math.max(0, (G.get(t) ?? 0) - gq);
      const or = Math.max(0, (O.get(t) ?? 0) - oq);
      const a = o.prior;
      const lor = Math.log(((gq + a) * (or + a)) / ((oq + a) * (gr + a)));
      const z = lor / Math.sqrt(1 / (gq + a) + 1 / (oq + a) + 1 / (gr + a) + 1 / (or + a));
      if (Math.abs(z) >= o.minAbs) row.set(t, z);
    }
    if (row.size) table.set(qs, row);
  }
  return table;
}

/** The association columns appended to the answer model's features. */
export const ASSOC_FEATURES = [
  "assoc:max",
  "assoc:mean",
  "assoc:best",
  "assoc:gap",
  "none:assoc-best",
] as const;

/**
 * Per passage, the association columns, and those of declining. For a passage: the mean over
 * the question's stems the table knows of its best association with one of the passage's tokens
 * (clipped at 0: a question word finds something or nothing), and the mean association over all
 * pairs (a word-translation average, negative for a sentence of the wrong kind); whether it is
 * the abstract's best by their sum, and its gap to the best; for declining, the abstract's best.
 */
export function assocColumns(
  table: AssocTable,
  r: Ranking,
  o: Pick<AssocOptions, "pseudo" | "identity">,
): { passages: Float64Array[]; decline: Float64Array } {
  const K = ASSOC_FEATURES.length;
  const stems = questionStems(r.q).filter((s) => table.has(s));
  const count = abstractCountOf(r);
  const raw = r.passages.map((p) => {
    if (!stems.length) return [0, 0];
    const tokens = sentenceTokens(p, count, o.pseudo);
    let maxSum = 0;
    let meanSum = 0;
    for (const qs of stems) {
      const row = table.get(qs) as Map<string, number>;
      let best = 0;
      let total = 0;
      for (const t of tokens) {
        if (t === qs && !o.identity) continue;
        const a = row.get(t);
        if (a === undefined) continue;
        if (a > best) best = a;
        total += a;
      }
      maxSum += best;
      meanSum += total / Math.max(1, tokens.length);
    }
    return [maxSum / stems.length, meanSum];
  });
  const combined = raw.map(([a, b]) => Math.tanh((a as number) / 3) + Math.tanh((b as number) / 2));
  let top = Number.NEGATIVE_INFINITY;
  r.passages.forEach((p, i) => {
    if (p.source === "abstract" && (combined[i] as number) > top) top = combined[i] as number;
  });
  const passages = r.passages.map((p, i) => {
    const x = new Float64Array(K);
    const [a, b] = raw[i] as number[];
    x[0] = Math.tanh((a as number) / 3);
    x[1] = Math.tanh((b as number) / 2);
    const c = combined[i] as number;
    x[2] = p.source === "abstract" && stems.length && c >= top && c > 0 ? 1 : 0;
    x[3] = stems.length && Number.isFinite(top) ? Math.max(-1, (c - top) / 2) : 0;
    return x;
  });
  const decline = new Float64Array(K);
  decline[4] = stems.length && Number.isFinite(top) ? Math.max(0, top) / 2 : 0;
  return { passages, decline };
}

/** A feature row kept as its non-zero entries. */
/** An example with the association columns appended to every row (the fit's and the answer's). */
export interface Extended {
  e: Example;
  /** For the fit: the example's candidate rows then declining, extended. */
  items: SparseRow[];
  /** For scoring through the shipped answer path. */
  scored: Example;
}

const concat = (a: Float64Array, b: Float64Array) => {
  const y = new Float64Array(a.length + b.length);
  y.set(a);
  y.set(b, a.length);
  return y;
};

/** Appends columns (none: zeros of width K) to an example's rows. */
export function extend(
  e: Example,
  cols: { passages: Float64Array[]; decline: Float64Array } | null,
  K: number,
): Extended {
  if (!e.ranking) return { e, items: [], scored: e };
  const r = e.ranking;
  const zero = new Float64Array(K);
  const rows = r.rows.map((x, i) => concat(x, cols ? (cols.passages[i] as Float64Array) : zero));
  const decline = concat(r.decline, cols ? cols.decline : zero);
  const at = rowPassages(r);
  const items = [...at.map((i) => sparse(rows[i] as Float64Array)), sparse(decline)];
  return { e, items, scored: { ...e, ranking: { ...r, rows, decline } } };
}

/**
 * The listwise linear fit over sparse rows of any width (the loss and Adam of fitWeights in
 * scripts/lib/ask-examples.ts: the accepted sentences' mass, or declining, as the target).
 */
export function fitSparse(
  data: readonly Extended[],
  width: number,
  l2: number,
  steps: number,
  lr: number,
): Float64Array {
  const items = data.filter((d) => d.items.length && (d.e.q.expect === null || d.e.gold.length > 0));
  const w = new Float64Array(width);
  const m = new Float64Array(width);
  const v = new Float64Array(width);
  const total = items.reduce((a, d) => a + d.e.weight, 0);
  const maxRows = Math.max(...items.map((d) => d.items.length));
  const z = new Float64Array(maxRows);
  const g = new Float64Array(width);
  for (let t = 1; t <= steps; t++) {
    g.fill(0);
    for (const d of items) {
      const n = d.items.length;
      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        const { idx, val } = d.items[i] as SparseRow;
        let s = 0;
        for (let q = 0; q < idx.length; q++) s += (val[q] as number) * (w[idx[q] as number] as number);
        z[i] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let i = 0; i < n; i++) {
        z[i] = Math.exp((z[i] as number) - max);
        sum += z[i] as number;
      }
      for (let i = 0; i < n; i++) z[i] = (z[i] as number) / sum;
      const gold = d.e.q.expect === null ? [n - 1] : d.e.gold;
      const mass = gold.reduce((a, i) => a + (z[i] as number), 0);
      const scale = d.e.weight / total;
      for (let i = 0; i < n; i++) {
        const target = gold.includes(i) ? (z[i] as number) / mass : 0;
        const diff = ((z[i] as number) - target) * scale;
        if (diff === 0) continue;
        const { idx, val } = d.items[i] as SparseRow;
        for (let q = 0; q < idx.length; q++)
          g[idx[q] as number] = (g[idx[q] as number] as number) + diff * (val[q] as number);
      }
    }
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    for (let j = 0; j < width; j++) {
      const gj = (g[j] as number) + l2 * (w[j] as number);
      m[j] = 0.9 * (m[j] as number) + 0.1 * gj;
      v[j] = 0.999 * (v[j] as number) + 0.001 * gj * gj;
      w[j] = (w[j] as number) - (lr * ((m[j] as number) / c1)) / (Math.sqrt((v[j] as number) / c2) + 1e-8);
    }
  }
  return w;
}
