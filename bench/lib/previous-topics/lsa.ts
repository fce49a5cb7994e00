/**
 * Latent semantic analysis from the papers' cosine matrix: the eigenvectors of X·Xᵀ (through
 * `ml-matrix`) give each paper's coordinates on the strongest `dims` directions of the TF-IDF
 * space. Papers that share no word but share neighbours end up close, and clustering runs on a few
 * dozen numbers per paper instead of a thousand.
 *
 * A day is decomposed exactly. A week (hundreds of papers) would cost seconds that way, and only
 * the top few dozen directions are wanted: a randomized subspace iteration (Halko, Martinsson and
 * Tropp 2011) finds them from a handful of n×(dims+10) products, QR steps and one small eigen
 * decomposition, all `ml-matrix` calls. Its start is seeded, so results stay reproducible.
 */
import { EigenvalueDecomposition, Matrix, QrDecomposition } from "ml-matrix";
import { seeded } from "../../../src/random.js";

/** Up to this many papers the full eigen decomposition is cheap (tens of ms). */
const EXACT_UP_TO = 150;
const OVERSAMPLE = 10;
const POWER_STEPS = 3;

interface Eigen {
  values: number[];
  /** Column i is the eigenvector of values[i]. */
  vectors: Matrix;
}

function exact(g: Matrix): Eigen {
  const evd = new EigenvalueDecomposition(g, { assumeSymmetric: true });
  return { values: evd.realEigenvalues, vectors: evd.eigenvectorMatrix };
}

/**
 * g·q for a square g: the one product that costs n²·rank. ml-matrix's general `mmul` reads every
 * element through a method call; over plain rows this is a few times faster.
 */
function times(g: Matrix, q: Matrix): Matrix {
  const n = g.rows;
  const k = q.columns;
  const gRows = g.to2DArray();
  const qFlat = Float64Array.from(q.to1DArray());
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const gi = gRows[i] as number[];
    const o = i * k;
    for (let m = 0; m < n; m++) {
      const v = gi[m] as number;
      if (v === 0) continue;
      const qm = m * k;
      for (let c = 0; c < k; c++) out[o + c] = (out[o + c] as number) + v * (qFlat[qm + c] as number);
    }
  }
  return Matrix.from1DArray(n, k, Array.from(out));
}

function randomized(g: Matrix, rank: number): Eigen {
  const n = g.rows;
  const random = seeded(7);
  let q = Matrix.from1DArray(
    n,
    rank,
    Array.from({ length: n * rank }, () => random() - 0.5),
  );
  for (let step = 0; step < POWER_STEPS; step++) q = new QrDecomposition(times(g, q)).orthogonalMatrix;
  const small = q.transpose().mmul(times(g, q));
  const evd = new EigenvalueDecomposition(small, { assumeSymmetric: true });
  return { values: evd.realEigenvalues, vectors: q.mmul(evd.eigenvectorMatrix) };
}

export function lsaRows(sim: readonly Float64Array[], dims: number): number[][] {
  const n = sim.length;
  const g = new Matrix(sim.map((r) => Array.from(r)));
  const { values, vectors } = n <= EXACT_UP_TO ? exact(g) : randomized(g, Math.min(n, dims + OVERSAMPLE));
  const order = values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .slice(0, Math.min(dims, n))
    .filter((e) => e.v > 1e-9);
  return Array.from({ length: n }, (_, r) => {
    const row = order.map((e) => vectors.get(r, e.i) * Math.sqrt(e.v));
    const norm = Math.hypot(...row) || 1;
    return row.map((x) => x / norm);
  });
}
