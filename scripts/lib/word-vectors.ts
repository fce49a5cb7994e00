/**
 * Graded word similarity from pre-trained word vectors (GloVe 6B 100-d, int8; built by
 * scripts/build-ask-vectors.ts): "pictures" is close to "images" (cosine 0.76), "customer" to
 * "user" (0.55), by how often words share contexts in general English, not by a table of pairs.
 * Measured in `ask` in round 13 (docs/ask.md "Round 13: word vectors") and not shipped: nothing
 * in src/ reads it. A word is looked up as written (lower case), else by its `ask` stem (the
 * table's most frequent word with that stem), so "imaged" finds "images".
 */
import { readFileSync } from "node:fs";
import { stemOf, type Word } from "../../src/ask/words.js";
import { ErrorCode, PaperboyError } from "../../src/errors.js";

export const WORD_VECTORS = {
  /** Where the build writes by default; the round-13 measurement commits read src/ask/word-vectors.bin. */
  file: "/tmp/ask-word-vectors.bin",
  model: "ask-word-vectors",
  version: 1,
  script: "scripts/build-ask-vectors.ts",
} as const;

export interface WordVectors {
  dimensions: number;
  /** Row of each word as written (lower case). */
  rowOf: Map<string, number>;
  /** Row of each stem's most frequent word, made on the first lookup by stem (stemming 40k words takes 60-170 ms). */
  rowOfStem: Map<string, number> | undefined;
  words: string[];
  data: Int8Array;
  /** Euclidean length of each row, for cosines. */
  norms: Float32Array;
}

function invalid(path: string, why: string): PaperboyError {
  return new PaperboyError(
    ErrorCode.WeightsInvalid,
    `${path} is not a word-vector table (${why}); rebuild it with \`npx tsx ${WORD_VECTORS.script}\``,
    { file: path },
  );
}

/**
 * A table's bytes (little-endian): "PBWV", uint32 header length, the header as UTF-8 JSON (model,
 * version, how it was built, `dimensions`, `count`, `wordBytes`), the words joined by "\n", then
 * `count` × `dimensions` int8 components, row by row in the words' order.
 */
export function encodeWordVectors(
  list: readonly string[],
  data: Int8Array,
  dimensions: number,
  built: Record<string, string>,
): Buffer {
  const wordBytes = Buffer.from(list.join("\n"), "utf8");
  const header = Buffer.from(
    JSON.stringify({
      model: WORD_VECTORS.model,
      version: WORD_VECTORS.version,
      built,
      dimensions,
      count: list.length,
      wordBytes: wordBytes.length,
    }),
    "utf8",
  );
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.length);
  return Buffer.concat([
    Buffer.from("PBWV"),
    size,
    header,
    wordBytes,
    Buffer.from(data.buffer, data.byteOffset, data.byteLength),
  ]);
}

/** Reads a table in the build script's layout (exported for tests, which write small ones). */
export function readWordVectors(bytes: Buffer, path: string = WORD_VECTORS.file): WordVectors {
  if (bytes.length < 8 || bytes.toString("latin1", 0, 4) !== "PBWV") throw invalid(path, "no PBWV mark");
  const headerEnd = 8 + bytes.readUInt32LE(4);
  let header: { model?: string; version?: number; dimensions?: number; count?: number; wordBytes?: number };
  try {
    header = JSON.parse(bytes.toString("utf8", 8, headerEnd));
  } catch {
    throw invalid(path, "unreadable header");
  }
  const { dimensions = 0, count = 0, wordBytes = 0 } = header;
  if (header.model !== WORD_VECTORS.model || header.version !== WORD_VECTORS.version)
    throw invalid(path, `holds ${header.model} v${header.version}, expected v${WORD_VECTORS.version}`);
  const dataAt = headerEnd + wordBytes;
  if (bytes.length !== dataAt + count * dimensions) throw invalid(path, "size does not match its header");
  const list = count ? bytes.toString("utf8", headerEnd, dataAt).split("\n") : [];
  if (list.length !== count) throw invalid(path, "word count does not match its header");
  const data = new Int8Array(bytes.buffer, bytes.byteOffset + dataAt, count * dimensions);
  const rowOf = new Map<string, number>();
  const norms = new Float32Array(count);
  list.forEach((w, i) => {
    rowOf.set(w, i);
    let s = 0;
    for (let d = i * dimensions; d < (i + 1) * dimensions; d++) s += (data[d] as number) ** 2;
    norms[i] = Math.sqrt(s);
  });
  return { dimensions, rowOf, rowOfStem: undefined, words: list, data, norms };
}

/** A table from a file the build script wrote. */
export function loadWordVectors(path: string = WORD_VECTORS.file): WordVectors {
  return readWordVectors(readFileSync(path), path);
}

/** The row of a word, as written or by stem; -1 when the table lacks it. */
export function rowOf(w: Word, t: WordVectors): number {
  const row = t.rowOf.get(w.lower);
  if (row !== undefined) return row;
  if (!t.rowOfStem) {
    t.rowOfStem = new Map();
    t.words.forEach((x, i) => {
      const stem = stemOf(x);
      if (!t.rowOfStem?.has(stem)) t.rowOfStem?.set(stem, i);
    });
  }
  return t.rowOfStem.get(w.stem) ?? -1;
}

function cosineOfRows(t: WordVectors, a: number, b: number): number {
  const n = (t.norms[a] as number) * (t.norms[b] as number);
  if (!n) return 0;
  let s = 0;
  const d = t.dimensions;
  for (let i = 0; i < d; i++) s += (t.data[a * d + i] as number) * (t.data[b * d + i] as number);
  return s / n;
}

/** Cosine of two words' vectors (1 for the same word); 0 when either is not in the table. */
export function similarity(a: Word, b: Word, t: WordVectors): number {
  if (a.lower === b.lower || a.stem === b.stem) return 1;
  const ra = rowOf(a, t);
  const rb = rowOf(b, t);
  return ra < 0 || rb < 0 ? 0 : cosineOfRows(t, ra, rb);
}

/** The candidate closest to `w` and its cosine, or null when none (or `w`) is in the table. */
export function nearestInPaper(
  w: Word,
  candidates: Iterable<Word>,
  t: WordVectors,
): { word: Word; cosine: number } | null {
  const rw = rowOf(w, t);
  if (rw < 0) return null;
  let best: { word: Word; cosine: number } | null = null;
  for (const c of candidates) {
    const rc = rowOf(c, t);
    if (rc < 0) continue;
    const cosine = c.stem === w.stem ? 1 : cosineOfRows(t, rw, rc);
    if (!best || cosine > best.cosine) best = { word: c, cosine };
  }
  return best;
}

/** A word made from a lower-case token, for looking up table words ("images"). */
export function wordOf(lower: string): Word {
  return { surface: lower, lower, stem: stemOf(lower) };
}
