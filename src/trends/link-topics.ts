/**
 * Topics matched across periods by their papers, not by their labels: each period's topics are
 * grouped on their own (a label can change from week to week, and two weeks share no paper), so a
 * topic joins the series whose papers so far are most like its papers — the cosine of the two
 * centroids of its papers' vectors (topic-vectors.ts: research areas and TF-IDF terms) — when that
 * cosine reaches MATCH_MIN; otherwise it starts a series of its own. Each series takes at most one topic
 * per period, best pairs first. Pure: vectors come from the caller.
 */
export type TermVector = ReadonlyMap<string, number>;

export interface PeriodTopic {
  label: string;
  pks: readonly number[];
}

export interface LinkedSeries {
  /** Per period, the index of the topic it holds there, or -1. */
  topics: number[];
  /** Papers per period (0 where it holds no topic). */
  counts: number[];
  /** Every paper of the series, over all periods. */
  pks: number[];
  /** The label of its largest topic (the latest on a tie): what people saw most of it called. */
  label: string;
}

/**
 * How alike two topics' papers must be to be one topic over time. Chosen on the three topic gold
 * days, whose topics were aligned across days by hand (docs/topics.md, "Trends"): at 0.4 all 17
 * pairs of one theme on different days are linked and 1 of 18 linked pairs is not one theme.
 */
export const MATCH_MIN = 0.4;

function addInto(sum: Map<string, number>, v: TermVector, w = 1): void {
  for (const [t, x] of v) sum.set(t, (sum.get(t) ?? 0) + w * x);
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, x] of small) {
    const y = big.get(t);
    if (y !== undefined) dot += x * y;
  }
  let na = 0;
  for (const x of a.values()) na += x * x;
  let nb = 0;
  for (const x of b.values()) nb += x * x;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Series over `periods` (each a list of topics), in the order they first appear. */
export function linkTopics(
  periods: readonly (readonly PeriodTopic[])[],
  vectorOf: (pk: number) => TermVector | null,
  matchMin = MATCH_MIN,
): LinkedSeries[] {
  const n = periods.length;
  const series: (LinkedSeries & { centroid: Map<string, number> })[] = [];
  periods.forEach((topics, p) => {
    const centroids = topics.map((t) => {
      const c = new Map<string, number>();
      for (const pk of t.pks) {
        const v = vectorOf(pk);
        if (v) addInto(c, v);
      }
      return c;
    });
    const pairs: { t: number; s: number; sim: number }[] = [];
    centroids.forEach((c, t) => {
      series.forEach((s, si) => {
        const sim = cosine(c, s.centroid);
        if (sim >= matchMin) pairs.push({ t, s: si, sim });
      });
    });
    // Best pairs first; ties by topic then series index, so the same input links the same way.
    pairs.sort((a, b) => b.sim - a.sim || a.t - b.t || a.s - b.s);
    const taken = new Set<number>();
    const joined = new Map<number, number>();
    for (const pair of pairs) {
      if (joined.has(pair.t) || taken.has(pair.s)) continue;
      joined.set(pair.t, pair.s);
      taken.add(pair.s);
    }
    topics.forEach((topic, t) => {
      let s = joined.get(t);
      if (s === undefined) {
        s = series.length;
        series.push({
          topics: new Array(n).fill(-1),
          counts: new Array(n).fill(0),
          pks: [],
          label: topic.label,
          centroid: new Map(),
        });
      }
      const target = series[s] as (typeof series)[number];
      target.topics[p] = t;
      target.counts[p] = topic.pks.length;
      target.pks.push(...topic.pks);
      // The series' centroid is the sum of all its papers' vectors: it follows the topic over time.
      addInto(target.centroid, centroids[t] as Map<string, number>);
    });
  });
  return series.map(({ centroid: _, ...s }) => {
    let best = -1;
    let label = s.label;
    s.topics.forEach((t, p) => {
      if (t < 0) return;
      const size = s.counts[p] as number;
      if (size >= best) {
        best = size;
        label = periods[p]?.[t]?.label ?? label;
      }
    });
    return { ...s, label };
  });
}
