/**
 * A compacted, read-only slice of the index: every posting in flat typed arrays (per field:
 * offsets by term, then document slots and term frequencies). MiniSearch builds and updates the
 * index; once a batch is done it is folded into a segment, because at 100k papers MiniSearch's
 * nested Maps cost about 1 GB and seconds to rebuild on start-up, while a segment is a few flat
 * buffers that load as fast as the file can be read.
 */
import { FIELDS } from "./fields.js";

/** A YYYY-MM-DD date as the number YYYYMMDD (0 when it is not one), as segments store dates. */
export function dateNumber(date: string): number {
  return Number(date.replaceAll("-", "")) || 0;
}

export interface SegmentDocs {
  /** Per slot: the paper's primary key. */
  pks: Float64Array;
  /** Per slot: YYYYMMDD. */
  dates: Int32Array;
  hasCode: Uint8Array;
  /** Per field, per slot: the field's length (distinct terms, as MiniSearch counts it). */
  lengths: Float32Array[];
}

export class Segment {
  /** Sorted terms; a term's id is its position. */
  readonly terms: readonly string[];
  readonly termIds: Map<string, number>;
  /** Per field: start of each term's postings (terms.length + 1 entries). */
  readonly offsets: Uint32Array[];
  /** Per field: document slots, grouped by term. */
  readonly slots: Int32Array[];
  /** Per field: term frequencies, parallel to `slots`. */
  readonly tfs: Uint16Array[];
  readonly docs: SegmentDocs;

  constructor(
    terms: readonly string[],
    offsets: Uint32Array[],
    slots: Int32Array[],
    tfs: Uint16Array[],
    docs: SegmentDocs,
  ) {
    this.terms = terms;
    this.termIds = new Map(terms.map((t, i) => [t, i]));
    this.offsets = offsets;
    this.slots = slots;
    this.tfs = tfs;
    this.docs = docs;
  }

  static empty(): Segment {
    const none = () => FIELDS.map(() => new Uint32Array(1));
    return new Segment(
      [],
      none(),
      FIELDS.map(() => new Int32Array(0)),
      FIELDS.map(() => new Uint16Array(0)),
      {
        pks: new Float64Array(0),
        dates: new Int32Array(0),
        hasCode: new Uint8Array(0),
        lengths: FIELDS.map(() => new Float32Array(0)),
      },
    );
  }

  get size(): number {
    return this.docs.pks.length;
  }

  /** Documents of this segment (live or not) that hold `term` in field `f`. */
  df(termId: number, f: number): number {
    const o = this.offsets[f] as Uint32Array;
    return (o[termId + 1] as number) - (o[termId] as number);
  }
}

/** A posting source for `buildSegment`: one (term → field → slot → tf) view of the documents. */
export interface PostingSource {
  terms(): Iterable<string>;
  /** Calls `emit(newSlot, tf)` for each live posting of `term` in field `f`. */
  postings(term: string, f: number, emit: (slot: number, tf: number) => void): void;
}

/** Folds posting sources into one segment; `docs` are the new slots' columns. */
export function buildSegment(sources: readonly PostingSource[], docs: SegmentDocs): Segment {
  const all = new Set<string>();
  for (const s of sources) for (const t of s.terms()) all.add(t);
  const sorted = [...all].sort();
  const F = FIELDS.length;
  // Two passes over the postings (count, then fill) so each array is allocated once, exactly.
  const live: string[] = [];
  const kept: number[][] = FIELDS.map(() => []);
  for (const term of sorted) {
    const n = FIELDS.map(() => 0);
    for (const s of sources)
      for (let f = 0; f < F; f++)
        s.postings(term, f, () => {
          n[f] = (n[f] ?? 0) + 1;
        });
    if (n.every((x) => x === 0)) continue; // only dead documents had it
    for (let f = 0; f < F; f++) (kept[f] as number[]).push(n[f] as number);
    live.push(term);
  }
  const offsets = FIELDS.map((_, f) => {
    const o = new Uint32Array(live.length + 1);
    const k = kept[f] as number[];
    for (let i = 0; i < live.length; i++) o[i + 1] = (o[i] as number) + (k[i] as number);
    return o;
  });
  const slots = offsets.map((o) => new Int32Array(o[live.length] as number));
  const tfs = offsets.map((o) => new Uint16Array(o[live.length] as number));
  live.forEach((term, i) => {
    for (let f = 0; f < F; f++) {
      let at = (offsets[f] as Uint32Array)[i] as number;
      const sl = slots[f] as Int32Array;
      const tf = tfs[f] as Uint16Array;
      for (const s of sources)
        s.postings(term, f, (slot, freq) => {
          sl[at] = slot;
          tf[at++] = Math.min(freq, 65_535);
        });
    }
  });
  return new Segment(live, offsets, slots, tfs, docs);
}
