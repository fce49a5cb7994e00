/**
 * From papers to groups, as an editor would: by research area first, then by likeness.
 *
 * 1. Each paper goes to its research area (`areas.ts`), and the areas of a family share one topic
 *    ("Model efficiency") unless the family is too large for one heading (`largeFamily` papers):
 *    then each of its areas with `minSize` papers is a topic, and the rest share one.
 * 2. A topic below `minSize` papers (too small for a heading) joins the topic most like it, when
 *    they are alike (`MERGE_SIM`) and the joined topic can still be named; else its papers are loose.
 * 3. A loose paper (or one no area speaks for) joins the topic most like it (`ATTACH_SIM`), when
 *    the topic can still be named. Loose papers alike among themselves by text (`TEXT_LINK_SIM`)
 *    make a topic of their own when there are enough of them and a phrase names them. The rest
 *    are "Other": papers that fit no group well.
 * 4. Then the limits a reader needs: no topic over `maxShare` of a large day (split by likeness),
 *    at most `maxTopics` topics (the smallest joins its nearest, or goes to Other), at least
 *    `minTopics` (the largest is split), Other at most `otherShare`.
 *
 * The number of topics is not chosen by a score over k: it follows from the day's areas and the
 * reader's limits (a heading is worth `minSize` papers and must be nameable), which is how a
 * person decides it. Everything is deterministic: ties go to the lower index.
 */
import { averageLinkage, groupsOf } from "./agglomerative.js";
import type { AreaCatalog, AreaMatch } from "./areas.js";

/** Mean combined similarity above which a small topic joins its nearest. */
export const MERGE_SIM = 0.25;
/** Mean combined similarity to a topic's papers above which a loose paper joins it. */
export const ATTACH_SIM = 0.25;
/** Mean text similarity above which loose papers group among themselves. */
export const TEXT_LINK_SIM = 0.1;

export interface GroupingLimits {
  /** Smallest topic worth a heading. */
  minSize: number;
  /** A family with more papers than this is split into its areas. */
  largeFamily: number;
  minTopics: number;
  /** Topics at most, "Other" included. */
  maxTopics: number;
  /** Most papers one topic may hold. */
  cap: number;
  /** Most papers "Other" may hold. */
  otherCap: number;
}

export interface GroupingInput {
  catalog: AreaCatalog;
  matches: readonly AreaMatch[];
  /** Combined (area and text) and text-only similarities, n × n. */
  combined: readonly Float64Array[];
  text: readonly Float64Array[];
  /** True when the papers can be named by some label (`labels.ts`). */
  nameable(members: readonly number[]): boolean;
}

export interface Grouping {
  groups: number[][];
  other: number[];
}

function meanLink(sim: readonly Float64Array[], a: readonly number[], b: readonly number[]): number {
  let s = 0;
  let count = 0;
  for (const i of a) {
    const row = sim[i] as Float64Array;
    for (const j of b) {
      if (i === j) continue;
      s += row[j] as number;
      count++;
    }
  }
  return count ? s / count : 0;
}

const bySize = (a: readonly number[], b: readonly number[]) =>
  b.length - a.length || (a[0] as number) - (b[0] as number);
const sorted = (g: number[]) => g.sort((x, y) => x - y);

/** The group most like `g` among `groups` (not `g` itself), with how alike. */
function nearest(sim: readonly Float64Array[], g: readonly number[], groups: readonly number[][]) {
  let best = -1;
  let bestSim = Number.NEGATIVE_INFINITY;
  groups.forEach((h, t) => {
    if (h === g) return;
    const s = meanLink(sim, g, h);
    if (s > bestSim + 1e-12) {
      bestSim = s;
      best = t;
    }
  });
  return { index: best, sim: bestSim };
}

/** Splits a group in two by likeness (average linkage); null when it cannot be split. */
function splitInTwo(sim: readonly Float64Array[], members: readonly number[]): [number[], number[]] | null {
  if (members.length < 2) return null;
  const sub = members.map((i) => Float64Array.from(members, (j) => (sim[i] as Float64Array)[j] as number));
  const parts = groupsOf(averageLinkage(sub, { k: 2 }), members);
  if (parts.length === 2) return [parts[0] as number[], parts[1] as number[]];
  // Nothing tells them apart (copies of one paper): halves in input order keep the size limits.
  const half = Math.ceil(members.length / 2);
  return [members.slice(0, half), members.slice(half)];
}

/** Groups of papers by area: one per family, or per area for a large family (and unpooled ones). */
function areaGroups(input: GroupingInput, limits: GroupingLimits): { groups: number[][]; loose: number[] } {
  const byArea = new Map<number, number[]>();
  const loose: number[] = [];
  input.matches.forEach((m, i) => {
    if (m.primary === null) loose.push(i);
    else byArea.set(m.primary, [...(byArea.get(m.primary) ?? []), i]);
  });
  const groups: number[][] = [];
  for (const family of input.catalog.families) {
    const present = family.areas.map((a) => byArea.get(a.index) ?? []).filter((m) => m.length);
    const total = present.reduce((sum, m) => sum + m.length, 0);
    if (family.pool && total <= limits.largeFamily) {
      if (total) groups.push(sorted(present.flat()));
      continue;
    }
    const pool: number[] = [];
    for (const members of present) {
      if (!family.pool || members.length >= limits.minSize) groups.push(members);
      else pool.push(...members);
    }
    if (pool.length) groups.push(sorted(pool));
  }
  return { groups, loose };
}

export function groupPapers(input: GroupingInput, limits: GroupingLimits): Grouping {
  const { combined } = input;
  let { groups, loose } = areaGroups(input, limits);

  // 2. Topics too small for a heading join their nearest, or come loose.
  for (let guard = 0; guard < 1000; guard++) {
    const small = groups
      .filter((g) => g.length < limits.minSize)
      .sort((a, b) => a.length - b.length || (a[0] as number) - (b[0] as number));
    const g = small[0];
    if (!g) break;
    const near = nearest(combined, g, groups);
    const target = groups[near.index];
    if (target && near.sim >= MERGE_SIM && input.nameable([...g, ...target])) {
      target.push(...g);
      sorted(target);
    } else loose.push(...g);
    groups = groups.filter((h) => h !== g);
  }

  // 3. Loose papers join the topic most like them, the most decided first.
  loose = sorted([...new Set(loose)]);
  const stillLoose: number[] = [];
  const offers = loose
    .map((i) => ({ i, ...nearest(combined, [i], groups) }))
    .sort((a, b) => b.sim - a.sim || a.i - b.i);
  for (const o of offers) {
    const target = groups[o.index];
    if (target && o.sim >= ATTACH_SIM && input.nameable([...target, o.i])) {
      target.push(o.i);
      sorted(target);
    } else stillLoose.push(o.i);
  }
  let other: number[] = [];
  if (stillLoose.length >= limits.minSize) {
    const sub = stillLoose.map((i) =>
      Float64Array.from(stillLoose, (j) => (input.text[i] as Float64Array)[j] as number),
    );
    for (const cluster of groupsOf(averageLinkage(sub, { minLink: TEXT_LINK_SIM }), stillLoose)) {
      if (cluster.length >= limits.minSize && input.nameable(cluster)) groups.push(cluster);
      else other.push(...cluster);
    }
  } else other = stillLoose;
  other = sorted(other);
  groups.sort(bySize);

  // 4. The reader's limits.
  const topicCount = () => groups.length + (other.length ? 1 : 0);
  for (let guard = 0; guard < 100; guard++) {
    const big = groups.find((g) => g.length > limits.cap);
    if (!big || topicCount() >= limits.maxTopics) break;
    const parts = splitInTwo(combined, big);
    if (!parts) break;
    groups = [...groups.filter((g) => g !== big), ...parts].sort(bySize);
  }
  while (topicCount() > limits.maxTopics && groups.length > 1) {
    const g = groups[groups.length - 1] as number[];
    const near = nearest(combined, g, groups);
    const target = groups[near.index] as number[];
    const fits = target.length + g.length <= limits.cap;
    if ((!fits || near.sim < MERGE_SIM) && other.length + g.length <= limits.otherCap)
      other = sorted([...other, ...g]);
    else {
      target.push(...g);
      sorted(target);
    }
    groups = groups.filter((h) => h !== g).sort(bySize);
  }
  for (let guard = 0; guard < 20 && topicCount() < limits.minTopics; guard++) {
    const parts = groups[0] ? splitInTwo(combined, groups[0]) : null;
    if (!parts) break;
    groups = [...groups.slice(1), ...parts].sort(bySize);
  }
  // Other within its cap: the papers most like a topic go back to it.
  while (other.length > limits.otherCap && groups.length) {
    const offers = other
      .map((i) => ({ i, ...nearest(combined, [i], groups) }))
      .sort((a, b) => b.sim - a.sim || a.i - b.i);
    const o = offers[0];
    const target = o ? groups[o.index] : undefined;
    if (!o || !target) break;
    target.push(o.i);
    sorted(target);
    other = other.filter((i) => i !== o.i);
  }
  return { groups: groups.sort(bySize), other };
}
