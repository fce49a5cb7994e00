/** How long a failed roundup post waits before the next try: doubling, capped. */

export interface RetryPolicy {
  /** Tries per channel and day before giving up (and reporting it). */
  attempts: number;
  backoffMs: number;
  maxBackoffMs: number;
}

/** The wait after the `attempts`-th failed try (1-based). Deterministic: one poster per channel. */
export function postRetryDelay(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** Math.max(0, attempts - 1));
}

/** Whether a failed post is due for another try now: tries left, and its backoff has passed. */
export function failedTryDue(
  row: { attempts: number; claimedAt: string },
  now: Date,
  policy: RetryPolicy,
): boolean {
  return (
    row.attempts < policy.attempts &&
    now.getTime() >= Date.parse(row.claimedAt) + postRetryDelay(row.attempts, policy)
  );
}
