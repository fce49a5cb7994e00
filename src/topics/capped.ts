/**
 * Which papers of a day (or range) are grouped into topics. Grouping costs grow faster than the
 * papers (every pair is compared), so a day past MAX_GROUPED_PAPERS is grouped by its most
 * upvoted papers (the source's own ranking; digest order among equals) and the roundup says so.
 * A normal day (20 to 70 papers) is grouped whole.
 */

/** The most papers one roundup groups into topics. */
export const MAX_GROUPED_PAPERS = 500;

/**
 * The papers to group, in their original order: all of them, or the most upvoted `max`. The
 * archive applies the same rule in SQL (`PaperStore.roundupPks`, tested against this one), so a
 * large day is never loaded whole to choose from it.
 */
export function papersToGroup(
  pks: readonly number[],
  upvotes: ReadonlyMap<number, number | null>,
  max = MAX_GROUPED_PAPERS,
): number[] {
  if (pks.length <= max) return [...pks];
  const ranked = pks
    .map((pk, position) => ({ pk, position, votes: upvotes.get(pk) ?? -1 }))
    .sort((a, b) => b.votes - a.votes || a.position - b.position)
    .slice(0, max);
  return ranked.sort((a, b) => a.position - b.position).map((r) => r.pk);
}
