/**
 * The terms of `analyze()` as small integer ids, for building the index of a whole archive at
 * once (bulk-segment.ts). `analyze()` lowercases each text, cuts it into a fresh array of word
 * strings and looks every word up in two Maps; over 100k abstracts that is millions of short-lived
 * strings. Here the text is read code unit by code unit, each word is hashed in place and looked
 * up in a table of the words seen before, so a word costs no allocation after its first sight.
 * A plain ASCII text (almost all of them) is lowercased per character on the way; any other text
 * is first lowercased as a whole, as `words()` does, because Unicode lowercasing can change
 * lengths and depends on context (Greek final sigma).
 *
 * Invariant (tested): for every text, `scan(text)` leaves in `out` the ids of `analyze(text)`,
 * in order, repeats kept. With `record`, it also leaves each term's word (lowercased, as
 * `words()` gives it) as an id into `wordList`, and where sentences start (as `sentenceWords()`
 * splits them): what the analyzed-papers store keeps of each paper for the re-ranker.
 */
import { NON_ASCII, termOf, WORD_CHAR_CLASS, withLetterCompounds } from "../text/analysis.js";

/** The id of a word that yields no term (stopword, single letter). */
const NO_TERM = -1;
/** A word character of `words()`, tested on one code point. */
const WORD_CHAR = new RegExp(`^${WORD_CHAR_CLASS}$`, "u");
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16_777_619;

/** A-Z to a-z; every other code unit unchanged (for ASCII text this is all toLowerCase does). */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/** `WORD_CHAR_CLASS` restricted to ASCII, on a lowercased code unit. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Whether code unit c is whitespace as a regex's \s reads it (where a sentence may end). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** ".", "!" or "?": a sentence ends after one when whitespace follows. */
function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/** Per BMP code unit: 0 not yet known, 1 a word character, 2 not one. */
const bmpClass = new Uint8Array(0x10000);

/**
 * How many code units the word character at s[i] (code unit c, not ASCII) takes: 1, 2 for a
 * surrogate pair, 0 when it is no word character (a lone surrogate never is, as in a u regex).
 */
function wordCharUnits(s: string, i: number, c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) {
    const next = s.charCodeAt(i + 1);
    const pair = c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    return pair && WORD_CHAR.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  let known = bmpClass[c] as number;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    bmpClass[c] = known;
  }
  return known === 1 ? 1 : 0;
}

export class TermScanner {
  /** Term id → term, in order of first sight. */
  readonly terms: string[] = [];
  /** The term ids of the last scanned text, from index 0 (`scan` returns how many). */
  out = new Int32Array(1024);
  /** With `record`: per term of `out`, its word's id in `wordList`. */
  outWords = new Int32Array(1024);
  /** With `record` and sentences: positions in `out` where a new sentence starts (ascending). */
  breaks: number[] = [];
  /** Word id → the lowercased word (words that have a term only). */
  readonly wordList: string[] = [];
  private record = false;
  private sentences = false;
  private readonly termIds = new Map<string, number>();
  // Lowercased words → term id (or NO_TERM): open addressing, linear probing, kept at most
  // half full. A slot is free while its word is undefined.
  private words: (string | undefined)[] = new Array(1 << 14);
  private hashes = new Int32Array(1 << 14);
  private ids = new Int32Array(1 << 14);
  /** Per slot: the word's id in `wordList` (-1: a word with no term). */
  private wids = new Int32Array(1 << 14);
  private wordCount = 0;

  /** Writes the term ids of `text` (as `analyze(text)` gives its terms) to `out`; returns how many. */
  scan(raw: string): number {
    this.record = false;
    this.sentences = false;
    return this.scanText(raw);
  }

  /**
   * `scan`, also recording each term's word (`outWords`) and, when `sentences`, where sentences
   * start (`breaks`).
   */
  scanRecorded(raw: string, sentences: boolean): number {
    this.record = true;
    this.sentences = sentences;
    this.breaks.length = 0;
    return this.scanText(raw);
  }

  private scanText(raw: string): number {
    const text = withLetterCompounds(raw);
    // At most one word per code unit (lowercasing may lengthen a non-ASCII text).
    return NON_ASCII.test(text) ? this.scanLowered(text.toLowerCase()) : this.scanAscii(text);
  }

  /** Notes a sentence start at `n` terms (once per position). */
  private sentenceBreak(n: number): void {
    if (this.breaks[this.breaks.length - 1] !== n) this.breaks.push(n);
  }

  /** The hot loop: ASCII only, lowercased per character. */
  private scanAscii(text: string): number {
    this.reserve(text.length);
    const out = this.out;
    const sentences = this.sentences;
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
      } else {
        if (start >= 0) {
          const id = this.wordId(text, start, i, hash, true);
          if (id !== NO_TERM) {
            if (this.record) this.outWords[n] = this.lastWid;
            out[n++] = id;
          }
          start = -1;
        }
        if (sentences && i > 0 && i < length && isSpace(c) && endsSentence(text.charCodeAt(i - 1)))
          this.sentenceBreak(n);
      }
    }
    return n;
  }

  /** Any text, lowercased already: the same loop, with Unicode word characters and surrogate pairs. */
  private scanLowered(s: string): number {
    this.reserve(s.length);
    const out = this.out;
    const length = s.length;
    let n = 0;
    let start = -1;
    let hash = 0;
    let i = 0;
    while (i <= length) {
      const c = i < length ? s.charCodeAt(i) : 32;
      const units = c < 128 ? (isAsciiWordChar(c) ? 1 : 0) : wordCharUnits(s, i, c);
      if (units > 0) {
        if (start < 0) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ c, FNV_PRIME);
        if (units === 2) hash = Math.imul(hash ^ s.charCodeAt(i + 1), FNV_PRIME);
        i += units;
        continue;
      }
      if (start >= 0) {
        const id = this.wordId(s, start, i, hash, false);
        if (id !== NO_TERM) {
          if (this.record) this.outWords[n] = this.lastWid;
          out[n++] = id;
        }
        start = -1;
      }
      if (this.sentences && i > 0 && i < length && isSpace(c) && endsSentence(s.charCodeAt(i - 1)))
        this.sentenceBreak(n);
      i++;
    }
    return n;
  }

  /** The `wordList` id of the word `wordId` last returned a term for. */
  private lastWid = -1;

  /**
   * The term id of the word text[start, end), lowercased, remembering it on first sight (its
   * word id is left in `lastWid`). The text is either ASCII (lowercased here) or lowercased already.
   */
  private wordId(text: string, start: number, end: number, hash: number, ascii: boolean): number {
    const mask = this.words.length - 1;
    let p = hash & mask;
    for (let word = this.words[p]; word !== undefined; word = this.words[p]) {
      if (this.hashes[p] === hash && sameWord(word, text, start, end)) {
        this.lastWid = this.wids[p] as number;
        return this.ids[p] as number;
      }
      p = (p + 1) & mask;
    }
    const word = ascii ? text.slice(start, end).toLowerCase() : text.slice(start, end);
    const id = this.termIdOf(termOf(word));
    const wid = id === NO_TERM ? -1 : this.wordList.push(word) - 1;
    this.words[p] = word;
    this.hashes[p] = hash;
    this.ids[p] = id;
    this.wids[p] = wid;
    this.lastWid = wid;
    if (++this.wordCount * 2 > this.words.length) this.growWords();
    return id;
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
    if (this.out.length < n) {
      this.out = new Int32Array(Math.max(n, this.out.length * 2));
      this.outWords = new Int32Array(this.out.length);
    }
  }

  private growWords(): void {
    const { words, hashes, ids, wids } = this;
    const size = words.length * 2;
    this.words = new Array(size);
    this.hashes = new Int32Array(size);
    this.ids = new Int32Array(size);
    this.wids = new Int32Array(size);
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (word === undefined) continue;
      let p = (hashes[i] as number) & (size - 1);
      while (this.words[p] !== undefined) p = (p + 1) & (size - 1);
      this.words[p] = word;
      this.hashes[p] = hashes[i] as number;
      this.ids[p] = ids[i] as number;
      this.wids[p] = wids[i] as number;
    }
  }
}

/** Whether the lowercased `word` equals text[start, end) with ASCII letters lowercased. */
function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) !== lowerAscii(text.charCodeAt(start + i))) return false;
  }
  return true;
}
