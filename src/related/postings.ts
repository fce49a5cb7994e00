/**
 * Postings of the related-papers index. The bulk lives in one compressed-row layout (`ImpactLists`:
 * every term's (slot, weight) pairs in two flat typed arrays), built in one pass when the index is
 * weighted in full; papers added after that go to small growable `Postings` tails until the next
 * full weighting. A term's list is cut to its `cap` heaviest entries, strongest first: a paper
 * that holds a very common term only weakly gains little from it, and the cap bounds what one
 * query can cost however large the archive grows.
 */

/** A growable list of (slot, weight) pairs for one term. */
export class Postings {
  slots = new Int32Array(4);
  weights = new Float32Array(4);
  length = 0;

  push(slot: number, weight: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const weights = new Float32Array(this.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.slots[this.length] = slot;
    this.weights[this.length] = weight;
    this.length++;
  }
}

export interface ImpactLists {
  /** Term t's entries are [offsets[t], offsets[t + 1]). */
  offsets: Uint32Array;
  slots: Int32Array;
  weights: Float32Array;
}

export const NO_LISTS: ImpactLists = {
  offsets: new Uint32Array(1),
  slots: new Int32Array(0),
  weights: new Float32Array(0),
};

/**
 * Lists for `terms` term ids from the papers' vectors: paper `s` holds `lengths[s]` entries at
 * `s * stride` in `vecTerms`/`vecWeights`; only papers with `include(s)` are listed.
 */
export function buildImpactLists(
  terms: number,
  slots: number,
  stride: number,
  lengths: Uint8Array,
  vecTerms: Uint32Array,
  vecWeights: Float32Array,
  include: (slot: number) => boolean,
  cap: number,
): ImpactLists {
  const counts = new Uint32Array(terms + 1);
  for (let s = 0; s < slots; s++) {
    if (!include(s)) continue;
    for (let i = s * stride, end = i + (lengths[s] as number); i < end; i++) {
      const t = vecTerms[i] as number;
      counts[t + 1] = (counts[t + 1] as number) + 1;
    }
  }
  const full = counts;
  for (let t = 0; t < terms; t++) full[t + 1] = (full[t + 1] as number) + (full[t] as number);
  const fill = full.slice(0, terms);
  const allSlots = new Int32Array(full[terms] as number);
  const allWeights = new Float32Array(full[terms] as number);
  for (let s = 0; s < slots; s++) {
    if (!include(s)) continue;
    for (let i = s * stride, end = i + (lengths[s] as number); i < end; i++) {
      const t = vecTerms[i] as number;
      const at = fill[t] as number;
      allSlots[at] = s;
      allWeights[at] = vecWeights[i] as number;
      fill[t] = at + 1;
    }
  }
  let overflow = false;
  for (let t = 0; t < terms && !overflow; t++) overflow = (full[t + 1] as number) - (full[t] as number) > cap;
  if (!overflow) return { offsets: full, slots: allSlots, weights: allWeights };
  return capLists(terms, full, allSlots, allWeights, cap);
}

/** Keeps each term's `cap` heaviest entries (ties: lower slot first, so builds are reproducible). */
function capLists(
  terms: number,
  offsets: Uint32Array,
  slots: Int32Array,
  weights: Float32Array,
  cap: number,
): ImpactLists {
  const out = new Uint32Array(terms + 1);
  for (let t = 0; t < terms; t++) {
    out[t + 1] = (out[t] as number) + Math.min(cap, (offsets[t + 1] as number) - (offsets[t] as number));
  }
  const keptSlots = new Int32Array(out[terms] as number);
  const keptWeights = new Float32Array(out[terms] as number);
  for (let t = 0; t < terms; t++) {
    const from = offsets[t] as number;
    const length = (offsets[t + 1] as number) - from;
    const to = out[t] as number;
    if (length <= cap) {
      keptSlots.set(slots.subarray(from, from + length), to);
      keptWeights.set(weights.subarray(from, from + length), to);
      continue;
    }
    const order = Array.from({ length }, (_, i) => from + i);
    order.sort(
      (a, b) =>
        (weights[b] as number) - (weights[a] as number) || (slots[a] as number) - (slots[b] as number),
    );
    for (let i = 0; i < cap; i++) {
      keptSlots[to + i] = slots[order[i] as number] as number;
      keptWeights[to + i] = weights[order[i] as number] as number;
    }
  }
  return { offsets: out, slots: keptSlots, weights: keptWeights };
}
