/**
 * The related-papers index: each paper as a sparse TF-IDF vector of its strongest terms
 * (unit length), and an inverted index over those terms. A query walks only the postings of the
 * paper's own terms and accumulates dot products, so it costs the same on 100k papers as a scan
 * of a few thousand. Papers can be added or replaced one by one; weights are recomputed in full
 * only when enough of the archive changed for the old idf to drift.
 */
import { matchKey } from "../digest/normalize.js";
import { paperTermCounts } from "../text/terms.js";
import { Postings } from "./postings.js";

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
}

interface Slot {
  pk: number;
  id: string;
  title: string;
  date: string;
  /** Same text, same paper: the normalized abstract (or title when there is no abstract). */
  key: string;
  alive: boolean;
  termIds: Uint32Array;
  counts: Float32Array;
  vecTerms: Uint32Array;
  vecWeights: Float32Array;
}

const EMPTY_U32 = new Uint32Array(0);
const EMPTY_F32 = new Float32Array(0);

export class RelatedIndex {
  private readonly topTerms: number;
  private readonly duplicateCosine: number;
  private readonly reweightShare: number;
  private readonly termIds = new Map<string, number>();
  private df = new Int32Array(1024);
  private readonly slots: Slot[] = [];
  private readonly slotOfPk = new Map<number, number>();
  private postings: Postings[] = [];
  private live = 0;
  /** Slots added since the last weighting, and how many since the last full one. */
  private pending: number[] = [];
  private changedSinceFull = 0;
  private weightedOnce = false;
  private scores = new Float32Array(0);

  constructor(options: RelatedIndexOptions = {}) {
    this.topTerms = options.topTerms ?? 40;
    this.duplicateCosine = options.duplicateCosine ?? 0.98;
    this.reweightShare = options.reweightShare ?? 0.1;
  }

  get size(): number {
    return this.live;
  }

  has(pk: number): boolean {
    return this.slotOfPk.has(pk);
  }

  /** Adds papers, replacing any earlier version of the same pk. */
  upsert(docs: Iterable<IndexDoc>): void {
    for (const doc of docs) {
      const old = this.slotOfPk.get(doc.pk);
      if (old !== undefined) this.remove(old);
      const counts = paperTermCounts(doc.title, doc.abstract);
      const ids = new Uint32Array(counts.size);
      const tf = new Float32Array(counts.size);
      let i = 0;
      for (const [term, n] of counts) {
        const id = this.termId(term);
        this.df[id] = (this.df[id] ?? 0) + 1;
        ids[i] = id;
        tf[i] = n;
        i++;
      }
      const slot = this.slots.length;
      this.slots.push({
        pk: doc.pk,
        id: doc.id,
        title: doc.title,
        date: doc.date,
        key: matchKey(doc.abstract) || matchKey(doc.title),
        alive: true,
        termIds: ids,
        counts: tf,
        vecTerms: EMPTY_U32,
        vecWeights: EMPTY_F32,
      });
      this.slotOfPk.set(doc.pk, slot);
      this.pending.push(slot);
      this.live++;
      this.changedSinceFull++;
    }
  }

  /** The `limit` papers most similar to paper `pk`, best first; the paper and its duplicates left out. */
  related(pk: number, limit: number): RelatedHit[] {
    this.weigh();
    const qSlot = this.slotOfPk.get(pk);
    if (qSlot === undefined || limit <= 0) return [];
    const q = this.slots[qSlot] as Slot;
    if (this.scores.length < this.slots.length) this.scores = new Float32Array(this.slots.length * 1.25 + 16);
    const scores = this.scores;
    const touched: number[] = [];
    for (let i = 0; i < q.vecTerms.length; i++) {
      const list = this.postings[q.vecTerms[i] as number];
      if (!list) continue;
      const qw = q.vecWeights[i] as number;
      const { slots, weights, length } = list;
      for (let j = 0; j < length; j++) {
        const s = slots[j] as number;
        if (scores[s] === 0) touched.push(s);
        scores[s] = (scores[s] as number) + qw * (weights[j] as number);
      }
    }
    // Bounded insertion: limit is small, touched can be tens of thousands.
    const best: { slot: number; score: number }[] = [];
    for (const s of touched) {
      const score = scores[s] as number;
      scores[s] = 0;
      if (s === qSlot || (best.length === limit && score <= (best[limit - 1] as { score: number }).score)) {
        continue;
      }
      const other = this.slots[s] as Slot;
      if (!other.alive || other.pk === pk || score > this.duplicateCosine || other.key === q.key) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1] as { score: number }).score < score) at--;
      best.splice(at, 0, { slot: s, score });
      if (best.length > limit) best.pop();
    }
    return best.map(({ slot, score }) => {
      const p = this.slots[slot] as Slot;
      return { pk: p.pk, id: p.id, title: p.title, date: p.date, score: Math.round(score * 1000) / 1000 };
    });
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(term, id);
      if (id >= this.df.length) {
        const df = new Int32Array(this.df.length * 2);
        df.set(this.df);
        this.df = df;
      }
    }
    return id;
  }

  private remove(slot: number): void {
    const s = this.slots[slot] as Slot;
    if (!s.alive) return;
    s.alive = false;
    for (const id of s.termIds) this.df[id] = (this.df[id] as number) - 1;
    this.slotOfPk.delete(s.pk);
    this.live--;
    this.changedSinceFull++;
  }

  /** Brings vectors and postings up to date: only the new papers, or all when idf drifted. */
  private weigh(): void {
    if (this.pending.length === 0) return;
    const full = !this.weightedOnce || this.changedSinceFull > this.reweightShare * this.live;
    if (full) {
      this.postings = [];
      for (let s = 0; s < this.slots.length; s++) if ((this.slots[s] as Slot).alive) this.vectorize(s);
      this.changedSinceFull = 0;
      this.weightedOnce = true;
    } else {
      for (const s of this.pending) if ((this.slots[s] as Slot).alive) this.vectorize(s);
    }
    this.pending = [];
  }

  private vectorize(slot: number): void {
    const s = this.slots[slot] as Slot;
    const n = this.live;
    const entries: { id: number; w: number }[] = [];
    for (let i = 0; i < s.termIds.length; i++) {
      const id = s.termIds[i] as number;
      const idf = Math.log((1 + n) / (1 + (this.df[id] as number))) + 1;
      entries.push({ id, w: (1 + Math.log(s.counts[i] as number)) * idf });
    }
    // Ties broken by term id so the same archive always gives the same vectors.
    entries.sort((a, b) => b.w - a.w || a.id - b.id);
    const kept = entries.slice(0, this.topTerms);
    const norm = Math.hypot(...kept.map((e) => e.w)) || 1;
    s.vecTerms = Uint32Array.from(kept.map((e) => e.id));
    s.vecWeights = Float32Array.from(kept.map((e) => e.w / norm));
    for (let i = 0; i < kept.length; i++) {
      const id = s.vecTerms[i] as number;
      let list = this.postings[id];
      if (!list) {
        list = new Postings();
        this.postings[id] = list;
      }
      list.push(slot, s.vecWeights[i] as number);
    }
  }
}
