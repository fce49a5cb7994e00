/**
 * One Adam step (β1 0.9, β2 0.999, ε 1e-8) with L2 regularization added to the gradient: the
 * optimizer both fitting scripts use (fit-search.ts, fit-tldr.ts). `t` counts steps from 1.
 */
type Vec = number[] | Float64Array;

export function adamStep(w: Vec, g: Vec, m: Vec, v: Vec, t: number, lr: number, l2: number): void {
  for (let j = 0; j < w.length; j++) {
    const gj = (g[j] as number) + l2 * (w[j] as number);
    m[j] = 0.9 * (m[j] as number) + 0.1 * gj;
    v[j] = 0.999 * (v[j] as number) + 0.001 * gj * gj;
    const mh = (m[j] as number) / (1 - 0.9 ** t);
    const vh = (v[j] as number) / (1 - 0.999 ** t);
    w[j] = (w[j] as number) - (lr * mh) / (Math.sqrt(vh) + 1e-8);
  }
}
