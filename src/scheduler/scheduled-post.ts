/**
 * Posting a claimed scheduled post (an alert, a weekly digest, a quiet-day notice) the way the
 * daily roundup is posted: through the channel's adapter, then marked sent; on failure marked
 * failed and retried with the same backoff, given up after `postRetries.attempts`. Each outcome is
 * a scheduler event named after the kind: "alert-posted", "weekly-failed", "quiet-gave-up"…
 */
import { mayTakeOver } from "../archive/claim-rules.js";
import type { PostKey, ScheduledPost, ScheduledPostStore } from "../archive/scheduled-posts.js";
import type { Adapter } from "../bot/adapter.js";
import type { Reply } from "../bot/replies.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import { redactSecrets } from "../logger.js";
import type { Paperboy } from "../paperboy.js";
import { failedTryDue, postRetryDelay, type RetryPolicy } from "./retry-policy.js";

export interface ScheduledPostEvent {
  key: PostKey;
  late: boolean;
  attempts: number;
  messages?: string[];
  error?: string;
  reason?: string;
}

/** What the scheduler lends its jobs: the engine, its adapters, who it is, and how it retries. */
export interface PostRunner {
  engine: Paperboy;
  adapters: ReadonlyMap<string, Adapter>;
  instanceId: string;
  clock: Clock;
  logger: Logger;
  policy: RetryPolicy;
  leaseMs: number;
  lookbackDays: number;
  catchUp: boolean;
  lateAfterMinutes: number;
  emit(name: string, event: ScheduledPostEvent): void;
}

/** Whether a row another try may take now: failed and due by the backoff, or claimed past its lease. */
export function mayRetryPost(run: PostRunner, row: ScheduledPost, now: Date): boolean {
  return mayTakeOver(row, claimOptions(run, now, row.late));
}

export function claimOptions(run: PostRunner, now: Date, late: boolean) {
  return {
    by: run.instanceId,
    now,
    late,
    retryFailed: (row: ScheduledPost) => failedTryDue(row, now, run.policy),
    leaseMs: run.leaseMs,
  };
}

/** Posts `replies` for a claimed row and settles it. Never throws. */
export async function postClaimed(
  run: PostRunner,
  store: ScheduledPostStore,
  post: ScheduledPost,
  replies: Reply[],
  log: Record<string, unknown> = {},
): Promise<boolean> {
  const key: PostKey = { kind: post.kind, platform: post.platform, channel: post.channel, slot: post.slot };
  const adapter = run.adapters.get(post.platform);
  if (!adapter) return false;
  try {
    const messages = await adapter.post(
      {
        platform: post.platform,
        workspace: post.workspace,
        channel: post.channel,
        key: `${post.kind}:${post.platform}:${post.channel}:${post.slot}`,
      },
      replies,
    );
    store.markSent(key, run.instanceId, run.clock.now());
    run.logger.info({ ...key, late: post.late, attempts: post.attempts, ...log }, `${post.kind} posted`);
    run.emit(`${post.kind}-posted`, { key, late: post.late, attempts: post.attempts, messages });
    return true;
  } catch (err) {
    const error = redactSecrets(err instanceof Error ? err.message : String(err));
    store.markFailed(key, run.instanceId, error);
    const event: ScheduledPostEvent = { key, late: post.late, attempts: post.attempts, error };
    if (post.attempts >= run.policy.attempts) {
      run.logger.error({ ...key, attempts: post.attempts, error }, `${post.kind} post failed; giving up`);
      run.emit(`${post.kind}-gave-up`, event);
    } else {
      const retryInMs = postRetryDelay(post.attempts, run.policy);
      run.logger.warn(
        { ...key, attempts: post.attempts, error, retryInMs },
        `${post.kind} post failed; will retry`,
      );
      run.emit(`${post.kind}-failed`, event);
    }
    return false;
  }
}

/** Records a post that will not be made, once, with a log line and a "<kind>-skipped" event. */
export function skipPost(
  run: PostRunner,
  store: ScheduledPostStore,
  key: PostKey,
  workspace: string,
  reason: string,
  now: Date,
): void {
  if (!store.skip(key, workspace, reason, now)) return;
  run.logger.info({ ...key, reason }, `${key.kind} skipped`);
  run.emit(`${key.kind}-skipped`, { key, late: false, attempts: 0, reason });
}
