/**
 * A channel's interest profile: a time-decayed centroid of the papers its people liked, in the
 * archive's own vector space (each paper's unit TF-IDF vector, as related papers compare them),
 * with the disliked papers subtracted. Pure functions over plain data: the store gives the
 * reactions, the related index the vectors, the clock the time.
 *
 *   profile = Σ_reactions weight(kind) · ½^(age / half-life) · vector(paper)
 *   interest(paper) = cos(profile, vector(paper))   (in [-1, 1]; 0 for an empty profile)
 */
import type { ReactionKind } from "./reaction-kinds.js";

export type TermVector = ReadonlyMap<string, number>;

export interface InterestSettings {
  /** Days after which a reaction counts half as much. */
  halfLifeDays: number;
  /** What each kind adds to the profile, per reaction (a dislike is negative). */
  weights: Record<ReactionKind, number>;
}

export interface ReactionRow {
  paperPk: number;
  kind: ReactionKind;
  /** ISO instant of the reaction. */
  at: string;
}

export interface InterestProfile {
  /** Term → weight; empty when nothing was liked or disliked. */
  vector: Map<string, number>;
  /** Length of `vector`; 0 for an empty profile. */
  norm: number;
  /** Reactions it was built from, by kind. */
  counts: Record<ReactionKind, number>;
}

const DAY_MS = 86_400_000;

export function emptyProfile(): InterestProfile {
  return { vector: new Map(), norm: 0, counts: { like: 0, star: 0, dislike: 0 } };
}

export function buildProfile(
  reactions: readonly ReactionRow[],
  vectorOf: (pk: number) => TermVector | null,
  now: Date,
  settings: InterestSettings,
): InterestProfile {
  const profile = emptyProfile();
  // One weight per paper first: several people liking a paper add up; a paper's vector is read once.
  const perPaper = new Map<number, number>();
  const t = now.getTime();
  for (const r of reactions) {
    profile.counts[r.kind]++;
    const ageDays = Math.max(0, (t - Date.parse(r.at)) / DAY_MS);
    const w = settings.weights[r.kind] * 0.5 ** (ageDays / settings.halfLifeDays);
    perPaper.set(r.paperPk, (perPaper.get(r.paperPk) ?? 0) + w);
  }
  const v = profile.vector;
  for (const [pk, w] of perPaper) {
    if (w === 0) continue;
    const vec = vectorOf(pk);
    if (!vec) continue;
    for (const [term, x] of vec) v.set(term, (v.get(term) ?? 0) + w * x);
  }
  let sq = 0;
  for (const x of v.values()) sq += x * x;
  profile.norm = Math.sqrt(sq);
  return profile;
}

/** Cosine of a paper's unit vector with the profile: how much it is what the channel likes. */
export function interestOf(profile: InterestProfile, vector: TermVector | null): number {
  if (profile.norm === 0 || !vector) return 0;
  let dot = 0;
  for (const [term, x] of vector) {
    const p = profile.vector.get(term);
    if (p !== undefined) dot += p * x;
  }
  return dot / profile.norm;
}

/** The profile's strongest positive terms (stems), for people to see what it learned. */
export function topTerms(profile: InterestProfile, n: number): string[] {
  return [...profile.vector]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([t]) => t);
}
