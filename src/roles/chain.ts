/**
 * Linear-chain CRF arithmetic over one abstract: per-sentence class scores (emissions) plus a
 * score for each pair of consecutive roles (transitions). Viterbi gives the best role sequence,
 * forward-backward the probability of each role at each sentence (and of each consecutive pair,
 * which the fit script needs for its gradient). Everything is in log space; the cost is
 * O(sentences × classes²), a few microseconds for an abstract.
 */

function logSumExp(xs: ArrayLike<number>): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, xs[i] as number);
  if (m === Number.NEGATIVE_INFINITY) return m;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += Math.exp((xs[i] as number) - m);
  return m + Math.log(s);
}

/** The highest-scoring class sequence. `trans[a][b]`: score of class b right after class a. */
export function viterbi(emit: readonly Float64Array[], trans: readonly Float64Array[]): number[] {
  const n = emit.length;
  if (n === 0) return [];
  const k = (emit[0] as Float64Array).length;
  const back: Int32Array[] = [];
  let best = Float64Array.from(emit[0] as Float64Array);
  for (let i = 1; i < n; i++) {
    const next = new Float64Array(k);
    const from = new Int32Array(k);
    for (let b = 0; b < k; b++) {
      let top = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let a = 0; a < k; a++) {
        const s = (best[a] as number) + ((trans[a] as Float64Array)[b] as number);
        if (s > top) {
          top = s;
          arg = a;
        }
      }
      next[b] = top + ((emit[i] as Float64Array)[b] as number);
      from[b] = arg;
    }
    back.push(from);
    best = next;
  }
  let last = 0;
  for (let b = 1; b < k; b++) if ((best[b] as number) > (best[last] as number)) last = b;
  const path = [last];
  for (let i = n - 2; i >= 0; i--)
    path.push((back[i] as Int32Array)[path[path.length - 1] as number] as number);
  return path.reverse();
}

export interface Marginals {
  /** log Z: the log of the sum over every class sequence of exp(score). */
  logZ: number;
  /** p[i][c]: probability that sentence i has class c. */
  node: Float64Array[];
  /** pair[i][a*k+b]: probability that sentences i and i+1 have classes a and b. */
  pair: Float64Array[];
}

/** Forward-backward: per-sentence class probabilities (and per-pair ones when `pairs`). */
export function marginals(
  emit: readonly Float64Array[],
  trans: readonly Float64Array[],
  pairs = false,
): Marginals {
  const n = emit.length;
  if (n === 0) return { logZ: 0, node: [], pair: [] };
  const k = (emit[0] as Float64Array).length;
  const alpha: Float64Array[] = [Float64Array.from(emit[0] as Float64Array)];
  const tmp = new Float64Array(k);
  for (let i = 1; i < n; i++) {
    const a = new Float64Array(k);
    for (let b = 0; b < k; b++) {
      for (let p = 0; p < k; p++)
        tmp[p] = ((alpha[i - 1] as Float64Array)[p] as number) + ((trans[p] as Float64Array)[b] as number);
      a[b] = logSumExp(tmp) + ((emit[i] as Float64Array)[b] as number);
    }
    alpha.push(a);
  }
  const beta: Float64Array[] = new Array(n);
  beta[n - 1] = new Float64Array(k);
  for (let i = n - 2; i >= 0; i--) {
    const bta = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++)
        tmp[b] =
          ((trans[a] as Float64Array)[b] as number) +
          ((emit[i + 1] as Float64Array)[b] as number) +
          ((beta[i + 1] as Float64Array)[b] as number);
      bta[a] = logSumExp(tmp);
    }
    beta[i] = bta;
  }
  const logZ = logSumExp(alpha[n - 1] as Float64Array);
  const node = alpha.map((a, i) => {
    const p = new Float64Array(k);
    for (let c = 0; c < k; c++)
      p[c] = Math.exp((a[c] as number) + ((beta[i] as Float64Array)[c] as number) - logZ);
    return p;
  });
  const pair: Float64Array[] = [];
  if (pairs) {
    for (let i = 0; i < n - 1; i++) {
      const p = new Float64Array(k * k);
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++)
          p[a * k + b] = Math.exp(
            ((alpha[i] as Float64Array)[a] as number) +
              ((trans[a] as Float64Array)[b] as number) +
              ((emit[i + 1] as Float64Array)[b] as number) +
              ((beta[i + 1] as Float64Array)[b] as number) -
              logZ,
          );
      pair.push(p);
    }
  }
  return { logZ, node, pair };
}
