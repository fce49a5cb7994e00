/**
 * Papers in a channel's order: what it likes first, the source's upvotes as the tie-breaker that
 * the blend weighs. Used for the roundup's "For this channel" section and the order within each
 * topic. With no profile every interest is 0 and the order is the upvotes' (the default roundup).
 */

export interface OrderSettings {
  /** order score = interest · blend.interest + upvote prior · blend.upvotes */
  blend: { interest: number; upvotes: number };
  /** The "For this channel" section: at most `max` papers, each of interest at least `minInterest`. */
  featured: { max: number; minInterest: number };
}

export interface Rankable {
  /** Cosine with the channel's profile (profile.ts); 0 without one. */
  interest: number;
  upvotes: number | null;
}

/**
 * The upvotes as a prior in [0, 1]: log-scaled against the day's most upvoted paper, so one
 * viral paper does not flatten the rest; unknown upvotes are 0.
 */
export function upvotePriors(items: readonly Rankable[]): number[] {
  const top = Math.max(0, ...items.map((i) => i.upvotes ?? 0));
  return items.map((i) => (top > 0 ? Math.log1p(Math.max(0, i.upvotes ?? 0)) / Math.log1p(top) : 0));
}

/** Indexes of `items` best first for the channel; ties keep the given order. */
export function channelOrder(items: readonly Rankable[], settings: OrderSettings): number[] {
  const prior = upvotePriors(items);
  const score = items.map(
    (it, i) => it.interest * settings.blend.interest + (prior[i] as number) * settings.blend.upvotes,
  );
  return items.map((_, i) => i).sort((a, b) => (score[b] as number) - (score[a] as number) || a - b);
}

/** Indexes of the papers to feature: the most interesting, above the floor, at most `max`. */
export function featured(items: readonly Rankable[], settings: OrderSettings): number[] {
  return channelOrder(items, settings)
    .filter((i) => (items[i] as Rankable).interest >= settings.featured.minInterest)
    .sort((a, b) => (items[b] as Rankable).interest - (items[a] as Rankable).interest || 0)
    .slice(0, settings.featured.max);
}
