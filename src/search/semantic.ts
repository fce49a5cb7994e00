/**
 * A latent semantic space (LSA) fitted on the archive itself, for the re-ranker: papers that say
 * the same thing in other words ("treatment effects" for "CATE", "8-bit" for "quantize") land
 * near each other, which word matching alone cannot see. Fitted once per build on a sample of
 * the papers (a randomized truncated SVD of their TF-IDF matrix, Halko et al. 2011), then any
 * text is embedded by folding its terms in; nothing is downloaded and nothing is trained
 * elsewhere. Only the terms' projections are kept: the re-ranker embeds the few candidate texts
 * it reads anyway, so no per-paper vectors are stored.
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { seeded } from "../random.js";

export interface SemanticOptions {
  /** Dimensions of the space; default 100 (fewer for small archives: at most a quarter of the papers). */
  dims?: number;
  /** Papers the space is fitted on; default 4,000 (a larger archive is sampled evenly). */
  sample?: number;
  /** Terms kept (the most frequent with df >= 2); default 20,000. */
  maxTerms?: number;
  /** Power iterations of the randomized SVD; default 2. */
  power?: number;
  seed?: number;
}

/** Papers a space is fitted on: enough for stable co-occurrence, a few seconds at most. */
export const SEMANTIC_SAMPLE = 4_000;
const DEFAULTS: Required<SemanticOptions> = {
  dims: 100,
  sample: SEMANTIC_SAMPLE,
  maxTerms: 20_000,
  power: 2,
  seed: 1,
};
/** Below this many papers there is nothing to learn from co-occurrence. */
export const MIN_SEMANTIC_PAPERS = 20;
const OVERSAMPLE = 10;

/** A sparse, L2-normalized TF-IDF row. */
interface Row {
  ids: Int32Array;
  values: Float64Array;
}

export class SemanticSpace {
  readonly termIds: Map<string, number>;

  /**
   * @param terms the vocabulary, in row order
   * @param rows per term, `dims` floats: its projection already scaled by its IDF
   * @param fittedOn how many papers the archive had when fitted (a doubling prompts a refit)
   */
  constructor(
    readonly terms: readonly string[],
    readonly dims: number,
    readonly rows: Float32Array,
    readonly fittedOn: number,
  ) {
    this.termIds = new Map(terms.map((t, i) => [t, i]));
    if (rows.length !== terms.length * dims) throw new Error("semantic space rows do not match its terms");
  }

  /**
   * Fits a space on papers given as analyzed terms (search tokenizer output). `archiveSize` is the
   * whole archive's size when `docs` is a sample of it. Null when there are too few papers.
   */
  static fit(
    docs: readonly (readonly string[])[],
    options: SemanticOptions = {},
    archiveSize = docs.length,
  ): SemanticSpace | null {
    const o = { ...DEFAULTS, ...options };
    const n = docs.length;
    if (n < MIN_SEMANTIC_PAPERS) return null;
    const { terms, idf } = vocabulary(docs, o.maxTerms);
    const dims = Math.min(o.dims, Math.floor(n / 4), terms.length);
    if (dims < 2) return null;
    const ids = new Map(terms.map((t, i) => [t, i]));
    const A = docs.map((d) => tfidfRow(d, ids, idf));
    const V = terms.length;
    const l = Math.min(dims + OVERSAMPLE, n, V);
    const random = seeded(o.seed);
    const gauss = () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
    const omega = new Float64Array(V * l);
    for (let i = 0; i < omega.length; i++) omega[i] = gauss();
    // Range finder with power iterations, re-orthonormalized after every product for stability.
    let Y = orthonormal(times(A, omega, l), n, l);
    // Subspace iteration, orthonormalized on the papers' side only (the cheaper one: V is larger).
    for (let p = 0; p < o.power; p++) Y = orthonormal(times(A, timesT(A, Y, V, l), l), n, l);
    // B = Qᵀ A, kept transposed (V × l); its small Gram matrix gives the singular vectors.
    const Bt = timesT(A, Y, V, l);
    const { vectors, values } = eigen(gram(Bt, V, l), l);
    const rows = new Float32Array(V * dims);
    for (let j = 0; j < dims; j++) {
      const s = Math.sqrt(Math.max(values[j] as number, 1e-12));
      const w = vectors[j] as Float64Array;
      for (let t = 0; t < V; t++) {
        let x = 0;
        for (let i = 0; i < l; i++) x += (Bt[t * l + i] as number) * (w[i] as number);
        rows[t * dims + j] = (x / s) * (idf[t] as number);
      }
    }
    return new SemanticSpace(terms, dims, rows, archiveSize);
  }

  /** A text's unit vector in the space (its terms folded in), or null when none is known. */
  embed(terms: readonly string[]): Float32Array | null {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    return this.embedCounts(tf);
  }

  /** One term's unit direction in the space, or null for a term the space does not know. */
  direction(term: string): Float32Array | null {
    const id = this.termIds.get(term);
    if (id === undefined) return null;
    const d = this.dims;
    return unitVector(this.rows.subarray(id * d, (id + 1) * d));
  }

  /** `embed` from term counts the caller already has. */
  embedCounts(tf: ReadonlyMap<string, number>): Float32Array | null {
    const d = this.dims;
    const rows = this.rows;
    // Summed in float64 (a float32 accumulator converts on every add).
    const sum = new Float64Array(d);
    let known = 0;
    for (const [term, f] of tf) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      known++;
      axpy(sum, 0, f === 1 ? 1 : 1 + Math.log(f), rows, id * d, d);
    }
    return known === 0 ? null : unitVector(sum);
  }
}

/** `v` scaled to length 1, in float32; null for the zero vector. */
function unitVector(v: Float32Array | Float64Array): Float32Array | null {
  let norm = 0;
  for (let j = 0; j < v.length; j++) norm += (v[j] as number) ** 2;
  if (norm === 0) return null;
  const inv = 1 / Math.sqrt(norm);
  const out = new Float32Array(v.length);
  for (let j = 0; j < v.length; j++) out[j] = (v[j] as number) * inv;
  return out;
}

/**
 * y[yAt + j] += a · x[xAt + j] for j < n, four at a time: every product of the fit and every
 * embedding runs through here, and unrolled it is about 1.6× faster. The order of the additions
 * into each element is unchanged, so results are bit-identical to the plain loop.
 */
function axpy(
  y: Float64Array,
  yAt: number,
  a: number,
  x: Float64Array | Float32Array,
  xAt: number,
  n: number,
): void {
  let j = 0;
  for (; j + 3 < n; j += 4) {
    y[yAt + j] = (y[yAt + j] as number) + a * (x[xAt + j] as number);
    y[yAt + j + 1] = (y[yAt + j + 1] as number) + a * (x[xAt + j + 1] as number);
    y[yAt + j + 2] = (y[yAt + j + 2] as number) + a * (x[xAt + j + 2] as number);
    y[yAt + j + 3] = (y[yAt + j + 3] as number) + a * (x[xAt + j + 3] as number);
  }
  for (; j < n; j++) y[yAt + j] = (y[yAt + j] as number) + a * (x[xAt + j] as number);
}

/** Cosine of two unit vectors; 0 when either is missing. */
export function cosine(a: Float32Array | null, b: Float32Array | null): number {
  if (!a || !b || a.length !== b.length) return 0;
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] as number) * (b[j] as number);
  return s;
}

/** Evenly spaced positions: a sample that covers every period of the archive. */
export function samplePositions(total: number, size: number): number[] {
  if (total <= size) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: size }, (_, i) => Math.floor((i * total) / size));
}

function vocabulary(docs: readonly (readonly string[])[], maxTerms: number) {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const kept = [...df].filter(([, c]) => c >= 2);
  // The most frequent terms carry the co-occurrence; ties by term so the fit is deterministic.
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const terms = kept.slice(0, maxTerms).map(([t]) => t);
  const n = docs.length;
  const idf = terms.map((t) => Math.log(n / (df.get(t) as number)) + 1);
  return { terms, idf };
}

function tfidfRow(doc: readonly string[], ids: Map<string, number>, idf: readonly number[]): Row {
  const tf = new Map<number, number>();
  for (const t of doc) {
    const id = ids.get(t);
    if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
  }
  const rowIds = Int32Array.from(tf.keys());
  const values = new Float64Array(rowIds.length);
  let norm = 0;
  rowIds.forEach((id, i) => {
    const v = (1 + Math.log(tf.get(id) as number)) * (idf[id] as number);
    values[i] = v;
    norm += v * v;
  });
  const inv = norm ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * inv;
  return { ids: rowIds, values };
}

/** A (n × V, sparse) times W (V × l, dense row-major) → n × l. */
function times(A: readonly Row[], W: Float64Array, l: number): Float64Array {
  const out = new Float64Array(A.length * l);
  A.forEach((row, d) => {
    const base = d * l;
    for (let k = 0; k < row.ids.length; k++) {
      const v = row.values[k] as number;
      const w = (row.ids[k] as number) * l;
      axpy(out, base, v, W, w, l);
    }
  });
  return out;
}

/** Aᵀ (V × n) times Y (n × l) → V × l. */
function timesT(A: readonly Row[], Y: Float64Array, V: number, l: number): Float64Array {
  const out = new Float64Array(V * l);
  A.forEach((row, d) => {
    const base = d * l;
    for (let k = 0; k < row.ids.length; k++) {
      const v = row.values[k] as number;
      const w = (row.ids[k] as number) * l;
      axpy(out, w, v, Y, base, l);
    }
  });
  return out;
}

/** Xᵀ X of a tall m × l matrix. */
function gram(X: Float64Array, m: number, l: number): Matrix {
  const g = new Float64Array(l * l);
  for (let r = 0; r < m; r++) {
    const base = r * l;
    for (let i = 0; i < l; i++) {
      const xi = X[base + i] as number;
      if (xi === 0) continue;
      const gi = i * l;
      axpy(g, gi + i, xi, X, base + i, l - i);
    }
  }
  const M = new Matrix(l, l);
  for (let i = 0; i < l; i++)
    for (let j = i; j < l; j++) {
      M.set(i, j, g[i * l + j] as number);
      M.set(j, i, g[i * l + j] as number);
    }
  return M;
}

/** Eigenpairs of a symmetric matrix, largest first. */
function eigen(M: Matrix, l: number): { values: number[]; vectors: Float64Array[] } {
  const e = new EigenvalueDecomposition(M, { assumeSymmetric: true });
  const order = e.realEigenvalues.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const V = e.eigenvectorMatrix;
  return {
    values: order.map(([v]) => v),
    vectors: order.map(([, c]) => Float64Array.from({ length: l }, (_, i) => V.get(i, c))),
  };
}

/**
 * Orthonormal columns spanning X's (m × l) columns, through the eigen-decomposition of XᵀX
 * (Cholesky-QR's cost: one pass over X, no m × m work); columns with no energy come out zero.
 */
function orthonormal(X: Float64Array, m: number, l: number): Float64Array {
  const { values, vectors } = eigen(gram(X, m, l), l);
  const top = values[0] ?? 0;
  const T = new Float64Array(l * l);
  for (let j = 0; j < l; j++) {
    const v = values[j] as number;
    if (v <= top * 1e-12) continue;
    const s = 1 / Math.sqrt(v);
    const w = vectors[j] as Float64Array;
    for (let i = 0; i < l; i++) T[i * l + j] = (w[i] as number) * s;
  }
  const out = new Float64Array(m * l);
  for (let r = 0; r < m; r++) {
    const base = r * l;
    for (let i = 0; i < l; i++) {
      const x = X[base + i] as number;
      if (x === 0) continue;
      const ti = i * l;
      axpy(out, base, x, T, ti, l);
    }
  }
  return out;
}
