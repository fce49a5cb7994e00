/**
 * Each paper's place in the semantic space (semantic.ts), by primary key: computed with the space
 * (the refit worker embeds every paper), saved beside it, and for a paper indexed since, embedded
 * from its analyzed terms the first time a query reads it. A vector belongs to one space: a refit
 * replaces the whole store.
 */
import type { SemanticSpace } from "./semantic.js";

export class SemanticVectors {
  /** Per pk: 1 when `rows` holds its vector, 2 when it has none (no term the space knows). */
  private state: Uint8Array;
  private rows: Float32Array;

  constructor(
    readonly space: SemanticSpace,
    from?: { state: Uint8Array; rows: Float32Array },
  ) {
    this.state = from?.state ?? new Uint8Array(0);
    this.rows = from?.rows ?? new Float32Array(0);
    if (this.rows.length !== this.state.length * space.dims)
      throw new Error("vectors do not match the space");
  }

  /** The paper's vector, embedded from `counts` (its term counts) when not kept yet. */
  get(pk: number, counts: () => ReadonlyMap<string, number> | null): Float32Array | null {
    const d = this.space.dims;
    const known = this.state[pk];
    if (known === 1) return this.rows.subarray(pk * d, (pk + 1) * d);
    if (known === 2) return null;
    const tf = counts();
    if (!tf) return null;
    const vector = this.space.embedCounts(tf);
    this.set(pk, vector);
    return vector;
  }

  /** Forgets a paper's vector (its text changed). */
  forget(pk: number): void {
    if (pk < this.state.length) this.state[pk] = 0;
  }

  set(pk: number, vector: Float32Array | null): void {
    this.reserve(pk + 1);
    this.state[pk] = vector ? 1 : 2;
    if (vector) this.rows.set(vector, pk * this.space.dims);
  }

  /** The columns as saved: per pk a state, and `dims` floats each. */
  columns(): { state: Uint8Array; rows: Float32Array } {
    return { state: this.state, rows: this.rows };
  }

  private reserve(size: number): void {
    if (size <= this.state.length) return;
    const n = Math.max(size, this.state.length * 2, 1024);
    const state = new Uint8Array(n);
    state.set(this.state);
    const rows = new Float32Array(n * this.space.dims);
    rows.set(this.rows);
    this.state = state;
    this.rows = rows;
  }
}
