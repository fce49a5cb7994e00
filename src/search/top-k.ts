/**
 * The k best of many scored documents without sorting them all: a bounded min-heap over two
 * parallel arrays (no object per document, since a common term can touch most of the archive).
 */
export interface Ranked {
  sid: number;
  score: number;
}

/** `better(a, b)`: true when a ranks above b (ties must be broken, so the order is total). */
export function topK(
  k: number,
  sids: ArrayLike<number>,
  count: number,
  scoreOf: (sid: number) => number,
  better: (a: number, sa: number, b: number, sb: number) => boolean,
): Ranked[] {
  if (k <= 0) return [];
  const heapSid = new Int32Array(k);
  const heapScore = new Float64Array(k);
  let size = 0;
  // Min-heap: the root is the worst of the kept ones.
  const worse = (i: number, j: number) =>
    better(heapSid[j] as number, heapScore[j] as number, heapSid[i] as number, heapScore[i] as number);
  const swap = (i: number, j: number) => {
    const s = heapSid[i] as number;
    heapSid[i] = heapSid[j] as number;
    heapSid[j] = s;
    const v = heapScore[i] as number;
    heapScore[i] = heapScore[j] as number;
    heapScore[j] = v;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && worse(l, m)) m = l;
      if (r < size && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let n = 0; n < count; n++) {
    const sid = sids[n] as number;
    const score = scoreOf(sid);
    if (size < k) {
      heapSid[size] = sid;
      heapScore[size] = score;
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(i, p)) break;
        swap(i, p);
        i = p;
      }
    } else if (
      // Most documents score below the worst kept one: rejected without calling `better`.
      score >= (heapScore[0] as number) &&
      better(sid, score, heapSid[0] as number, heapScore[0] as number)
    ) {
      heapSid[0] = sid;
      heapScore[0] = score;
      down(0);
    }
  }
  const out: Ranked[] = [];
  for (let i = 0; i < size; i++) out.push({ sid: heapSid[i] as number, score: heapScore[i] as number });
  out.sort((a, b) => (better(a.sid, a.score, b.sid, b.score) ? -1 : 1));
  return out;
}
