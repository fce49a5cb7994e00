/**
 * A segment as bytes: a u32 length, a JSON directory (term count, then per array its kind and
 * length), the terms joined by "\n", then each typed array 8-byte aligned. Loading makes views
 * on the one buffer instead of copying, which is what keeps start-up at file-read speed.
 */
import { FIELDS } from "./fields.js";
import { Segment } from "./segment.js";

type Kind = "f64" | "i32" | "u32" | "u16" | "u8" | "f32";
type Typed = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array | Float32Array;
const CTOR = {
  f64: Float64Array,
  i32: Int32Array,
  u32: Uint32Array,
  u16: Uint16Array,
  u8: Uint8Array,
  f32: Float32Array,
} as const;

function kindOf(a: Typed): Kind {
  if (a instanceof Float64Array) return "f64";
  if (a instanceof Int32Array) return "i32";
  if (a instanceof Uint32Array) return "u32";
  if (a instanceof Uint16Array) return "u16";
  if (a instanceof Float32Array) return "f32";
  return "u8";
}

function arraysOf(s: Segment): Typed[] {
  return [...s.offsets, ...s.slots, ...s.tfs, s.docs.pks, s.docs.dates, s.docs.hasCode, ...s.docs.lengths];
}

const align = (n: number) => (n + 7) & ~7;

export function encodeSegment(s: Segment): Buffer {
  const terms = Buffer.from(s.terms.join("\n"), "utf8");
  const arrays = arraysOf(s);
  const dir = Buffer.from(
    JSON.stringify({
      terms: s.terms.length,
      termBytes: terms.length,
      arrays: arrays.map((a) => [kindOf(a), a.length]),
    }),
  );
  let size = align(4 + dir.length) + align(terms.length);
  for (const a of arrays) size += align(a.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(dir.length, 0);
  dir.copy(out, 4);
  let at = align(4 + dir.length);
  terms.copy(out, at);
  at += align(terms.length);
  for (const a of arrays) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, at);
    at += align(a.byteLength);
  }
  return out;
}

/** Throws on any inconsistency; the caller treats that as "rebuild". */
export function decodeSegment(buf: Buffer): Segment {
  // Typed-array views need their element alignment; a pooled Buffer may not start on one.
  const bytes = buf.byteOffset % 8 === 0 ? buf : Buffer.from(buf);
  const dirLen = bytes.readUInt32LE(0);
  const dir = JSON.parse(bytes.subarray(4, 4 + dirLen).toString("utf8")) as {
    terms: number;
    termBytes: number;
    arrays: [Kind, number][];
  };
  let at = align(4 + dirLen);
  const termText = bytes.subarray(at, at + dir.termBytes).toString("utf8");
  const terms = dir.terms === 0 ? [] : termText.split("\n");
  if (terms.length !== dir.terms) throw new Error("term count mismatch");
  at += align(dir.termBytes);
  const F = FIELDS.length;
  if (dir.arrays.length !== 4 * F + 3) throw new Error("unexpected array count");
  const arrays = dir.arrays.map(([kind, length]) => {
    const Ctor = CTOR[kind];
    if (!Ctor) throw new Error(`unknown array kind ${kind}`);
    const byteLength = length * Ctor.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.length) throw new Error("truncated");
    const view = new Ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, length);
    at += align(byteLength);
    return view;
  });
  const take = <T>(from: number, n: number) => arrays.slice(from, from + n) as unknown as T[];
  const offsets = take<Uint32Array>(0, F);
  const slots = take<Int32Array>(F, F);
  const tfs = take<Uint16Array>(2 * F, F);
  const [pks, dates, hasCode] = arrays.slice(3 * F, 3 * F + 3) as [Float64Array, Int32Array, Uint8Array];
  const lengths = take<Float32Array>(3 * F + 3, F);
  for (let f = 0; f < F; f++) {
    const o = offsets[f] as Uint32Array;
    if (o.length !== terms.length + 1 || o[terms.length] !== (slots[f] as Int32Array).length)
      throw new Error("postings do not match the terms");
    if ((lengths[f] as Float32Array).length !== pks.length) throw new Error("lengths do not match");
  }
  if (dates.length !== pks.length || hasCode.length !== pks.length) throw new Error("columns do not match");
  return new Segment(terms, offsets, slots, tfs, { pks, dates, hasCode, lengths });
}
