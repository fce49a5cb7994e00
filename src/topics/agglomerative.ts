/**
 * Average-linkage agglomerative clustering on a similarity matrix: start from single papers and
 * merge the two most similar groups (mean similarity over their pairs) until `k` groups remain, or
 * until no two groups are at least `minLink` alike. Average linkage suits 20–70 items with uneven
 * topics better than k-means, which wants round clusters of similar size. Deterministic: ties go to
 * the lowest indices. O(n³) on the naive matrix: a few ms for a day, tens for a week.
 */
export interface LinkageStop {
  /** Stop at this many groups. */
  k?: number;
  /** Stop when the best pair is less alike than this. */
  minLink?: number;
}

/** The group of each item (0-based, numbered in order of first member). */
export function averageLinkage(sim: readonly Float64Array[], stop: LinkageStop): number[] {
  const n = sim.length;
  const link = sim.map((r) => Float64Array.from(r));
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const owner = Array.from({ length: n }, (_, i) => i);
  const k = Math.max(1, stop.k ?? 1);
  const minLink = stop.minLink ?? Number.NEGATIVE_INFINITY;
  for (let groups = n; groups > k; groups--) {
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
    if (bi < 0 || best < minLink) break;
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
  }
  const ids = new Map<number, number>();
  return owner.map((o) => {
    if (!ids.has(o)) ids.set(o, ids.size);
    return ids.get(o) as number;
  });
}

/** Items grouped by label, groups in order of first member. */
export function groupsOf(labels: readonly number[], items: readonly number[]): number[][] {
  const out: number[][] = [];
  labels.forEach((l, i) => {
    const g = out[l] ?? [];
    g.push(items[i] as number);
    out[l] = g;
  });
  return out.filter((g) => g !== undefined && g.length > 0);
}
