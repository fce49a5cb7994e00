/**
 * The search index: a compacted base segment (segment.ts: flat arrays, what the file holds) plus
 * a MiniSearch over the papers added or changed since, and per-slot columns (typed arrays) that
 * the scorer and the filters read without touching objects.
 *
 * Slots: base documents are 0..B-1; a MiniSearch document with short id s is B + s. Replacing a
 * paper marks its old slot dead and adds it to MiniSearch. `compact()` folds MiniSearch into a
 * new base (done after a full build and before saving), so MiniSearch does all indexing while
 * the long-lived state stays compact.
 *
 * Beside the postings, the index keeps the abbreviations its papers define (text/abbreviations.ts)
 * and each paper's analysis for the re-ranker (analyzed-papers.ts), updated with each paper and
 * saved in the same file, so they are always of the same papers.
 *
 * The scorer reads MiniSearch's postings through the fields it declares `protected` for
 * extension (see `Internals`); its `search()` allocates per matching document and term.
 */
import MiniSearch from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import { Abbreviations, analyze, analyzeTitle } from "../text/analysis.js";
import { AnalyzedPapers } from "./analyzed-papers.js";
import { bulkSegment } from "./bulk-segment.js";
import { FIELDS } from "./fields.js";
import { bm25Idf } from "./ranking.js";
import { buildSegment, dateNumber, type PostingSource, Segment, type SegmentDocs } from "./segment.js";

export { FIELDS, type Field } from "./fields.js";

export interface IndexDoc {
  pk: number;
  title: string;
  abstract: string;
  /** Author names joined by ", ". */
  authors: string;
  date: string;
  hasCode: boolean;
}

/** term → field id → short document id → term frequency */
export type FieldPostings = Map<number, Map<number, number>>;

/** The protected state of MiniSearch 7 that the index reads (never writes). */
interface Internals {
  _index: {
    get(term: string): FieldPostings | undefined;
    keys(): Iterable<string>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
  };
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _nextId: number;
}

export function miniSearchOptions() {
  return {
    idField: "pk",
    fields: [...FIELDS],
    storeFields: [],
    // Analysis happens in tokenize so that one module decides terms at index and query time; a
    // title also gets its system names' other spellings (text/names.ts).
    tokenize: (text: string, field?: string) => (field === "title" ? analyzeTitle(text) : analyze(text)),
    processTerm: (term: string) => term,
    // Vacuuming runs on timers; a CLI run must not linger. Discarded postings are skipped.
    autoVacuum: false,
  };
}

export class PaperIndex {
  base: Segment;
  mini: MiniSearch<IndexDoc>;
  private internals: Internals;
  private basePk = new Map<number, number>();
  private baseTerms: SearchableMap<number> | null = null;
  /** The base's terms that occur in a title, for the names fallback (built on first use). */
  private baseTitleTerms: SearchableMap<number> | null = null;
  /** Per slot: 1 while the document is live. */
  live = new Uint8Array(0);
  /** Per slot: the paper's date as YYYYMMDD, for --since/--until. */
  dates = new Int32Array(0);
  /** Per slot: 1 when the paper has a code link. */
  hasCode = new Uint8Array(0);
  /** Per field id, per slot: the field's length in terms (BM25 length normalization). */
  lengths: Float32Array[] = [];
  private liveCount = 0;
  /** Bumped whenever a document frequency may have changed (the IDF cache's stamp). */
  private changes = 1;
  private idfCache = new Float64Array(0);
  private idfStamp = new Int32Array(0);
  private lengthSum: number[] = FIELDS.map(() => 0);
  /** The abbreviations the indexed papers define. */
  readonly abbreviations: Abbreviations;
  /** Each indexed paper's terms by sentence and word forms, for the re-ranker. */
  readonly analyzed: AnalyzedPapers;

  private constructor(base: Segment, abbreviations: Abbreviations, analyzed: AnalyzedPapers) {
    this.base = base;
    this.abbreviations = abbreviations;
    this.analyzed = analyzed;
    this.mini = new MiniSearch<IndexDoc>(miniSearchOptions());
    this.internals = this.checkedInternals();
    this.adoptBase();
  }

  static empty(): PaperIndex {
    return new PaperIndex(Segment.empty(), new Abbreviations(), new AnalyzedPapers());
  }

  /** A loaded index: its segment, and the abbreviations and analyses of the same papers. */
  static fromSegment(segment: Segment, abbreviations: Abbreviations, analyzed: AnalyzedPapers): PaperIndex {
    return new PaperIndex(segment, abbreviations, analyzed);
  }

  /**
   * A whole archive at once, straight into a segment: the same terms, frequencies and field
   * lengths MiniSearch records (lengths are distinct terms, as it counts them), in the same slot
   * order, so the result equals adding every paper to MiniSearch and compacting. For the first
   * build of a large archive, where MiniSearch's per-word tree insertion is most of the cost;
   * later changes still go through MiniSearch. The build itself is in bulk-segment.ts.
   */
  static bulk(docs: Iterable<IndexDoc>): PaperIndex {
    const abbreviations = new Abbreviations();
    const analyzed = new AnalyzedPapers();
    function* recorded(): Generator<IndexDoc> {
      for (const doc of docs) {
        abbreviations.set(doc.pk, definingText(doc));
        yield doc;
      }
    }
    return new PaperIndex(bulkSegment(recorded(), analyzed), abbreviations, analyzed);
  }

  private checkedInternals(): Internals {
    const internals = this.mini as unknown as Internals;
    const ok =
      internals._index &&
      internals._documentIds instanceof Map &&
      internals._fieldLength instanceof Map &&
      FIELDS.every((f, i) => internals._fieldIds[f] === i);
    if (!ok) throw new Error("minisearch internals changed: the search index needs minisearch 7.x");
    return internals;
  }

  private adoptBase(): void {
    const b = this.base;
    const n = b.size;
    const cap = Math.max(1024, n * 2);
    this.live = new Uint8Array(cap);
    this.dates = new Int32Array(cap);
    this.hasCode = new Uint8Array(cap);
    this.lengths = FIELDS.map(() => new Float32Array(cap));
    this.live.fill(1, 0, n);
    this.dates.set(b.docs.dates);
    this.hasCode.set(b.docs.hasCode);
    this.basePk = new Map();
    for (let s = 0; s < n; s++) this.basePk.set(b.docs.pks[s] as number, s);
    this.liveCount = n;
    this.lengthSum = FIELDS.map((_, f) => {
      const from = b.docs.lengths[f] as Float32Array;
      (this.lengths[f] as Float32Array).set(from);
      let sum = 0;
      for (let s = 0; s < n; s++) sum += from[s] as number;
      return sum;
    });
    this.baseTerms = null;
    this.baseTitleTerms = null;
  }

  get documentCount(): number {
    return this.liveCount;
  }

  /** Slots of the base segment; MiniSearch documents follow. */
  get baseSize(): number {
    return this.base.size;
  }

  /** One past the highest slot in use. */
  get capacity(): number {
    return this.base.size + this.internals._nextId;
  }

  has(pk: number): boolean {
    return this.basePk.has(pk) || this.internals._idToShortId.has(pk);
  }

  /**
   * A stamp that changes whenever a term's document frequency may have (a paper added, replaced
   * or dropped, or the index compacted): what is computed from IDFs holds while it stays.
   */
  get idfVersion(): number {
    return this.changes;
  }

  /**
   * The BM25 IDF (as `documentFrequency` counts) of a term by its id among the analyzed papers'
   * terms: the re-ranker weighs every term of 50 candidates, and this is one array read once seen.
   */
  termIdf(id: number): number {
    if (id >= this.idfStamp.length) {
      const n = Math.max(id + 1, this.analyzed.termCount, this.idfStamp.length * 2, 1024);
      const stamps = new Int32Array(n);
      stamps.set(this.idfStamp);
      const values = new Float64Array(n);
      values.set(this.idfCache);
      this.idfStamp = stamps;
      this.idfCache = values;
    }
    if (this.idfStamp[id] === this.changes) return this.idfCache[id] as number;
    const idf = bm25Idf(this.liveCount, this.documentFrequency(this.analyzed.term(id)));
    this.idfCache[id] = idf;
    this.idfStamp[id] = this.changes;
    return idf;
  }

  /** Adds a paper, replacing the version indexed before. */
  upsert(doc: IndexDoc): void {
    this.changes++;
    this.discard(doc.pk);
    this.abbreviations.set(doc.pk, definingText(doc));
    this.analyzed.addText(doc.pk, doc.title, doc.abstract);
    this.mini.add(doc);
    const sid = this.base.size + (this.internals._idToShortId.get(doc.pk) as number);
    this.grow(sid + 1);
    const lengths = this.internals._fieldLength.get(sid - this.base.size) ?? [];
    this.live[sid] = 1;
    this.dates[sid] = dateNumber(doc.date);
    this.hasCode[sid] = doc.hasCode ? 1 : 0;
    for (let f = 0; f < FIELDS.length; f++) {
      const len = lengths[f] ?? 0;
      (this.lengths[f] as Float32Array)[sid] = len;
      this.lengthSum[f] = (this.lengthSum[f] as number) + len;
    }
    this.liveCount++;
  }

  discard(pk: number): void {
    this.changes++;
    this.abbreviations.remove(pk);
    this.analyzed.remove(pk);
    const baseSlot = this.basePk.get(pk);
    if (baseSlot !== undefined) {
      this.basePk.delete(pk);
      this.kill(baseSlot);
    }
    const short = this.internals._idToShortId.get(pk);
    if (short !== undefined) {
      this.mini.discard(pk);
      this.kill(this.base.size + short);
    }
  }

  private kill(sid: number): void {
    if (this.live[sid] !== 1) return;
    this.live[sid] = 0;
    this.liveCount--;
    for (let f = 0; f < FIELDS.length; f++) {
      this.lengthSum[f] = (this.lengthSum[f] as number) - ((this.lengths[f] as Float32Array)[sid] as number);
    }
  }

  pkOf(sid: number): number | undefined {
    const B = this.base.size;
    return sid < B ? this.base.docs.pks[sid] : this.internals._documentIds.get(sid - B);
  }

  /** MiniSearch's postings of a term (the recent documents; slots are baseSize + short id). */
  recentPostings(term: string): FieldPostings | undefined {
    return this.internals._index.get(term);
  }

  avgLength(fieldId: number): number {
    return this.liveCount ? (this.lengthSum[fieldId] as number) / this.liveCount : 0;
  }

  /** Documents holding `term` in field `f`, replaced versions included (as MiniSearch counts). */
  fieldDf(term: string, f: number): number {
    const id = this.base.termIds.get(term);
    const recent = this.internals._index.get(term)?.get(f)?.size ?? 0;
    return (id === undefined ? 0 : this.base.df(id, f)) + recent;
  }

  /** Documents that contain a term in any field (an upper bound; used to rank query terms). */
  documentFrequency(term: string): number {
    // Two lookups, not two per field: the re-ranker asks this for every term of 50 abstracts.
    const id = this.base.termIds.get(term);
    const recent = this.internals._index.get(term);
    if (id === undefined && recent === undefined) return 0;
    let df = 0;
    for (let f = 0; f < FIELDS.length; f++) {
      const n = (id === undefined ? 0 : this.base.df(id, f)) + (recent?.get(f)?.size ?? 0);
      if (n > df) df = n;
    }
    return df;
  }

  /** Calls `fn(slot, tf)` for every posting of `term` in field `f`, dead slots included. */
  forEachPosting(term: string, f: number, fn: (sid: number, tf: number) => void): void {
    const id = this.base.termIds.get(term);
    if (id !== undefined) {
      const o = this.base.offsets[f] as Uint32Array;
      const slots = this.base.slots[f] as Int32Array;
      const tfs = this.base.tfs[f] as Uint16Array;
      for (let i = o[id] as number, end = o[id + 1] as number; i < end; i++)
        fn(slots[i] as number, tfs[i] as number);
    }
    const recent = this.internals._index.get(term)?.get(f);
    if (recent) {
      const B = this.base.size;
      recent.forEach((tf, short) => {
        fn(B + short, tf);
      });
    }
  }

  /** Indexed terms within `maxDistance` edits of `term`, with their distance (for "did you mean"). */
  nearTerms(term: string, maxDistance: number): { term: string; distance: number; df: number }[] {
    // Built only when a query found nothing: the base's terms are a sorted list, not a tree.
    this.baseTerms ??= SearchableMap.from(this.base.terms.map((t, i) => [t, i] as [string, number]));
    const found = new Map<string, number>();
    for (const [t, [, d]] of this.baseTerms.fuzzyGet(term, maxDistance)) found.set(t, d);
    for (const [t, [, d]] of this.internals._index.fuzzyGet(term, maxDistance)) found.set(t, d);
    const out: { term: string; distance: number; df: number }[] = [];
    for (const [t, distance] of found) {
      if (this.someDocumentWith(t) === undefined) continue;
      out.push({ term: t, distance, df: this.documentFrequency(t) });
    }
    return out;
  }

  /**
   * Terms of titles within `maxDistance` edits of `term`, with their distance and document
   * frequency: the fallback for a misspelled system name ("densgrpo" → "densegrpo"). Titles only,
   * since a name is in its paper's title, and the title vocabulary is a small part of the whole.
   */
  nearTitleTerms(term: string, maxDistance: number): { term: string; distance: number; df: number }[] {
    const title = FIELDS.indexOf("title");
    if (!this.baseTitleTerms) {
      const entries: [string, number][] = [];
      this.base.terms.forEach((t, i) => {
        if (this.base.df(i, title) > 0) entries.push([t, i]);
      });
      this.baseTitleTerms = SearchableMap.from(entries);
    }
    const found = new Map<string, number>();
    for (const [t, [, d]] of this.baseTitleTerms.fuzzyGet(term, maxDistance)) found.set(t, d);
    for (const [t, [postings, d]] of this.internals._index.fuzzyGet(term, maxDistance))
      if (postings.get(title)?.size) found.set(t, d);
    const out: { term: string; distance: number; df: number }[] = [];
    for (const [t, distance] of found) {
      if (!this.inLiveTitle(t, title)) continue;
      out.push({ term: t, distance, df: this.documentFrequency(t) });
    }
    return out;
  }

  /** Builds what the first fuzzy lookup would (a long-running process pays it at start). */
  prepareFuzzy(): void {
    this.nearTitleTerms("", 0);
  }

  private inLiveTitle(term: string, title: number): boolean {
    let live = false;
    this.forEachPosting(term, title, (sid) => {
      if (this.live[sid] === 1) live = true;
    });
    return live;
  }

  /** A live document that contains `term`, if any. */
  someDocumentWith(term: string): number | undefined {
    let found: number | undefined;
    for (let f = 0; f < FIELDS.length && found === undefined; f++) {
      this.forEachPosting(term, f, (sid) => {
        if (found === undefined && this.live[sid] === 1) found = this.pkOf(sid);
      });
    }
    return found;
  }

  /** Folds the recent documents into a new base segment and starts an empty MiniSearch. */
  compact(): void {
    if (this.internals._nextId === 0 && this.liveCount === this.base.size) return;
    this.changes++;
    const B = this.base.size;
    const cap = this.capacity;
    const newSlot = new Int32Array(cap).fill(-1);
    let n = 0;
    for (let sid = 0; sid < cap; sid++) if (this.live[sid] === 1) newSlot[sid] = n++;
    const docs: SegmentDocs = {
      pks: new Float64Array(n),
      dates: new Int32Array(n),
      hasCode: new Uint8Array(n),
      lengths: FIELDS.map(() => new Float32Array(n)),
    };
    for (let sid = 0; sid < cap; sid++) {
      const to = newSlot[sid] as number;
      if (to < 0) continue;
      docs.pks[to] = this.pkOf(sid) as number;
      docs.dates[to] = this.dates[sid] as number;
      docs.hasCode[to] = this.hasCode[sid] as number;
      for (let f = 0; f < FIELDS.length; f++)
        (docs.lengths[f] as Float32Array)[to] = (this.lengths[f] as Float32Array)[sid] as number;
    }
    const base = this.base;
    const index = this.internals._index;
    const fromBase: PostingSource = {
      terms: () => base.terms,
      postings: (term, f, emit) => {
        const id = base.termIds.get(term);
        if (id === undefined) return;
        const o = base.offsets[f] as Uint32Array;
        const slots = base.slots[f] as Int32Array;
        const tfs = base.tfs[f] as Uint16Array;
        for (let i = o[id] as number, end = o[id + 1] as number; i < end; i++) {
          const to = newSlot[slots[i] as number] as number;
          if (to >= 0) emit(to, tfs[i] as number);
        }
      },
    };
    const fromMini: PostingSource = {
      terms: () => index.keys(),
      postings: (term, f, emit) => {
        index
          .get(term)
          ?.get(f)
          ?.forEach((tf, short) => {
            const to = newSlot[B + short] as number;
            if (to >= 0) emit(to, tf);
          });
      },
    };
    this.base = buildSegment([fromBase, fromMini], docs);
    this.mini = new MiniSearch<IndexDoc>(miniSearchOptions());
    this.internals = this.checkedInternals();
    this.adoptBase();
  }

  private grow(min: number): void {
    if (min <= this.live.length) return;
    const size = Math.max(min, this.live.length * 2, 1024);
    const live = new Uint8Array(size);
    live.set(this.live);
    this.live = live;
    const dates = new Int32Array(size);
    dates.set(this.dates);
    this.dates = dates;
    const code = new Uint8Array(size);
    code.set(this.hasCode);
    this.hasCode = code;
    this.lengths = this.lengths.map((old) => {
      const next = new Float32Array(size);
      next.set(old);
      return next;
    });
  }
}

/** Where a paper defines its abbreviations: the title and the abstract. */
function definingText(doc: IndexDoc): string {
  return `${doc.title}\n${doc.abstract}`;
}

export { dateNumber };
