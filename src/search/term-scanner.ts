/**
 * The terms of `analyze()` as small integer ids, for building the index of a whole archive at
 * once (bulk-segment.ts). `analyze()` lowercases each text, cuts it into a fresh array of word
 * strings and looks every word up in two Maps; over 100k abstracts that is millions of short-lived
 * strings. Here a text that is plain ASCII (almost all of them) is read character by character,
 * each word is hashed in place and looked up in a table of the words seen before, so a word costs
 * no allocation after its first sight. Any other text goes through `words()` and `termOf()`
 * exactly as `analyze()` does, because Unicode lowercasing can change lengths and depends on
 * context (Greek final sigma), which a character scanner would get wrong.
 *
 * Invariant (tested): for every text, `scan(text)` leaves in `out` the ids of `analyze(text)`,
 * in order, repeats kept.
 */
import { termOf, words } from "./tokenizer.js";

/** The id of a word that yields no term (stopword, single letter). */
const NO_TERM = -1;
/** Any UTF-16 code unit above ASCII (no u flag: surrogate halves match one by one). */
const NON_ASCII = /[\u0080-\uffff]/;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16_777_619;

/** A-Z to a-z; every other code unit unchanged (for ASCII text this is all toLowerCase does). */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/** [\p{L}\p{N}] restricted to ASCII, on a lowercased code unit. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

export class TermScanner {
  /** Term id → term, in order of first sight. */
  readonly terms: string[] = [];
  /** The term ids of the last scanned text, from index 0 (`scan` returns how many). */
  out = new Int32Array(1024);
  private readonly termIds = new Map<string, number>();
  /** Lowercased words of non-ASCII texts → term id (or NO_TERM). */
  private readonly otherWords = new Map<string, number>();
  // Lowercased ASCII words → term id (or NO_TERM): open addressing, linear probing, kept at most
  // half full. A slot is free while its word is undefined.
  private words: (string | undefined)[] = new Array(1 << 14);
  private hashes = new Int32Array(1 << 14);
  private ids = new Int32Array(1 << 14);
  private wordCount = 0;

  /** Writes the term ids of `text` (as `analyze(text)` gives its terms) to `out`; returns how many. */
  scan(text: string): number {
    return NON_ASCII.test(text) ? this.scanAny(text) : this.scanAscii(text);
  }

  private scanAscii(text: string): number {
    // An ASCII text has at most one word per character.
    this.reserve(text.length);
    const out = this.out;
    const length = text.length;
    let n = 0;
    let start = -1;
    let hash = 0;
    for (let i = 0; i <= length; i++) {
      // One step past the end reads as a separator, which closes the last word.
      const c = i < length ? lowerAscii(text.charCodeAt(i)) : 32;
      if (isAsciiWordChar(c)) {
        if (start < 0) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ c, FNV_PRIME);
      } else if (start >= 0) {
        const id = this.asciiWordId(text, start, i, hash);
        if (id !== NO_TERM) out[n++] = id;
        start = -1;
      }
    }
    return n;
  }

  /** The id of the word text[start, end) (lowercased), remembering it on first sight. */
  private asciiWordId(text: string, start: number, end: number, hash: number): number {
    const mask = this.words.length - 1;
    let p = hash & mask;
    for (let word = this.words[p]; word !== undefined; word = this.words[p]) {
      if (this.hashes[p] === hash && sameAsciiWord(word, text, start, end)) return this.ids[p] as number;
      p = (p + 1) & mask;
    }
    const word = text.slice(start, end).toLowerCase();
    const id = this.termIdOf(termOf(word));
    this.words[p] = word;
    this.hashes[p] = hash;
    this.ids[p] = id;
    if (++this.wordCount * 2 > this.words.length) this.growWords();
    return id;
  }

  private scanAny(text: string): number {
    const list = words(text);
    this.reserve(list.length);
    let n = 0;
    for (const word of list) {
      let id = this.otherWords.get(word);
      if (id === undefined) {
        id = this.termIdOf(termOf(word));
        this.otherWords.set(word, id);
      }
      if (id !== NO_TERM) this.out[n++] = id;
    }
    return n;
  }

  private termIdOf(term: string | null): number {
    if (term === null) return NO_TERM;
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  private reserve(n: number): void {
    if (this.out.length < n) this.out = new Int32Array(Math.max(n, this.out.length * 2));
  }

  private growWords(): void {
    const { words, hashes, ids } = this;
    const size = words.length * 2;
    this.words = new Array(size);
    this.hashes = new Int32Array(size);
    this.ids = new Int32Array(size);
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (word === undefined) continue;
      let p = (hashes[i] as number) & (size - 1);
      while (this.words[p] !== undefined) p = (p + 1) & (size - 1);
      this.words[p] = word;
      this.hashes[p] = hashes[i] as number;
      this.ids[p] = ids[i] as number;
    }
  }
}

/** Whether the lowercased `word` equals text[start, end) lowercased (ASCII text). */
function sameAsciiWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) !== lowerAscii(text.charCodeAt(start + i))) return false;
  }
  return true;
}
