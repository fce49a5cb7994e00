/** Agreement of two partitions of the same items: ARI and NMI (arithmetic mean, as scikit-learn). */

function table(a: readonly string[], b: readonly string[]) {
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  a.forEach((x, i) => {
    const y = b[i] as string;
    cells.set(`${x}\u0000${y}`, (cells.get(`${x}\u0000${y}`) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
  });
  return { cells, rows, cols, n: a.length };
}

const choose2 = (x: number) => (x * (x - 1)) / 2;

export function adjustedRandIndex(a: readonly string[], b: readonly string[]): number {
  const { cells, rows, cols, n } = table(a, b);
  const index = [...cells.values()].reduce((s, v) => s + choose2(v), 0);
  const sa = [...rows.values()].reduce((s, v) => s + choose2(v), 0);
  const sb = [...cols.values()].reduce((s, v) => s + choose2(v), 0);
  const expected = (sa * sb) / choose2(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

export function normalizedMutualInformation(a: readonly string[], b: readonly string[]): number {
  const { cells, rows, cols, n } = table(a, b);
  const entropy = (m: Map<string, number>) =>
    -[...m.values()].reduce((s, v) => s + (v / n) * Math.log(v / n), 0);
  let mi = 0;
  for (const [key, v] of cells) {
    const [x, y] = key.split("\u0000") as [string, string];
    mi += (v / n) * Math.log((n * v) / ((rows.get(x) as number) * (cols.get(y) as number)));
  }
  const ha = entropy(rows);
  const hb = entropy(cols);
  return ha + hb === 0 ? 1 : (2 * mi) / (ha + hb);
}
