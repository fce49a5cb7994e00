/**
 * Round 10's capacity experiment (docs/ask.md, "Round 10: capacity, measured"): non-linear rankers
 * over the SAME features as the linear answer model, each added to the fitted linear score as a
 * residual so that it can only add to it:
 *
 * - a one-hidden-layer network, s(x) = w·x + v·tanh(U x + b), fitted from the linear solution
 *   (w fitted, v = 0) by the same listwise softmax loss, full-batch Adam, L2 on w and U;
 * - gradient-boosted regression trees on the listwise softmax gradient (LambdaMART-style Newton
 *   leaves), started from the linear scores;
 * - a bootstrap-averaged linear model (bagging).
 *
 * Everything is deterministic (a seeded PRNG, no Math.random). A residual is scored through the
 * unchanged answer path (answerFromRanking) by appending it to every row as one more feature
 * with weight 1, so margins, the summary rule and two-part answers behave exactly as shipped.
 */
import type { Ranking } from "../../src/ask/answer.js";
import { FEATURES } from "../../src/ask/features.js";
import type { AnswerModel } from "../../src/ask/model.js";
import { seeded } from "../../src/random.js";
import { atMarginZero, type Example, hit, learnable } from "./ask-examples.js";

const F = FEATURES.length;

/** A feature row kept as its non-zero entries (most of the 252 features are 0 on a row). */
export interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
}

export function sparse(x: Float64Array): SparseRow {
  const idx: number[] = [];
  const val: number[] = [];
  for (let j = 0; j < x.length; j++)
    if (x[j] !== 0) {
      idx.push(j);
      val.push(x[j] as number);
    }
  return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
}

/** One question as the listwise loss sees it: its candidate rows, declining last. */
export interface ListItem {
  rows: SparseRow[];
  dense: Float64Array[];
  /** Accepted rows (empty: the question is unanswerable, declining is the target). */
  gold: number[];
  weight: number;
}

export function listItems(examples: readonly Example[]): ListItem[] {
  return examples.filter(learnable).map((e) => {
    const dense = [...e.rows, (e.ranking as Ranking).decline];
    return { rows: dense.map(sparse), dense, gold: e.q.expect === null ? [] : e.gold, weight: e.weight };
  });
}

/**
 * The listwise softmax's gradient with respect to each row's score (p - target, as in
 * fitWeights: the target spreads an answerable question's mass over its accepted rows in
 * proportion to their current probability) and the probabilities, written into `d` and `p`.
 */
export function softmaxGradient(item: ListItem, z: Float64Array, d: Float64Array, p: Float64Array): void {
  const n = item.rows.length;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) max = Math.max(max, z[i] as number);
  let total = 0;
  for (let i = 0; i < n; i++) {
    p[i] = Math.exp((z[i] as number) - max);
    total += p[i] as number;
  }
  for (let i = 0; i < n; i++) {
    p[i] = (p[i] as number) / total;
    d[i] = p[i] as number;
  }
  if (item.gold.length === 0) d[n - 1] = (d[n - 1] as number) - 1;
  else {
    const mass = item.gold.reduce((a, i) => a + (p[i] as number), 0);
    for (const i of item.gold) d[i] = (d[i] as number) - (p[i] as number) / mass;
  }
}

/** Adam on one parameter group with its own L2 (β1 0.9, β2 0.999, as scripts/lib/adam.ts). */
class Adam {
  readonly m: Float64Array;
  readonly v: Float64Array;
  constructor(
    readonly w: Float64Array,
    readonly lr: number,
    readonly l2: number,
  ) {
    this.m = new Float64Array(w.length);
    this.v = new Float64Array(w.length);
  }
  step(g: Float64Array, t: number): void {
    const { w, m, v } = this;
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    for (let j = 0; j < w.length; j++) {
      const gj = (g[j] as number) + this.l2 * (w[j] as number);
      m[j] = 0.9 * (m[j] as number) + 0.1 * gj;
      v[j] = 0.999 * (v[j] as number) + 0.001 * gj * gj;
      w[j] =
        (w[j] as number) - (this.lr * ((m[j] as number) / c1)) / (Math.sqrt((v[j] as number) / c2) + 1e-8);
    }
  }
}

/** A residual over a dense feature row, added to the linear score. */
export type Residual = (x: Float64Array) => number;

/** The one-hidden-layer part: v·tanh(U x + b), U stored feature-major (U[j*H + k]). */
export interface Hidden {
  H: number;
  U: Float64Array;
  b: Float64Array;
  v: Float64Array;
}

export function hiddenResidual(net: Hidden): Residual {
  const { H, U, b, v } = net;
  const a = new Float64Array(H);
  return (x) => {
    a.set(b);
    for (let j = 0; j < x.length; j++) {
      const xj = x[j] as number;
      if (xj === 0) continue;
      const o = j * H;
      for (let k = 0; k < H; k++) a[k] = (a[k] as number) + xj * (U[o + k] as number);
    }
    let s = 0;
    for (let k = 0; k < H; k++) s += (v[k] as number) * Math.tanh(a[k] as number);
    return s;
  };
}

export interface MlpOptions {
  H: number;
  /** L2 on the linear weights and on U (v and b are not penalized). */
  l2w: number;
  l2u: number;
  lr: number;
  /** The linear weights' own learning rate (0 keeps the linear solution fixed). */
  lrw: number;
  /** Adam steps at which to keep a snapshot (early stopping is chosen among them). */
  checkpoints: readonly number[];
  seed: number;
  /** Scale of U's initial entries (uniform in ±initScale). */
  initScale: number;
}

export interface MlpSnapshot {
  steps: number;
  w: Float64Array;
  net: Hidden;
}

/**
 * Fits w·x + v·tanh(U x + b) from the linear solution w0 (v = 0, so step 0 is the linear model
 * exactly), returning a snapshot at each checkpoint.
 */
export function fitMlp(items: readonly ListItem[], w0: Float64Array, o: MlpOptions): MlpSnapshot[] {
  const { H } = o;
  const rand = seeded(o.seed);
  const w = Float64Array.from(w0);
  const U = Float64Array.from({ length: F * H }, () => (2 * rand() - 1) * o.initScale);
  const b = new Float64Array(H);
  const v = new Float64Array(H);
  const groups = {
    w: new Adam(w, o.lrw, o.l2w),
    U: new Adam(U, o.lr, o.l2u),
    b: new Adam(b, o.lr, 0),
    v: new Adam(v, o.lr, 0),
  };
  const totalWeight = items.reduce((a, e) => a + e.weight, 0);
  const maxRows = Math.max(...items.map((e) => e.rows.length));
  const z = new Float64Array(maxRows);
  const d = new Float64Array(maxRows);
  const p = new Float64Array(maxRows);
  // Hidden activations of every row of the current question (row-major, H per row).
  const h = new Float64Array(maxRows * H);
  const delta = new Float64Array(H);
  const snapshots: MlpSnapshot[] = [];
  const last = Math.max(...o.checkpoints);
  for (let t = 1; t <= last; t++) {
    const gw = new Float64Array(F);
    const gU = new Float64Array(F * H);
    const gb = new Float64Array(H);
    const gv = new Float64Array(H);
    for (const item of items) {
      const n = item.rows.length;
      for (let i = 0; i < n; i++) {
        const { idx, val } = item.rows[i] as SparseRow;
        let s = 0;
        const base = i * H;
        for (let k = 0; k < H; k++) h[base + k] = b[k] as number;
        for (let q = 0; q < idx.length; q++) {
          const j = idx[q] as number;
          const xj = val[q] as number;
          s += xj * (w[j] as number);
          const uo = j * H;
          for (let k = 0; k < H; k++) h[base + k] = (h[base + k] as number) + xj * (U[uo + k] as number);
        }
        for (let k = 0; k < H; k++) {
          const hk = Math.tanh(h[base + k] as number);
          h[base + k] = hk;
          s += (v[k] as number) * hk;
        }
        z[i] = s;
      }
      softmaxGradient(item, z, d, p);
      const scale = item.weight / totalWeight;
      for (let i = 0; i < n; i++) {
        const di = (d[i] as number) * scale;
        if (di === 0) continue;
        const { idx, val } = item.rows[i] as SparseRow;
        const base = i * H;
        for (let k = 0; k < H; k++) {
          const hk = h[base + k] as number;
          gv[k] = (gv[k] as number) + di * hk;
          delta[k] = di * (v[k] as number) * (1 - hk * hk);
          gb[k] = (gb[k] as number) + (delta[k] as number);
        }
        for (let q = 0; q < idx.length; q++) {
          const j = idx[q] as number;
          const xj = val[q] as number;
          gw[j] = (gw[j] as number) + di * xj;
          const uo = j * H;
          for (let k = 0; k < H; k++) gU[uo + k] = (gU[uo + k] as number) + xj * (delta[k] as number);
        }
      }
    }
    groups.w.step(gw, t);
    groups.U.step(gU, t);
    groups.b.step(gb, t);
    groups.v.step(gv, t);
    if (o.checkpoints.includes(t))
      snapshots.push({
        steps: t,
        w: Float64Array.from(w),
        net: { H, U: Float64Array.from(U), b: Float64Array.from(b), v: Float64Array.from(v) },
      });
  }
  return snapshots;
}

/** A regression tree over "feature > threshold" splits; leaves hold score increments. */
export interface Tree {
  /** Internal nodes in breadth-first order: feature index and threshold; -1 marks a leaf. */
  feature: Int32Array;
  threshold: Float64Array;
  value: Float64Array;
}

function treeValue(tree: Tree, x: Float64Array): number {
  let node = 0;
  while ((tree.feature[node] as number) >= 0) {
    const j = tree.feature[node] as number;
    node = 2 * node + ((x[j] as number) > (tree.threshold[node] as number) ? 2 : 1);
  }
  return tree.value[node] as number;
}

export function treesResidual(trees: readonly Tree[]): Residual {
  return (x) => {
    let s = 0;
    for (const t of trees) s += treeValue(t, x);
    return s;
  };
}

export interface BoostOptions {
  depth: number;
  shrinkage: number;
  /** Newton leaf denominator's ridge, and the least hessian a child may hold. */
  lambda: number;
  minHessian: number;
  /** How many quantile thresholds of a feature's non-zero values (plus "> 0"). */
  quantiles: number;
  checkpoints: readonly number[];
}

/** Per feature, the split thresholds: "> 0" and a few quantiles of its non-zero values. */
function thresholdsOf(items: readonly ListItem[], quantiles: number): Float64Array[] {
  const values: number[][] = Array.from({ length: F }, () => []);
  for (const item of items)
    for (const r of item.rows)
      for (let q = 0; q < r.idx.length; q++) values[r.idx[q] as number]?.push(r.val[q] as number);
  return values.map((vs) => {
    vs.sort((a, b) => a - b);
    const cuts = new Set<number>([0]);
    for (let k = 1; k <= quantiles; k++) {
      const at = vs[Math.floor((k * vs.length) / (quantiles + 1))];
      if (at !== undefined && at > 0 && at < (vs[vs.length - 1] as number)) cuts.add(at);
    }
    return Float64Array.from([...cuts].sort((a, b) => a - b));
  });
}

/**
 * Boosted trees on the listwise softmax's gradient, from the linear scores w0·x: each round fits a
 * depth-limited tree to the negative gradient (target - p) with Newton leaf values
 * sum(g) / (sum(p(1-p)) + lambda), times the shrinkage. Returns the trees at each checkpoint.
 */
export function fitBoost(items: readonly ListItem[], w0: Float64Array, o: BoostOptions): Tree[][] {
  const thresholds = thresholdsOf(items, o.quantiles);
  // Flatten every row: its linear score, its non-zero entries' bins (bin 0 is "<= 0").
  const rows = items.flatMap((item) => item.rows);
  const N = rows.length;
  const score = Float64Array.from(rows, (r) => {
    let s = 0;
    for (let q = 0; q < r.idx.length; q++) s += (r.val[q] as number) * (w0[r.idx[q] as number] as number);
    return s;
  });
  const bins = rows.map((r) =>
    Uint8Array.from(r.idx, (j, q) => {
      const t = thresholds[j] as Float64Array;
      let bin = 0;
      while (bin < t.length && (r.val[q] as number) > (t[bin] as number)) bin++;
      return bin;
    }),
  );
  const offsets = new Int32Array(items.length + 1);
  items.forEach((item, i) => {
    offsets[i + 1] = (offsets[i] as number) + item.rows.length;
  });
  const totalWeight = items.reduce((a, e) => a + e.weight, 0);
  const g = new Float64Array(N);
  const hess = new Float64Array(N);
  const node = new Int32Array(N);
  const maxRows = Math.max(...items.map((e) => e.rows.length));
  const d = new Float64Array(maxRows);
  const p = new Float64Array(maxRows);
  const binCount = Math.max(...thresholds.map((t) => t.length)) + 1;
  const trees: Tree[] = [];
  const out: Tree[][] = [];
  const last = Math.max(...o.checkpoints);
  for (let round = 1; round <= last; round++) {
    items.forEach((item, i) => {
      const from = offsets[i] as number;
      softmaxGradient(item, score.subarray(from), d, p);
      const scale = (item.weight * items.length) / totalWeight;
      for (let r = 0; r < item.rows.length; r++) {
        g[from + r] = -(d[r] as number) * scale;
        hess[from + r] = Math.max((p[r] as number) * (1 - (p[r] as number)), 1e-6) * scale;
      }
    });
    const nodes = 2 ** (o.depth + 1) - 1;
    const tree: Tree = {
      feature: new Int32Array(nodes).fill(-1),
      threshold: new Float64Array(nodes),
      value: new Float64Array(nodes),
    };
    node.fill(0);
    for (let level = 0; level < o.depth; level++) {
      const first = 2 ** level - 1;
      const width = 2 ** level;
      const G = new Float64Array(width);
      const Hs = new Float64Array(width);
      const hg = new Float64Array(width * F * binCount);
      const hh = new Float64Array(width * F * binCount);
      for (let r = 0; r < N; r++) {
        const nd = (node[r] as number) - first;
        if (nd < 0) continue;
        G[nd] = (G[nd] as number) + (g[r] as number);
        Hs[nd] = (Hs[nd] as number) + (hess[r] as number);
        const row = rows[r] as SparseRow;
        const rb = bins[r] as Uint8Array;
        for (let q = 0; q < row.idx.length; q++) {
          const at = (nd * F + (row.idx[q] as number)) * binCount + (rb[q] as number);
          hg[at] = (hg[at] as number) + (g[r] as number);
          hh[at] = (hh[at] as number) + (hess[r] as number);
        }
      }
      for (let nd = 0; nd < width; nd++) {
        const Gt = G[nd] as number;
        const Ht = Hs[nd] as number;
        const parent = (Gt * Gt) / (Ht + o.lambda);
        let best = 0;
        let bestJ = -1;
        let bestT = 0;
        for (let j = 0; j < F; j++) {
          const t = thresholds[j] as Float64Array;
          // Rows at or below threshold t[c] are bins 0..c; zeros (absent entries) are bin 0.
          let gl = 0;
          let hl = 0;
          let gNonzero = 0;
          let hNonzero = 0;
          const base = (nd * F + j) * binCount;
          for (let c = 0; c < binCount; c++) {
            gNonzero += hg[base + c] as number;
            hNonzero += hh[base + c] as number;
          }
          gl = Gt - gNonzero;
          hl = Ht - hNonzero;
          for (let c = 0; c < t.length; c++) {
            gl += hg[base + c] as number;
            hl += hh[base + c] as number;
            const gr = Gt - gl;
            const hr = Ht - hl;
            if (hl < o.minHessian || hr < o.minHessian) continue;
            const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parent;
            if (gain > best) {
              best = gain;
              bestJ = j;
              bestT = t[c] as number;
            }
          }
        }
        const at = first + nd;
        if (bestJ < 0) {
          // No worthwhile split: this node is a leaf, and so are its would-be descendants.
          tree.value[at] = (o.shrinkage * Gt) / (Ht + o.lambda);
          continue;
        }
        tree.feature[at] = bestJ;
        tree.threshold[at] = bestT;
      }
      // Move each row down one level (rows at leaves stay put).
      for (let r = 0; r < N; r++) {
        const nd = node[r] as number;
        if (nd < first || (tree.feature[nd] as number) < 0) continue;
        const row = rows[r] as SparseRow;
        const j = tree.feature[nd] as number;
        let x = 0;
        for (let q = 0; q < row.idx.length; q++) if (row.idx[q] === j) x = row.val[q] as number;
        node[r] = 2 * nd + (x > (tree.threshold[nd] as number) ? 2 : 1);
      }
    }
    // Leaf values at the deepest level (and at nodes that stopped early, set above).
    const sumG = new Float64Array(nodes);
    const sumH = new Float64Array(nodes);
    for (let r = 0; r < N; r++) {
      const nd = node[r] as number;
      sumG[nd] = (sumG[nd] as number) + (g[r] as number);
      sumH[nd] = (sumH[nd] as number) + (hess[r] as number);
    }
    for (let nd = 2 ** o.depth - 1; nd < nodes; nd++)
      tree.value[nd] = (o.shrinkage * (sumG[nd] as number)) / ((sumH[nd] as number) + o.lambda);
    trees.push(tree);
    for (let r = 0; r < N; r++) score[r] = (score[r] as number) + (tree.value[node[r] as number] as number);
    if (o.checkpoints.includes(round)) out.push([...trees]);
  }
  return out;
}

/** The linear model at margins 0 with one more weight (1) for the residual's column. */
function withResidualWeight(w: Float64Array): AnswerModel {
  const weights = new Float64Array(F + 1);
  weights.set(w);
  weights[F] = 1;
  return { weights, margin: 0, summaryMargin: 0, complementGap: 1 };
}

/**
 * Whether a question is answered right by the linear weights w plus a residual, through the
 * shipped answer path: the residual is appended to each row as one more column weighted 1.
 */
export function hitWith(e: Example, w: Float64Array, residual: Residual | null): boolean {
  if (e.decided !== null || !residual) return hit(e, atMarginZero(w));
  const r = e.ranking as Ranking;
  const extend = (x: Float64Array) => {
    const y = new Float64Array(F + 1);
    y.set(x);
    y[F] = residual(x);
    return y;
  };
  return hit(
    { ...e, ranking: { ...r, rows: r.rows.map(extend), decline: extend(r.decline) } },
    withResidualWeight(w),
  );
}

/** The listwise linear fit over sparse rows (the same loss and Adam as fitWeights, faster). */
export function fitLinear(items: readonly ListItem[], l2: number, steps: number, lr: number): Float64Array {
  const [snap] = fitMlp(items, new Float64Array(F), {
    H: 0,
    l2w: l2,
    l2u: 0,
    lr,
    lrw: lr,
    checkpoints: [steps],
    seed: 1,
    initScale: 0,
  });
  return (snap as MlpSnapshot).w;
}

/** Bootstrap resamples of the questions (by multiplicity weights), each fitted, weights averaged. */
export function fitBagged(
  items: readonly ListItem[],
  l2: number,
  steps: number,
  lr: number,
  bags: number,
  seed: number,
): Float64Array {
  const rand = seeded(seed);
  const mean = new Float64Array(F);
  for (let bag = 0; bag < bags; bag++) {
    const counts = new Float64Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const at = Math.floor(rand() * items.length);
      counts[at] = (counts[at] as number) + 1;
    }
    const resampled = items
      .map((item, i) => ({ ...item, weight: item.weight * (counts[i] as number) }))
      .filter((item) => item.weight > 0);
    const w = fitLinear(resampled, l2, steps, lr);
    for (let j = 0; j < F; j++) mean[j] = (mean[j] as number) + (w[j] as number) / bags;
  }
  return mean;
}
