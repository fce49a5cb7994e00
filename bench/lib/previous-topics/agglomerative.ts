/**
 * Average-linkage agglomerative clustering on a cosine matrix: start from single papers and
 * merge the two most similar groups until k remain. Deterministic by construction (ties go to the
 * lowest indices); O(n³) on the naive matrix, which for a week of 350 papers is a few tens of ms.
 */
export function agglomerate(sim: readonly Float64Array[], k: number): number[] {
  return agglomerateCuts(sim, k, k).get(k) as number[];
}

/** One agglomeration, cut at every k in [minK, maxK]: the labels per paper for each k. */
export function agglomerateCuts(
  sim: readonly Float64Array[],
  minK: number,
  maxK: number,
): Map<number, number[]> {
  const cuts = new Map<number, number[]>();
  const n = sim.length;
  const link = sim.map((r) => Float64Array.from(r));
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const owner = Array.from({ length: n }, (_, i) => i);
  const cut = () => {
    const ids = new Map<number, number>();
    return owner.map((o) => {
      if (!ids.has(o)) ids.set(o, ids.size);
      return ids.get(o) as number;
    });
  };
  if (n <= maxK) cuts.set(n, cut());
  for (let groups = n; groups > minK; groups--) {
    let bi = -1;
    let bj = -1;
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const row = link[i] as Float64Array;
      for (let j = i + 1; j < n; j++) {
        if (alive[j] && (row[j] as number) > best) {
          best = row[j] as number;
          bi = i;
          bj = j;
        }
      }
    }
    const si = size[bi] as number;
    const sj = size[bj] as number;
    for (let m = 0; m < n; m++) {
      if (!alive[m] || m === bi || m === bj) continue;
      const v =
        (si * ((link[bi] as Float64Array)[m] as number) + sj * ((link[bj] as Float64Array)[m] as number)) /
        (si + sj);
      (link[bi] as Float64Array)[m] = v;
      (link[m] as Float64Array)[bi] = v;
    }
    size[bi] = si + sj;
    alive[bj] = false;
    for (let p = 0; p < n; p++) if (owner[p] === bj) owner[p] = bi;
    if (groups - 1 <= maxK) cuts.set(groups - 1, cut());
  }
  return cuts;
}
