/**
 * The search index: a MiniSearch over title, abstract and authors, plus per-document columns
 * (typed arrays) that the fast scorer and the filters read without touching objects.
 *
 * MiniSearch stays the index (postings, field lengths, add/discard, serialization). Its
 * `search()` builds an object per matching document per term, which at 100k papers costs about a
 * second for a 20-word query; `scorer.ts` instead reads the same postings through the fields
 * MiniSearch declares `protected` for extension (see `Internals`), and sums scores into arrays.
 */
import MiniSearch, { type AsPlainObject } from "minisearch";
import { analyze } from "./tokenizer.js";

export interface IndexDoc {
  pk: number;
  title: string;
  abstract: string;
  /** Author names joined by ", ". */
  authors: string;
  date: string;
  hasCode: boolean;
}

export const FIELDS = ["title", "abstract", "authors"] as const;
export type Field = (typeof FIELDS)[number];

/** term → field id → short document id → term frequency */
export type FieldPostings = Map<number, Map<number, number>>;

/** The protected state of MiniSearch 7 that the scorer reads (never writes). */
interface Internals {
  _index: {
    get(term: string): FieldPostings | undefined;
    has(term: string): boolean;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
  };
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, { date?: string; hasCode?: boolean }>;
  _nextId: number;
}

export function miniSearchOptions() {
  return {
    idField: "pk",
    fields: [...FIELDS],
    storeFields: ["date", "hasCode"],
    // Analysis happens in tokenize so that one function decides terms at index and query time.
    tokenize: (text: string) => analyze(text),
    processTerm: (term: string) => term,
    // Vacuuming runs on timers; a CLI run must not linger. Discarded postings are skipped.
    autoVacuum: false,
  };
}

function dateNumber(date: string): number {
  return Number(date.replaceAll("-", "")) || 0;
}

export class PaperIndex {
  readonly mini: MiniSearch<IndexDoc>;
  private readonly internals: Internals;
  /** Per short id: 1 while the document is live. */
  live = new Uint8Array(0);
  /** Per short id: the paper's date as YYYYMMDD, for --since/--until. */
  dates = new Int32Array(0);
  /** Per short id: 1 when the paper has a code link. */
  hasCode = new Uint8Array(0);
  /** Per field id, per short id: the field's length in terms (BM25 length normalization). */
  lengths: Float32Array[] = [];

  private constructor(mini: MiniSearch<IndexDoc>) {
    this.mini = mini;
    this.internals = mini as unknown as Internals;
    const ok =
      this.internals._index &&
      this.internals._documentIds instanceof Map &&
      this.internals._fieldLength instanceof Map &&
      Array.isArray(this.internals._avgFieldLength);
    if (!ok) throw new Error("minisearch internals changed: the search index needs minisearch 7.x");
    this.lengths = FIELDS.map(() => new Float32Array(0));
    this.rebuildColumns();
  }

  static empty(): PaperIndex {
    return new PaperIndex(new MiniSearch<IndexDoc>(miniSearchOptions()));
  }

  static fromPlain(plain: AsPlainObject): PaperIndex {
    return new PaperIndex(MiniSearch.loadJS<IndexDoc>(plain, miniSearchOptions()));
  }

  toPlain(): AsPlainObject {
    return this.mini.toJSON();
  }

  get documentCount(): number {
    return this.mini.documentCount;
  }

  has(pk: number): boolean {
    return this.mini.has(pk);
  }

  /** Adds a paper, replacing the version indexed before. */
  upsert(doc: IndexDoc): void {
    this.discard(doc.pk);
    this.mini.add(doc);
    const sid = this.internals._idToShortId.get(doc.pk) as number;
    this.setColumns(sid);
  }

  discard(pk: number): void {
    const sid = this.internals._idToShortId.get(pk);
    if (sid === undefined) return;
    this.mini.discard(pk);
    this.live[sid] = 0;
  }

  pkOf(sid: number): number | undefined {
    return this.internals._documentIds.get(sid);
  }

  postings(term: string): FieldPostings | undefined {
    return this.internals._index.get(term);
  }

  fieldId(field: Field): number {
    return this.internals._fieldIds[field] as number;
  }

  avgLength(fieldId: number): number {
    return this.internals._avgFieldLength[fieldId] ?? 0;
  }

  /** Documents that contain a term in any field (an upper bound; used to rank query terms). */
  documentFrequency(term: string): number {
    const data = this.internals._index.get(term);
    if (!data) return 0;
    let df = 0;
    for (const m of data.values()) df = Math.max(df, m.size);
    return df;
  }

  /** Indexed terms within `maxDistance` edits of `term`, with their distance (for "did you mean"). */
  nearTerms(term: string, maxDistance: number): { term: string; distance: number; df: number }[] {
    const out: { term: string; distance: number; df: number }[] = [];
    for (const [t, [, distance]] of this.internals._index.fuzzyGet(term, maxDistance)) {
      const df = this.documentFrequency(t);
      if (df > 0) out.push({ term: t, distance, df });
    }
    return out;
  }

  /** A live document that contains `term`, if any. */
  someDocumentWith(term: string): number | undefined {
    const data = this.internals._index.get(term);
    if (!data) return undefined;
    for (const postings of data.values()) {
      for (const sid of postings.keys()) if (this.live[sid] === 1) return this.pkOf(sid);
    }
    return undefined;
  }

  /** Capacity of the per-document columns: one past the highest short id. */
  get capacity(): number {
    return this.internals._nextId;
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

  private setColumns(sid: number): void {
    this.grow(sid + 1);
    const stored = this.internals._storedFields.get(sid) ?? {};
    const lengths = this.internals._fieldLength.get(sid) ?? [];
    this.live[sid] = 1;
    this.dates[sid] = dateNumber(stored.date ?? "");
    this.hasCode[sid] = stored.hasCode ? 1 : 0;
    for (let f = 0; f < this.lengths.length; f++) (this.lengths[f] as Float32Array)[sid] = lengths[f] ?? 0;
  }

  private rebuildColumns(): void {
    this.grow(this.internals._nextId);
    for (const sid of this.internals._documentIds.keys()) this.setColumns(sid);
  }
}

export { dateNumber };
