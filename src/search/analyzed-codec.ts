/**
 * The analyzed papers (analyzed-papers.ts) as bytes, the way segment-codec.ts writes a segment:
 * a u32 length, a JSON directory, the two vocabularies joined by "\n", then each typed array
 * 8-byte aligned. Loading makes views on the one buffer instead of copying.
 */
import { type AnalyzedColumns, AnalyzedPapers } from "./analyzed-papers.js";

const align = (n: number) => (n + 7) & ~7;

type Arrays = [Uint8Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
const KINDS = ["u8", "u32", "u32", "u32", "u32", "u32", "u32"] as const;

function arraysOf(c: AnalyzedColumns): Arrays {
  return [c.present, c.termStart, c.termLength, c.wordStart, c.wordLength, c.termPool, c.wordPool];
}

export function encodeAnalyzed(papers: AnalyzedPapers): Buffer {
  const c = papers.columns();
  const terms = Buffer.from(c.terms.join("\n"), "utf8");
  const words = Buffer.from(c.words.join("\n"), "utf8");
  const arrays = arraysOf(c);
  const dir = Buffer.from(
    JSON.stringify({
      terms: c.terms.length,
      termBytes: terms.length,
      words: c.words.length,
      wordBytes: words.length,
      arrays: arrays.map((a, i) => [KINDS[i], a.length]),
    }),
  );
  let size = align(4 + dir.length) + align(terms.length) + align(words.length);
  for (const a of arrays) size += align(a.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(dir.length, 0);
  dir.copy(out, 4);
  let at = align(4 + dir.length);
  terms.copy(out, at);
  at += align(terms.length);
  words.copy(out, at);
  at += align(words.length);
  for (const a of arrays) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, at);
    at += align(a.byteLength);
  }
  return out;
}

/** Throws on any inconsistency; the caller treats that as "rebuild". */
export function decodeAnalyzed(buf: Buffer): AnalyzedPapers {
  const bytes = buf.byteOffset % 8 === 0 ? buf : Buffer.from(buf);
  const dirLen = bytes.readUInt32LE(0);
  const dir = JSON.parse(bytes.subarray(4, 4 + dirLen).toString("utf8")) as {
    terms: number;
    termBytes: number;
    words: number;
    wordBytes: number;
    arrays: [string, number][];
  };
  let at = align(4 + dirLen);
  const list = (count: number, byteLength: number) => {
    const text = bytes.subarray(at, at + byteLength).toString("utf8");
    at += align(byteLength);
    const out = count === 0 ? [] : text.split("\n");
    if (out.length !== count) throw new Error("vocabulary size mismatch");
    return out;
  };
  const terms = list(dir.terms, dir.termBytes);
  const words = list(dir.words, dir.wordBytes);
  // Looked up by binary search once loaded: out of order, they would silently not be found.
  for (const vocabulary of [terms, words])
    for (let i = 1; i < vocabulary.length; i++)
      if (!((vocabulary[i - 1] as string) < (vocabulary[i] as string)))
        throw new Error("vocabulary not sorted");
  if (dir.arrays.length !== KINDS.length) throw new Error("unexpected array count");
  const arrays = dir.arrays.map(([kind, length], i) => {
    if (kind !== KINDS[i]) throw new Error(`unexpected array kind ${kind}`);
    const Ctor = kind === "u8" ? Uint8Array : Uint32Array;
    const byteLength = length * Ctor.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.length) throw new Error("truncated");
    const view = new Ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, length);
    at += align(byteLength);
    return view;
  }) as Arrays;
  const [present, termStart, termLength, wordStart, wordLength, termPool, wordPool] = arrays;
  const n = present.length;
  if ([termStart, termLength, wordStart, wordLength].some((a) => a.length !== n))
    throw new Error("columns do not match");
  for (let pk = 0; pk < n; pk++) {
    if (present[pk] !== 1) continue;
    if ((termStart[pk] as number) + (termLength[pk] as number) > termPool.length)
      throw new Error("terms out of range");
    if ((wordStart[pk] as number) + (wordLength[pk] as number) > wordPool.length)
      throw new Error("words out of range");
  }
  return new AnalyzedPapers({
    terms,
    words,
    present,
    termStart,
    termLength,
    wordStart,
    wordLength,
    termPool,
    wordPool,
  });
}
