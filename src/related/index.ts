/**
 * The related-papers index: each paper as a sparse TF-IDF vector of its strongest terms (unit
 * length), and an inverted index over those terms. A query walks only the postings of the paper's
 * own terms and accumulates dot products; a very common term's list is cut to its heaviest
 * entries, which bounds the cost of a query. Papers can be added or replaced one
 * by one; weights are recomputed in full only when enough of the archive changed for the old idf
 * to drift.
 *
 * Everything per paper lives in flat typed arrays (see `columns.ts`): a 100k archive is a few
 * dozen arrays, not a few hundred thousand small objects.
 */
import { createHash } from "node:crypto";
import { MAX_COMPARED_CHARS, plainText, termOf, titleText, words } from "../text/analysis.js";
import { ensure } from "./columns.js";
import { buildImpactLists, type ImpactLists, NO_LISTS, Postings } from "./postings.js";

export interface IndexDoc {
  pk: number;
  id: string;
  title: string;
  abstract: string;
  date: string;
}

export interface RelatedHit {
  pk: number;
  id: string;
  title: string;
  date: string;
  score: number;
}

export interface RelatedIndexOptions {
  /** Terms kept per paper; the weakest are noise for similarity and cost postings. */
  topTerms?: number;
  /** Cosine above which two papers count as the same paper met twice. */
  duplicateCosine?: number;
  /** Share of the archive changed since the last full weighting that triggers a new one. */
  reweightShare?: number;
  /** Entries kept per term (the heaviest); Infinity walks every paper that holds the term. */
  maxPostings?: number;
}

/** Title words count twice: a title names the subject. */
const TITLE_WEIGHT = 2;
const MAX_TF = 65_535;
/**
 * Entries walked per query term at most: 40 terms × 20k bounds a query at under a million
 * additions whatever the archive holds. Measured on the 100k bench archive, a cap of 8000 already
 * changed 4% of the top 10 for no gain in speed (only 11 of its terms pass 8000 papers), 2000
 * changed 31%; so the cap is a bound for very common terms, not a speed-up for ordinary ones.
 */
const MAX_POSTINGS = 20_000;
const MAX_CACHED_WORDS = 300_000;

export class RelatedIndex {
  private readonly topTerms: number;
  private readonly duplicateCosine: number;
  private readonly reweightShare: number;
  private readonly maxPostings: number;

  private readonly termIds = new Map<string, number>();
  /** Term id → term, for callers that show a vector's terms (a channel's interests). */
  private readonly termNames: string[] = [];
  /** Word as written → term id (-1: no term); one lookup per word instead of stem + id. */
  private wordIds = new Map<string, number>();
  private df = new Int32Array(1024);
  /** Per term id: the last slot that counted it, and where in that slot's list. */
  private seenIn = new Int32Array(1024).fill(-1);
  private seenAt = new Uint32Array(1024);

  private slots = 0;
  private pks = new Int32Array(1024);
  private alive = new Uint8Array(1024);
  private readonly ids: string[] = [];
  private readonly titles: string[] = [];
  private readonly dates: string[] = [];
  /** Same abstract (as terms), same paper: 48 bits of its hash, so duplicates are left out. */
  private keys = new Float64Array(1024);
  private readonly slotOfPk = new Map<number, number>();
  private live = 0;

  /** Term counts of slot s: [termStart[s], termStart[s + 1]) in termPool/tfPool. */
  private termStart = new Uint32Array(1025);
  private termPool = new Uint32Array(1 << 16);
  private tfPool = new Uint16Array(1 << 16);

  /** Vector of slot s: vecLength[s] entries from s * topTerms. */
  private vecLength = new Uint8Array(1024);
  private vecTerms = new Uint32Array(0);
  private vecWeights = new Float32Array(0);

  private lists: ImpactLists = NO_LISTS;
  /** Postings of the papers vectorized since the last full weighting, by term id. */
  private tails: (Postings | undefined)[] = [];
  private pending: number[] = [];
  private changedSinceFull = 0;
  private weightedOnce = false;
  private scores = new Float64Array(0);
  private touched = new Int32Array(0);

  constructor(options: RelatedIndexOptions = {}) {
    this.topTerms = Math.min(255, options.topTerms ?? 40);
    this.duplicateCosine = options.duplicateCosine ?? 0.98;
    this.reweightShare = options.reweightShare ?? 0.1;
    this.maxPostings = options.maxPostings ?? MAX_POSTINGS;
  }

  get size(): number {
    return this.live;
  }

  has(pk: number): boolean {
    return this.slotOfPk.has(pk);
  }

  /**
   * A paper's vector in the archive's own TF-IDF space: its strongest terms (stems) → weight, unit
   * length, the same vector `related` compares. Null for a paper the index does not hold.
   */
  vector(pk: number): Map<string, number> | null {
    this.weigh();
    const slot = this.slotOfPk.get(pk);
    if (slot === undefined) return null;
    const out = new Map<string, number>();
    for (let i = slot * this.topTerms, end = i + (this.vecLength[slot] as number); i < end; i++)
      out.set(this.termNames[this.vecTerms[i] as number] as string, this.vecWeights[i] as number);
    return out;
  }

  /** Adds papers, replacing any earlier version of the same pk. */
  upsert(docs: Iterable<IndexDoc>): void {
    for (const doc of docs) {
      const old = this.slotOfPk.get(doc.pk);
      if (old !== undefined) this.remove(old);
      this.add(doc);
    }
  }

  /** Weighs every pending paper now, so the next query pays nothing extra. */
  prepare(): void {
    this.weigh();
  }

  /** The `limit` papers most similar to paper `pk`, best first; the paper and its duplicates left out. */
  related(pk: number, limit: number): RelatedHit[] {
    this.weigh();
    const q = this.slotOfPk.get(pk);
    if (q === undefined || limit <= 0) return [];
    if (this.scores.length < this.slots) {
      this.scores = new Float64Array(this.slots + (this.slots >> 2) + 16);
      this.touched = new Int32Array(this.scores.length);
    }
    const { scores, touched } = this;
    const { offsets, slots, weights } = this.lists;
    let count = 0;
    for (let i = q * this.topTerms, end = i + (this.vecLength[q] as number); i < end; i++) {
      const term = this.vecTerms[i] as number;
      const qw = this.vecWeights[i] as number;
      if (term + 1 < offsets.length) {
        for (let j = offsets[term] as number, stop = offsets[term + 1] as number; j < stop; j++) {
          const s = slots[j] as number;
          if (scores[s] === 0) touched[count++] = s;
          scores[s] = (scores[s] as number) + qw * (weights[j] as number);
        }
      }
      const tail = this.tails[term];
      if (tail) {
        for (let j = 0; j < tail.length; j++) {
          const s = tail.slots[j] as number;
          if (scores[s] === 0) touched[count++] = s;
          scores[s] = (scores[s] as number) + qw * (tail.weights[j] as number);
        }
      }
    }
    // Leave out the paper itself, its duplicates and replaced versions; keep the best few in a
    // sorted run of `limit` (ties: lower slot). Most candidates fail the first comparison.
    const keepSlots = new Int32Array(limit);
    const keepScores = new Float64Array(limit);
    let kept = 0;
    const qKey = this.keys[q] as number;
    for (let i = 0; i < count; i++) {
      const s = touched[i] as number;
      const score = scores[s] as number;
      scores[s] = 0;
      if (kept === limit) {
        const last = keepScores[limit - 1] as number;
        if (score < last || (score === last && s > (keepSlots[limit - 1] as number))) continue;
      }
      if (s === q || this.alive[s] !== 1 || score > this.duplicateCosine || this.keys[s] === qKey) continue;
      let at = kept < limit ? kept++ : limit - 1;
      while (at > 0) {
        const prev = keepScores[at - 1] as number;
        if (prev > score || (prev === score && (keepSlots[at - 1] as number) < s)) break;
        keepSlots[at] = keepSlots[at - 1] as number;
        keepScores[at] = prev;
        at--;
      }
      keepSlots[at] = s;
      keepScores[at] = score;
    }
    const best = Array.from({ length: kept }, (_, i) => ({
      sid: keepSlots[i] as number,
      score: keepScores[i] as number,
    }));
    return best.map(({ sid, score }) => ({
      pk: this.pks[sid] as number,
      id: this.ids[sid] as string,
      title: this.titles[sid] as string,
      date: this.dates[sid] as string,
      score: Math.round(score * 1000) / 1000,
    }));
  }

  private add(doc: IndexDoc): void {
    const slot = this.slots++;
    this.pks = ensure(this.pks, this.slots);
    this.alive = ensure(this.alive, this.slots);
    this.vecLength = ensure(this.vecLength, this.slots);
    this.termStart = ensure(this.termStart, this.slots + 1);
    this.pks[slot] = doc.pk;
    this.alive[slot] = 1;
    this.vecLength[slot] = 0;
    this.ids.push(doc.id);
    this.titles.push(doc.title);
    this.dates.push(doc.date);
    // The one analysis (text/analysis.ts), on plain text: URLs and LaTeX say nothing of a subject.
    const title = words(titleText(plainText(doc.title)));
    const afterTitle = this.countWords(title, TITLE_WEIGHT, slot, this.termStart[slot] as number);
    const titleSequence = this.sequence.slice(0, this.sequenceLength);
    const abstract = words(plainText(doc.abstract.slice(0, MAX_COMPARED_CHARS)));
    const end = this.countWords(abstract, 1, slot, afterTitle);
    this.termStart[slot + 1] = end;
    // The abstract's terms in order (the title's when there is no abstract) identify the text.
    const key = this.sequenceLength ? this.sequence.subarray(0, this.sequenceLength) : titleSequence;
    this.keys = ensure(this.keys, this.slots);
    this.keys[slot] = createHash("sha1").update(key).digest().readUIntBE(0, 6);
    this.slotOfPk.set(doc.pk, slot);
    this.pending.push(slot);
    this.live++;
    this.changedSinceFull++;
  }

  /** The terms of the last text counted, in order (a scratch buffer). */
  private sequence = new Uint32Array(4096);
  private sequenceLength = 0;

  /** Adds the words' terms to slot's counts, from `end` in the pools; returns the new end. */
  private countWords(list: readonly string[], weight: number, slot: number, end: number): number {
    this.sequence = ensure(this.sequence, list.length);
    this.termPool = ensure(this.termPool, end + list.length);
    this.tfPool = ensure(this.tfPool, end + list.length);
    // Each word can be a new term: grow the per-term arrays now, as the loop holds them.
    this.reserveTerms(this.termIds.size + list.length);
    const { sequence, termPool, tfPool, seenIn, seenAt, df } = this;
    let length = 0;
    for (const word of list) {
      const id = this.wordId(word);
      if (id < 0) continue;
      sequence[length++] = id;
      if (seenIn[id] !== slot) {
        seenIn[id] = slot;
        seenAt[id] = end;
        termPool[end] = id;
        tfPool[end] = 0;
        df[id] = (df[id] as number) + 1;
        end++;
      }
      const at = seenAt[id] as number;
      tfPool[at] = Math.min(MAX_TF, (tfPool[at] as number) + weight);
    }
    this.sequenceLength = length;
    return end;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      const term = termOf(word);
      id = term === null ? -1 : this.termId(term);
      // Bounded like the stem cache: an archive's spellings keep growing, the cache must not.
      if (this.wordIds.size >= MAX_CACHED_WORDS) this.wordIds = new Map();
      this.wordIds.set(word, id);
    }
    return id;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(term, id);
      this.termNames.push(term);
      this.reserveTerms(id + 1);
    }
    return id;
  }

  private reserveTerms(count: number): void {
    if (count <= this.df.length) return;
    this.df = ensure(this.df, count);
    const seenIn = new Int32Array(this.df.length).fill(-1);
    seenIn.set(this.seenIn);
    this.seenIn = seenIn;
    this.seenAt = ensure(this.seenAt, this.df.length);
  }

  private remove(slot: number): void {
    if (!this.alive[slot]) return;
    this.alive[slot] = 0;
    for (let i = this.termStart[slot] as number; i < (this.termStart[slot + 1] as number); i++) {
      const id = this.termPool[i] as number;
      this.df[id] = (this.df[id] as number) - 1;
    }
    this.slotOfPk.delete(this.pks[slot] as number);
    this.live--;
    this.changedSinceFull++;
  }

  /** Brings vectors and postings up to date: only the new papers, or all when idf drifted. */
  private weigh(): void {
    if (this.pending.length === 0) return;
    this.vecTerms = ensure(this.vecTerms, this.slots * this.topTerms);
    this.vecWeights = ensure(this.vecWeights, this.slots * this.topTerms);
    const full = !this.weightedOnce || this.changedSinceFull > this.reweightShare * this.live;
    if (full) {
      for (let s = 0; s < this.slots; s++) if (this.alive[s]) this.vectorize(s);
      this.lists = buildImpactLists(
        this.termIds.size,
        this.slots,
        this.topTerms,
        this.vecLength,
        this.vecTerms,
        this.vecWeights,
        (s) => this.alive[s] === 1,
        this.maxPostings,
      );
      this.tails = [];
      this.changedSinceFull = 0;
      this.weightedOnce = true;
    } else {
      for (const s of this.pending) {
        if (!this.alive[s]) continue;
        this.vectorize(s);
        for (let i = s * this.topTerms, end = i + (this.vecLength[s] as number); i < end; i++) {
          const term = this.vecTerms[i] as number;
          let tail = this.tails[term];
          if (!tail) {
            tail = new Postings();
            this.tails[term] = tail;
          }
          tail.push(s, this.vecWeights[i] as number);
        }
      }
    }
    this.pending = [];
  }

  private scratch = new Float64Array(256);
  private sorted = new Float64Array(256);

  /** The slot's `topTerms` strongest terms by TF-IDF, unit length (ties: lower term id). */
  private vectorize(slot: number): void {
    const from = this.termStart[slot] as number;
    const m = (this.termStart[slot + 1] as number) - from;
    if (this.scratch.length < m) {
      this.scratch = new Float64Array(m * 2);
      this.sorted = new Float64Array(m * 2);
    }
    const w = this.scratch;
    const n = this.live;
    for (let i = 0; i < m; i++) {
      const id = this.termPool[from + i] as number;
      const idf = Math.log((1 + n) / (1 + (this.df[id] as number))) + 1;
      w[i] = (1 + Math.log(this.tfPool[from + i] as number)) * idf;
    }
    const k = Math.min(this.topTerms, m);
    let threshold = Number.NEGATIVE_INFINITY;
    if (m > k) {
      const sorted = this.sorted.subarray(0, m);
      sorted.set(w.subarray(0, m));
      sorted.sort();
      threshold = sorted[m - k] as number;
    }
    const base = slot * this.topTerms;
    let length = 0;
    const ties: number[] = [];
    for (let i = 0; i < m; i++) {
      const wi = w[i] as number;
      if (wi > threshold) {
        this.vecTerms[base + length] = this.termPool[from + i] as number;
        this.vecWeights[base + length++] = wi;
      } else if (wi === threshold) ties.push(i);
    }
    ties.sort((a, b) => (this.termPool[from + a] as number) - (this.termPool[from + b] as number));
    for (let t = 0; t < ties.length && length < k; t++) {
      const i = ties[t] as number;
      this.vecTerms[base + length] = this.termPool[from + i] as number;
      this.vecWeights[base + length++] = w[i] as number;
    }
    let norm = 0;
    for (let i = 0; i < length; i++) norm += (this.vecWeights[base + i] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < length; i++) this.vecWeights[base + i] = (this.vecWeights[base + i] as number) / norm;
    this.vecLength[slot] = length;
  }
}
