/**
 * Round 3's latent term space (commit b437eb6: LSA over 25,616 background sentences of SciTLDR
 * train and CSAbstruct train, 4,000 content stems x 32 dimensions), re-measured in round 12 on
 * today's question sets (docs/ask.md, "Round 12: learned word associations"). The space is read
 * from that commit (`git show b437eb6:src/ask/term-space-weights.json`), not shipped; its columns
 * are round 3's: the cosine of the question's words (focus, kind of answer, everyday words) with
 * the sentence's, whether the sentence is the abstract's closest, its gap to the closest, and the
 * closest as a feature of declining. Fitted on no question, so nothing needs refitting per fold.
 */
import { execFileSync } from "node:child_process";
import type { Ranking } from "../../src/ask/answer.js";
import type { Passage } from "../../src/ask/passages.js";
import type { Word } from "../../src/ask/words.js";
import { isStopword } from "../../src/text/tokenizer.js";

export const TERM_FEATURES = ["meaning", "meaning:best", "meaning:gap", "none:meaning-best"] as const;

interface Space {
  ids: Map<string, number>;
  dims: number;
  rows: Float32Array;
}

let space: Space | null = null;

function load(): Space {
  const json = JSON.parse(
    execFileSync("git", ["show", "b437eb6:src/ask/term-space-weights.json"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as { features: string[]; weights: Record<string, number[]> };
  const dims = Object.keys(json.weights).length;
  const n = json.features.length;
  const rows = new Float32Array(n * dims);
  for (let j = 0; j < dims; j++) {
    const row = json.weights[`d${j}`] as number[];
    for (let t = 0; t < n; t++) rows[t * dims + j] = row[t] as number;
  }
  return { ids: new Map(json.features.map((t, i) => [t, i])), dims, rows };
}

const isContent = (w: Word) => w.stem.length > 1 && /\p{L}/u.test(w.stem) && !isStopword(w.lower);

/** Unit vector of a bag of words (round 3's embed), or null when no word is known. */
function embed(words: readonly Word[]): Float64Array | null {
  space ??= load();
  const { ids, dims, rows } = space;
  const counts = new Map<number, number>();
  for (const w of words) {
    if (!isContent(w)) continue;
    const id = ids.get(w.stem);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  if (!counts.size) return null;
  const sum = new Float64Array(dims);
  for (const [id, n] of counts) {
    const a = n === 1 ? 1 : 1 + Math.log(n);
    for (let j = 0; j < dims; j++) sum[j] = (sum[j] as number) + a * (rows[id * dims + j] as number);
  }
  let norm = 0;
  for (let j = 0; j < dims; j++) norm += (sum[j] as number) ** 2;
  if (norm === 0) return null;
  for (let j = 0; j < dims; j++) sum[j] = (sum[j] as number) / Math.sqrt(norm);
  return sum;
}

const passageVectors = new WeakMap<Passage, Float64Array | null>();

function cosine(a: Float64Array | null, b: Float64Array | null): number {
  if (!a || !b) return 0;
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] as number) * (b[j] as number);
  return s;
}

/** Round 3's term-space columns of a ranking's passages and of declining. */
export function termColumns(r: Ranking): { passages: Float64Array[]; decline: Float64Array } {
  const q = r.q;
  const asked = embed([...q.focus, ...q.kindWords, ...q.related]);
  const meanings = r.passages.map((p) => {
    if (!passageVectors.has(p)) passageVectors.set(p, embed(p.tokens));
    return Math.max(0, cosine(asked, passageVectors.get(p) ?? null));
  });
  const best = Math.max(0, ...meanings.filter((_, i) => r.passages[i]?.source === "abstract"));
  const passages = meanings.map((m) => {
    const x = new Float64Array(TERM_FEATURES.length);
    x[0] = m;
    x[1] = m > 0 && m >= best - 1e-9 ? 1 : 0;
    x[2] = m > 0 ? Math.max(0, 1 - 4 * (best - m)) : 0;
    return x;
  });
  const decline = new Float64Array(TERM_FEATURES.length);
  decline[3] = best;
  return { passages, decline };
}
