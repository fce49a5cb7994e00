/**
 * Latent semantic analysis from the papers' cosine matrix: the eigenvectors of X·Xᵀ (through
 * `ml-matrix`) give each paper's coordinates on the strongest `dims` directions of the TF-IDF
 * space. Papers that share no word but share neighbours end up close, and k-means runs on a few
 * dozen numbers per paper instead of a thousand.
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";

export function lsaRows(sim: readonly Float64Array[], dims: number): number[][] {
  const n = sim.length;
  const evd = new EigenvalueDecomposition(new Matrix(sim.map((r) => Array.from(r))), {
    assumeSymmetric: true,
  });
  const values = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix;
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
