/**
 * The segment of a whole archive, built in one pass without MiniSearch (PaperIndex.bulk). It
 * records what MiniSearch would (tested: equal posting for posting after compaction): per field,
 * each document's term frequencies, and as its length the number of distinct terms.
 *
 * At 100k papers there are millions of postings, so none of them is an object: terms are ids
 * (term-scanner.ts), each field collects flat (term id, slot, tf) columns in document order, and
 * at the end a counting sort by term rank groups them, which keeps slots ascending within a term.
 */
import { titleText } from "../text/analysis.js";
import { type AnalyzedPapers, ScannerIds } from "./analyzed-papers.js";
import { FIELDS } from "./fields.js";
import type { IndexDoc } from "./paper-index.js";
import { dateNumber, Segment, type SegmentDocs } from "./segment.js";
import { TermScanner } from "./term-scanner.js";

/** Segments store term frequencies as u16; MiniSearch's larger counts are capped the same way. */
const MAX_TF = 65_535;

/** One field's postings in the order they were added: parallel growable columns. */
class PostingColumns {
  termIds = new Int32Array(1 << 16);
  slots = new Int32Array(1 << 16);
  tfs = new Uint16Array(1 << 16);
  length = 0;

  add(termId: number, slot: number, tf: number): void {
    if (this.length === this.termIds.length) this.grow();
    this.termIds[this.length] = termId;
    this.slots[this.length] = slot;
    this.tfs[this.length++] = Math.min(tf, MAX_TF);
  }

  private grow(): void {
    const size = this.termIds.length * 2;
    const termIds = new Int32Array(size);
    termIds.set(this.termIds);
    this.termIds = termIds;
    const slots = new Int32Array(size);
    slots.set(this.slots);
    this.slots = slots;
    const tfs = new Uint16Array(size);
    tfs.set(this.tfs);
    this.tfs = tfs;
  }
}

/**
 * Counts the term ids of one field of one document: `tf` is indexed by term id and is all zeros
 * between documents (reset after each), `distinct` lists the ids seen, once each.
 */
class FieldCounter {
  tf = new Int32Array(1 << 14);
  distinct = new Int32Array(1024);
  size = 0;

  count(ids: Int32Array, n: number, termCount: number): void {
    if (this.tf.length < termCount) {
      const tf = new Int32Array(Math.max(termCount, this.tf.length * 2));
      tf.set(this.tf);
      this.tf = tf;
    }
    if (this.distinct.length < n) this.distinct = new Int32Array(Math.max(n, this.distinct.length * 2));
    const { tf, distinct } = this;
    let size = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i] as number;
      const seen = tf[id] as number;
      if (seen === 0) distinct[size++] = id;
      tf[id] = seen + 1;
    }
    this.size = size;
  }

  /** Moves the counts into `into` for `slot` and clears them for the next field. */
  flush(into: PostingColumns, slot: number): void {
    const { tf, distinct } = this;
    for (let i = 0; i < this.size; i++) {
      const id = distinct[i] as number;
      into.add(id, slot, tf[id] as number);
      tf[id] = 0;
    }
  }
}

/** Column values per slot, as plain arrays while the number of documents is unknown. */
interface DocColumns {
  pks: number[];
  dates: number[];
  hasCode: number[];
  lengths: number[][];
}

/**
 * The segment of `docs`; with `analyzed`, each paper's analysis is recorded there from the same
 * scan (no second pass over the text).
 */
export function bulkSegment(docs: Iterable<IndexDoc>, analyzed?: AnalyzedPapers): Segment {
  const scanner = new TermScanner();
  const ids = new ScannerIds();
  let title = { ids: new Int32Array(0), words: new Int32Array(0), n: 0 };
  const counter = new FieldCounter();
  const postings = FIELDS.map(() => new PostingColumns());
  const columns: DocColumns = { pks: [], dates: [], hasCode: [], lengths: FIELDS.map(() => []) };
  for (const doc of docs) {
    const slot = columns.pks.length;
    columns.pks.push(doc.pk);
    columns.dates.push(dateNumber(doc.date));
    columns.hasCode.push(doc.hasCode ? 1 : 0);
    for (const [f, field] of FIELDS.entries()) {
      // A title as `analyzeTitle` reads it: with its names' other spellings.
      const text = String(doc[field] ?? "");
      let n: number;
      if (!analyzed || field === "authors") n = scanner.scan(field === "title" ? titleText(text) : text);
      else if (field === "title") {
        n = scanner.scanRecorded(titleText(text), false);
        title = { ids: scanner.out.slice(0, n), words: scanner.outWords.slice(0, n), n };
      } else {
        n = scanner.scanRecorded(text, true);
        const abstract = { ids: scanner.out, words: scanner.outWords, n, breaks: scanner.breaks };
        analyzed.addScanned(doc.pk, scanner, title, abstract, ids);
      }
      counter.count(scanner.out, n, scanner.terms.length);
      (columns.lengths[f] as number[]).push(counter.size);
      counter.flush(postings[f] as PostingColumns, slot);
    }
  }
  return groupByTerm(scanner.terms, postings, {
    pks: Float64Array.from(columns.pks),
    dates: Int32Array.from(columns.dates),
    hasCode: Uint8Array.from(columns.hasCode),
    lengths: columns.lengths.map((l) => Float32Array.from(l)),
  });
}

/**
 * The segment: terms sorted (as buildSegment sorts them), and each field's postings grouped by
 * term with a stable counting sort, so within a term the slots stay in document order. Every
 * term has a posting: an id is only made for a term about to be emitted.
 */
function groupByTerm(terms: readonly string[], postings: PostingColumns[], docs: SegmentDocs): Segment {
  const byId = Array.from(terms.keys()).sort((a, b) =>
    (terms[a] as string) < (terms[b] as string) ? -1 : 1,
  );
  const rank = new Int32Array(terms.length);
  byId.forEach((id, r) => {
    rank[id] = r;
  });
  const offsets: Uint32Array[] = [];
  const slots: Int32Array[] = [];
  const tfs: Uint16Array[] = [];
  for (const list of postings) {
    const o = new Uint32Array(terms.length + 1);
    for (let i = 0; i < list.length; i++) {
      const r = rank[list.termIds[i] as number] as number;
      o[r + 1] = (o[r + 1] as number) + 1;
    }
    for (let r = 0; r < terms.length; r++) o[r + 1] = (o[r + 1] as number) + (o[r] as number);
    const next = o.slice(0, terms.length);
    const sl = new Int32Array(list.length);
    const tf = new Uint16Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const r = rank[list.termIds[i] as number] as number;
      const at = next[r] as number;
      next[r] = at + 1;
      sl[at] = list.slots[i] as number;
      tf[at] = list.tfs[i] as number;
    }
    offsets.push(o);
    slots.push(sl);
    tfs.push(tf);
  }
  return new Segment(
    byId.map((id) => terms[id] as string),
    offsets,
    slots,
    tfs,
    docs,
  );
}
