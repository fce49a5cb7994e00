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
 * Strings and their ids. The ones loaded from the index file are sorted and found by binary
 * search (a process that only searches builds no map of 100,000s of words at start); ones added
 * since are in a small map.
 */
class Vocabulary {
  private added = new Map<string, number>();

  /** `list[0, sorted)` is in ascending order. */
  constructor(
    readonly list: string[],
    private readonly sorted: number,
  ) {
    for (let i = sorted; i < list.length; i++) this.added.set(list[i] as string, i);
  }

  idOf(s: string): number | undefined {
    let lo = 0;
    let hi = this.sorted - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.list[mid] as string;
      if (v === s) return mid;
      if (v < s) lo = mid + 1;
      else hi = mid - 1;
    }
    return this.added.get(s);
  }

  /** The id of `s`, added when new; `onAdd` hears of a new one. */
  intern(s: string, onAdd?: (s: string, id: number) => void): number {
    let id = this.idOf(s);
    if (id === undefined) {
      id = this.list.push(s) - 1;
      this.added.set(s, id);
      onAdd?.(s, id);
    }
    return id;
  }
}

/**
 * Ids renumbered so that the strings they stand for are in ascending order, for the used ids
 * only (`used[id]` true): the new list, and old id → new id (-1: unused).
 */
function sortedIds(list: readonly string[], used: Uint8Array): { list: string[]; map: Int32Array } {
  const ids: number[] = [];
  for (let id = 0; id < list.length; id++) if (used[id] === 1) ids.push(id);
  ids.sort((a, b) => ((list[a] as string) < (list[b] as string) ? -1 : 1));
  const map = new Int32Array(list.length).fill(-1);
  ids.forEach((id, rank) => {
    map[id] = rank;
  });
  return { list: ids.map((id) => list[id] as string), map };
}

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
  private terms: Vocabulary;
  /**
   * The terms joined by "\n", made on the first refit and kept as terms are added: one string to
   * hand to a worker.
   */
  private termText: string | null = null;
  private words: Vocabulary;
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

  /** `columns` as the index file holds them (vocabularies sorted), or none for an empty store. */
  constructor(columns?: AnalyzedColumns) {
    this.terms = new Vocabulary(columns?.terms ?? [], columns?.terms.length ?? 0);
    this.words = new Vocabulary(columns?.words ?? [], columns?.words.length ?? 0);
    this.present = columns?.present ?? new Uint8Array(0);
    this.termStart = columns?.termStart ?? new Uint32Array(0);
    this.termLength = columns?.termLength ?? new Uint32Array(0);
    this.wordStart = columns?.wordStart ?? new Uint32Array(0);
    this.wordLength = columns?.wordLength ?? new Uint32Array(0);
    this.termUsed = columns?.termPool.length ?? 0;
    // Room for the papers of the next days, so the first ingest after loading copies nothing.
    this.termPool = sharedPool(this.termUsed + Math.max(1 << 16, this.termUsed >> 3), columns?.termPool);
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
      forms.map((w) => this.words.intern(w)),
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
    const word = (id: number) => maps.word(id, () => this.words.intern(scanner.wordList[id] as string));
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
      } else current.push(this.terms.list[id] as string);
    }
    sentences.push(current);
    return { sentences, words: entry.words };
  }

  /** The term of an id. */
  term(id: number): string {
    return this.terms.list[id] as string;
  }

  /** The id of a term, if any paper kept has (or had) it. */
  termIdOf(term: string): number | undefined {
    return this.terms.idOf(term);
  }

  /** How many term ids there are (ids are below this). */
  get termCount(): number {
    return this.terms.list.length;
  }

  /** A paper's analysis as kept (a view, no copy), or null when it is not kept. */
  entry(pk: number): AnalyzedEntry | null {
    if (this.present[pk] !== 1) return null;
    const from = this.termStart[pk] as number;
    const ids = this.termPool.subarray(from, from + (this.termLength[pk] as number));
    const wFrom = this.wordStart[pk] as number;
    const wEnd = wFrom + (this.wordLength[pk] as number);
    const pool = this.wordPool;
    const vocabulary = this.words;
    return {
      ids,
      words: {
        has(word: string): boolean {
          const id = vocabulary.idOf(word);
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
      const t = this.terms.list[id] as string;
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return counts;
  }

  private termId(term: string): number {
    return this.terms.intern(term, (t, id) => {
      if (this.termText !== null) this.termText = id === 0 ? t : `${this.termText}\n${t}`;
    });
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
    this.termText ??= this.terms.list.join("\n");
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
   * used and sorted (so a loaded store finds a string by binary search): what the index file holds.
   */
  columns(): AnalyzedColumns {
    const n = this.present.length;
    let termTotal = 0;
    let wordTotal = 0;
    const termUsed = new Uint8Array(this.terms.list.length);
    const wordUsed = new Uint8Array(this.words.list.length);
    for (let pk = 0; pk < n; pk++) {
      if (this.present[pk] !== 1) continue;
      const from = this.termStart[pk] as number;
      const length = this.termLength[pk] as number;
      termTotal += length;
      for (let i = from; i < from + length; i++) {
        const id = this.termPool[i] as number;
        if (id !== SENTENCE) termUsed[id] = 1;
      }
      const wFrom = this.wordStart[pk] as number;
      wordTotal += this.wordLength[pk] as number;
      for (let i = wFrom; i < wFrom + (this.wordLength[pk] as number); i++)
        wordUsed[this.wordPool[i] as number] = 1;
    }
    const terms = sortedIds(this.terms.list, termUsed);
    const words = sortedIds(this.words.list, wordUsed);
    const out: AnalyzedColumns = {
      terms: terms.list,
      words: words.list,
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
        out.termPool[t++] = id === SENTENCE ? SENTENCE : (terms.map[id] as number);
      }
      out.wordStart[pk] = w;
      out.wordLength[pk] = this.wordLength[pk] as number;
      const wFrom = this.wordStart[pk] as number;
      const mapped: number[] = [];
      for (let i = 0; i < (this.wordLength[pk] as number); i++)
        mapped.push(words.map[this.wordPool[wFrom + i] as number] as number);
      mapped.sort((a, b) => a - b);
      out.wordPool.set(mapped, w);
      w += mapped.length;
    }
    return out;
  }
}
