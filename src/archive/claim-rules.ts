/**
 * The one rule for taking over a claim, shared by roundup deliveries (deliveries.ts) and the
 * scheduler's other posts (scheduled-posts.ts): a failed row may be tried again when the retry
 * policy says so, and a claim older than its lease belongs to a process that died mid-post.
 */
export type ClaimStatus = "claimed" | "sent" | "failed" | "skipped";

export interface ClaimedRow {
  status: ClaimStatus;
  claimedAt: string;
}

export interface TakeOverOptions<R extends ClaimedRow> {
  now: Date;
  /** May a failed row be tried again now? (The scheduler's retry policy.) */
  retryFailed: (row: R) => boolean;
  /**
   * A claim older than this belongs to a process that died mid-post; it may be taken over. Longer
   * than any post may take, so a live claimant is never overtaken.
   */
  leaseMs: number;
}

export function mayTakeOver<R extends ClaimedRow>(row: R, options: TakeOverOptions<R>): boolean {
  if (row.status === "failed") return options.retryFailed(row);
  if (row.status === "claimed") return options.now.getTime() - Date.parse(row.claimedAt) >= options.leaseMs;
  return false;
}
