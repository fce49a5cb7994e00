/**
 * Every indexed paper as the re-ranker reads it, analyzed once when it is indexed and kept (and
 * persisted with the index): its terms in order, sentence by sentence (the title, with its names'
 * spellings, first), and its distinct word forms. A query turns a few of these into candidate
 * texts without reading the paper from the archive or tokenizing it again, which was half of a
 * short query's time at 100k papers.
 *
 * Papers are kept by primary key in flat columns; terms and words are ids into two vocabularies
 * that only grow. A re-indexed paper's new entry replaces its old one (left as garbage until the
 * next save writes only the live entries).
 */
import { sentenceWords, termOf, titleText, words } from "../text/analysis.js";
import type { TermScanner } from "./term-scanner.js";

/** Between two sentences in a paper's term ids. */
export const SENTENCE = 0xffffffff;

/** A paper's analysis: its sentences' terms (the title's first) and whether it has a word form. */
export interface AnalyzedPaper {
  sentences: string[][];
  words: { has(word: string): boolean };
}

/**
 * A paper's analysis as kept: its term ids in order, SENTENCE between sentences (the title's
 * first, even empty), and whether it has a word form.
 */
export interface AnalyzedEntry {
  ids: Uint32Array;
  words: { has(word: string): boolean };
}

/**
 * A paper's terms sentence by sentence (the title, as `titleText` gives it, always first, even
 * empty; the abstract's sentences without terms left out) and the word forms that gave them.
 * The bulk build's scanner records the same (tested).
 */
export function analyzeSentences(
  title: string,
  abstract: string,
): { sentences: string[][]; forms: string[] } {
  const sentences: string[][] = [];
  const forms: string[] = [];
  const termsOf = (list: readonly string[]) => {
    const out: string[] = [];
    for (const w of list) {
      const t = termOf(w);
      if (t === null) continue;
      out.push(t);
      forms.push(w);
    }
    return out;
  };
  sentences.push(termsOf(words(titleText(title))));
  for (const s of sentenceWords(abstract)) {
    const terms = termsOf(s);
    if (terms.length) sentences.push(terms);
  }
  return { sentences, forms };
}

type Growable = Uint32Array | Uint8Array;

/**
 * A term pool of `size` ids in shared memory: a refit's worker reads the pool where it is (a
 * paper's entry never changes once written; a grown pool is a new buffer), instead of the main
 * thread copying 70 MB at 100k papers while it should be answering.
 */
function sharedPool(size: number, from?: Uint32Array): Uint32Array {
  const pool = new Uint32Array(new SharedArrayBuffer(size * Uint32Array.BYTES_PER_ELEMENT));
  if (from) pool.set(from);
  return pool;
}

/** Scanner ids → store ids, remembered as they are met (one array lookup per word after). */
export class ScannerIds {
  private terms: Int32Array<ArrayBuffer> = new Int32Array(1 << 14).fill(-1);
  private words: Int32Array<ArrayBuffer> = new Int32Array(1 << 14).fill(-1);

  term(id: number, make: () => number): number {
    if (id >= this.terms.length) this.terms = ScannerIds.grow(this.terms, id + 1);
    let mine = this.terms[id] as number;
    if (mine < 0) {
      mine = make();
      this.terms[id] = mine;
    }
    return mine;
  }

  word(id: number, make: () => number): number {
    if (id >= this.words.length) this.words = ScannerIds.grow(this.words, id + 1);
    let mine = this.words[id] as number;
    if (mine < 0) {
      mine = make();
      this.words[id] = mine;
    }
    return mine;
  }

  private static grow(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
    const next = new Int32Array(Math.max(size, array.length * 2)).fill(-1);
    next.set(array);
    return next;
  }
}

function grown<T extends Growable>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2, 1024));
  next.set(array);
  return next;
}

/** The arrays and vocabularies of a store, as the index file holds them (analyzed-codec.ts). */
export interface AnalyzedColumns {
  terms: string[];
  words: string[];
  /** Per pk: present (1) or not. */
  present: Uint8Array;
  termStart: Uint32Array;
  termLength: Uint32Array;
  wordStart: Uint32Array;
  wordLength: Uint32Array;
  termPool: Uint32Array;
  wordPool: Uint32Array;
}

export class AnalyzedPapers {
  private terms: string[];
  /** The terms joined by "\n", kept as they are added: one string to hand to a worker. */
  private termText: string;
  private termIds: Map<string, number> | null = null;
  private words: string[];
  private wordIds: Map<string, number> | null = null;
  private present: Uint8Array;
  private termStart: Uint32Array;
  private termLength: Uint32Array;
  private wordStart: Uint32Array;
  private wordLength: Uint32Array;
  private termPool: Uint32Array;
  private termUsed: number;
  private wordPool: Uint32Array;
  private wordUsed: number;
  private count = 0;

  constructor(columns?: AnalyzedColumns) {
    this.terms = columns?.terms ?? [];
    this.termText = this.terms.join("\n");
    this.words = columns?.words ?? [];
    this.present = columns?.present ?? new Uint8Array(0);
    this.termStart = columns?.termStart ?? new Uint32Array(0);
    this.termLength = columns?.termLength ?? new Uint32Array(0);
    this.wordStart = columns?.wordStart ?? new Uint32Array(0);
    this.wordLength = columns?.wordLength ?? new Uint32Array(0);
    this.termUsed = columns?.termPool.length ?? 0;
    this.termPool = sharedPool(this.termUsed, columns?.termPool);
    this.wordPool = columns?.wordPool ?? new Uint32Array(0);
    this.wordUsed = this.wordPool.length;
    for (let pk = 0; pk < this.present.length; pk++) if (this.present[pk] === 1) this.count++;
  }

  /** Papers kept. */
  get size(): number {
    return this.count;
  }

  has(pk: number): boolean {
    return this.present[pk] === 1;
  }

  /** Analyzes a paper from its text (the slow path, for papers indexed one by one). */
  addText(pk: number, title: string, abstract: string): void {
    const { sentences, forms } = analyzeSentences(title, abstract);
    const termIds: number[] = [];
    sentences.forEach((s, i) => {
      if (i > 0) termIds.push(SENTENCE);
      for (const t of s) termIds.push(this.termId(t));
    });
    this.store(
      pk,
      termIds,
      forms.map((w) => this.wordId(w)),
    );
  }

  /**
   * Records a paper from the bulk build's scanner: `title` and `abstract` are what
   * `scanner.scanRecorded` left for the title (as `titleText` gives it) and the abstract (with
   * sentences), in the scanner's ids; `maps` translates those to this store's (filled as met).
   */
  addScanned(
    pk: number,
    scanner: TermScanner,
    title: { ids: Int32Array; words: Int32Array; n: number },
    abstract: { ids: Int32Array; words: Int32Array; n: number; breaks: readonly number[] },
    maps: ScannerIds,
  ): void {
    const termIds: number[] = [];
    const wordIds: number[] = [];
    const term = (id: number) => maps.term(id, () => this.termId(scanner.terms[id] as string));
    const word = (id: number) => maps.word(id, () => this.wordId(scanner.wordList[id] as string));
    for (let i = 0; i < title.n; i++) {
      termIds.push(term(title.ids[i] as number));
      wordIds.push(word(title.words[i] as number));
    }
    let b = 0;
    for (let i = 0; i < abstract.n; i++) {
      // A sentence starts here (the title's ends before the abstract's first term).
      if (i === 0 || (b < abstract.breaks.length && abstract.breaks[b] === i)) termIds.push(SENTENCE);
      while (b < abstract.breaks.length && (abstract.breaks[b] as number) <= i) b++;
      termIds.push(term(abstract.ids[i] as number));
      wordIds.push(word(abstract.words[i] as number));
    }
    this.store(pk, termIds, wordIds);
  }

  private store(pk: number, termIds: readonly number[], wordIds: readonly number[]): void {
    this.reservePk(pk + 1);
    if (this.present[pk] !== 1) this.count++;
    this.present[pk] = 1;
    if (this.termUsed + termIds.length > this.termPool.length)
      this.termPool = sharedPool(
        Math.max(this.termUsed + termIds.length, this.termPool.length * 2, 1 << 16),
        this.termPool,
      );
    this.termStart[pk] = this.termUsed;
    this.termLength[pk] = termIds.length;
    this.termPool.set(termIds, this.termUsed);
    this.termUsed += termIds.length;
    const distinct = [...new Set(wordIds)].sort((a, b) => a - b);
    this.wordPool = grown(this.wordPool, this.wordUsed + distinct.length);
    this.wordStart[pk] = this.wordUsed;
    this.wordLength[pk] = distinct.length;
    this.wordPool.set(distinct, this.wordUsed);
    this.wordUsed += distinct.length;
  }

  remove(pk: number): void {
    if (this.present[pk] !== 1) return;
    this.present[pk] = 0;
    this.count--;
  }

  /** A paper's analysis in terms (for tests and tools; queries read `entry`), or null. */
  paper(pk: number): AnalyzedPaper | null {
    const entry = this.entry(pk);
    if (!entry) return null;
    const sentences: string[][] = [];
    let current: string[] = [];
    for (const id of entry.ids) {
      if (id === SENTENCE) {
        sentences.push(current);
        current = [];
      } else current.push(this.terms[id] as string);
    }
    sentences.push(current);
    return { sentences, words: entry.words };
  }

  /** The term of an id. */
  term(id: number): string {
    return this.terms[id] as string;
  }

  /** The id of a term, if any paper kept has (or had) it. */
  termIdOf(term: string): number | undefined {
    return this.termIdsMap().get(term);
  }

  /** How many term ids there are (ids are below this). */
  get termCount(): number {
    return this.terms.length;
  }

  /** A paper's analysis as kept (a view, no copy), or null when it is not kept. */
  entry(pk: number): AnalyzedEntry | null {
    if (this.present[pk] !== 1) return null;
    const from = this.termStart[pk] as number;
    const ids = this.termPool.subarray(from, from + (this.termLength[pk] as number));
    const wFrom = this.wordStart[pk] as number;
    const wEnd = wFrom + (this.wordLength[pk] as number);
    const pool = this.wordPool;
    const wordIds = () => this.wordIdsMap();
    return {
      ids,
      words: {
        has(word: string): boolean {
          const id = wordIds().get(word);
          if (id === undefined) return false;
          let lo = wFrom;
          let hi = wEnd - 1;
          while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const v = pool[mid] as number;
            if (v === id) return true;
            if (v < id) lo = mid + 1;
            else hi = mid - 1;
          }
          return false;
        },
      },
    };
  }

  /** A paper's term counts (for its semantic vector), without building its sentences. */
  termCounts(pk: number): Map<string, number> | null {
    if (this.present[pk] !== 1) return null;
    const counts = new Map<string, number>();
    const from = this.termStart[pk] as number;
    const end = from + (this.termLength[pk] as number);
    for (let i = from; i < end; i++) {
      const id = this.termPool[i] as number;
      if (id === SENTENCE) continue;
      const t = this.terms[id] as string;
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return counts;
  }

  /** Builds the lookups a query and an upsert need (a long-running process pays this at start). */
  prepare(): void {
    this.wordIdsMap();
    this.termIdsMap();
  }

  private termIdsMap(): Map<string, number> {
    this.termIds ??= new Map(this.terms.map((t, i) => [t, i]));
    return this.termIds;
  }

  private wordIdsMap(): Map<string, number> {
    this.wordIds ??= new Map(this.words.map((w, i) => [w, i]));
    return this.wordIds;
  }

  private termId(term: string): number {
    const ids = this.termIdsMap();
    let id = ids.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.termText = id === 0 ? term : `${this.termText}\n${term}`;
      ids.set(term, id);
    }
    return id;
  }

  private wordId(word: string): number {
    const ids = this.wordIdsMap();
    let id = ids.get(word);
    if (id === undefined) {
      id = this.words.push(word) - 1;
      ids.set(word, id);
    }
    return id;
  }

  private reservePk(size: number): void {
    if (size <= this.present.length) return;
    this.present = grown(this.present, size);
    this.termStart = grown(this.termStart, size);
    this.termLength = grown(this.termLength, size);
    this.wordStart = grown(this.wordStart, size);
    this.wordLength = grown(this.wordLength, size);
  }

  /**
   * What a semantic refit reads (semantic-job.ts): the terms by sentence, by pk. The per-pk
   * columns are copied (a few bytes a paper); the pool is shared, not copied, and only the part
   * written so far is read.
   */
  snapshot(): {
    termText: string;
    present: Uint8Array;
    termStart: Uint32Array;
    termLength: Uint32Array;
    termPool: Uint32Array;
  } {
    return {
      termText: this.termText,
      present: this.present.slice(),
      termStart: this.termStart.slice(0, this.present.length),
      termLength: this.termLength.slice(0, this.present.length),
      termPool: this.termPool.subarray(0, this.termUsed),
    };
  }

  /**
   * The live entries only, pools rewritten in pk order and the vocabularies cut to the ids still
   * used: what the index file holds.
   */
  columns(): AnalyzedColumns {
    const n = this.present.length;
    let termTotal = 0;
    let wordTotal = 0;
    for (let pk = 0; pk < n; pk++) {
      if (this.present[pk] !== 1) continue;
      termTotal += this.termLength[pk] as number;
      wordTotal += this.wordLength[pk] as number;
    }
    const termMap = new Int32Array(this.terms.length).fill(-1);
    const wordMap = new Int32Array(this.words.length).fill(-1);
    const terms: string[] = [];
    const words: string[] = [];
    const out: AnalyzedColumns = {
      terms,
      words,
      present: this.present.slice(0, n),
      termStart: new Uint32Array(n),
      termLength: new Uint32Array(n),
      wordStart: new Uint32Array(n),
      wordLength: new Uint32Array(n),
      termPool: new Uint32Array(termTotal),
      wordPool: new Uint32Array(wordTotal),
    };
    let t = 0;
    let w = 0;
    for (let pk = 0; pk < n; pk++) {
      if (this.present[pk] !== 1) continue;
      out.termStart[pk] = t;
      out.termLength[pk] = this.termLength[pk] as number;
      const from = this.termStart[pk] as number;
      for (let i = 0; i < (this.termLength[pk] as number); i++) {
        const id = this.termPool[from + i] as number;
        if (id === SENTENCE) out.termPool[t++] = SENTENCE;
        else {
          let mine = termMap[id] as number;
          if (mine < 0) {
            mine = terms.push(this.terms[id] as string) - 1;
            termMap[id] = mine;
          }
          out.termPool[t++] = mine;
        }
      }
      out.wordStart[pk] = w;
      out.wordLength[pk] = this.wordLength[pk] as number;
      const wFrom = this.wordStart[pk] as number;
      const mapped: number[] = [];
      for (let i = 0; i < (this.wordLength[pk] as number); i++) {
        const id = this.wordPool[wFrom + i] as number;
        let mine = wordMap[id] as number;
        if (mine < 0) {
          mine = words.push(this.words[id] as string) - 1;
          wordMap[id] = mine;
        }
        mapped.push(mine);
      }
      mapped.sort((a, b) => a - b);
      out.wordPool.set(mapped, w);
      w += mapped.length;
    }
    return out;
  }
}
