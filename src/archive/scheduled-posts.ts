/**
 * Exactly-once claims for the scheduler's posts other than the daily roundup: an alert post, a
 * weekly digest, a quiet-day notice. One row per (kind, platform, channel, slot), with the same
 * rules as `deliveries` (deliveries.ts): the row is claimed inside the IMMEDIATE transaction that
 * decides to post, so of two processes (or a process and its restarted self) only one posts; a
 * claim older than the lease belongs to a dead process and may be taken over; only the claimant
 * settles the row.
 */

import type { Selectable } from "kysely";
import type { Clock } from "../clock.js";
import { type ClaimStatus, mayTakeOver, type TakeOverOptions } from "./claim-rules.js";
import type { Db } from "./db.js";
import type { RawStatement } from "./sql/database.js";
import type { ScheduledPostsTable } from "./sql/tables.js";

export type PostKind = "alert" | "weekly" | "quiet";
export type PostStatus = ClaimStatus;

export interface PostKey {
  kind: PostKind;
  platform: string;
  channel: string;
  /** What is posted: a digest date (alerts, quiet days; "2026-02-02.2" for a second alert that day) or the weekly digest's date. */
  slot: string;
}

export interface ScheduledPost extends PostKey {
  workspace: string;
  status: PostStatus;
  late: boolean;
  attempts: number;
  claimedBy: string | null;
  claimedAt: string;
  sentAt: string | null;
  error: string | null;
}

export interface PostClaimOptions extends TakeOverOptions<ScheduledPost> {
  /** A process-unique id: only the claimant can settle the row. */
  by: string;
  late: boolean;
}

/** A row as the database hands it back (the table's own column types). */
type Row = Selectable<ScheduledPostsTable>;

function fromRow(r: Row): ScheduledPost {
  return {
    kind: r.kind,
    platform: r.platform,
    channel: r.channel,
    workspace: r.workspace,
    slot: r.slot,
    status: r.status,
    late: r.late === 1,
    attempts: r.attempts,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    sentAt: r.sent_at,
    error: r.error,
  };
}

export class ScheduledPostStore {
  private readonly getStatement: RawStatement;

  constructor(
    private readonly db: Db,
    _clock?: Clock,
  ) {
    this.getStatement = db.prepare(
      "SELECT * FROM scheduled_posts WHERE kind = ? AND platform = ? AND channel = ? AND slot = ?",
    );
  }

  get(key: PostKey): ScheduledPost | null {
    const row = this.getStatement.get(key.kind, key.platform, key.channel, key.slot) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every row of a kind (of one channel, when given), oldest slot first: for status pages and tests. */
  list(kind: PostKind, channel?: { platform: string; channel: string }): ScheduledPost[] {
    const rows = (
      channel
        ? this.db
            .prepare(
              "SELECT * FROM scheduled_posts WHERE kind = ? AND platform = ? AND channel = ? ORDER BY slot",
            )
            .all(kind, channel.platform, channel.channel)
        : this.db
            .prepare("SELECT * FROM scheduled_posts WHERE kind = ? ORDER BY slot, platform, channel")
            .all(kind)
    ) as Row[];
    return rows.map(fromRow);
  }

  /** Rows of a kind not settled yet (failed, or claimed by someone), for the platforms given. */
  unsettled(kind: PostKind, platforms: readonly string[]): ScheduledPost[] {
    if (platforms.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT * FROM scheduled_posts WHERE status IN ('failed', 'claimed') AND kind = ?
         AND platform IN (${platforms.map(() => "?").join(", ")}) ORDER BY claimed_at LIMIT 200`,
      )
      .all(kind, ...platforms) as Row[];
    return rows.map(fromRow);
  }

  /**
   * Claims the right to post `key` now. Returns the claimed row, or null when it is already sent,
   * skipped, claimed by someone alive, or failed and not yet due for another try.
   */
  claim(key: PostKey, workspace: string, options: PostClaimOptions): ScheduledPost | null {
    // The same turn as the alert posts' (watches.ts): a claim reads the row before it writes.
    return this.db.transaction(() => this.claimInTransaction(key, workspace, options), {
      lock: "alerts",
    });
  }

  /** `claim` for a caller that already holds the write transaction (an alert writes its papers too). */
  claimInTransaction(key: PostKey, workspace: string, options: PostClaimOptions): ScheduledPost | null {
    const now = options.now.toISOString();
    const current = this.get(key);
    if (!current) {
      this.db
        .prepare(
          `INSERT INTO scheduled_posts (kind, platform, channel, workspace, slot, status, late, attempts, claimed_by, claimed_at)
           VALUES (?, ?, ?, ?, ?, 'claimed', ?, 1, ?, ?)`,
        )
        .run(key.kind, key.platform, key.channel, workspace, key.slot, options.late ? 1 : 0, options.by, now);
      return this.get(key);
    }
    if (!mayTakeOver(current, options)) return null;
    this.db
      .prepare(
        `UPDATE scheduled_posts SET status = 'claimed', late = ?, attempts = attempts + 1, claimed_by = ?, claimed_at = ?
         WHERE kind = ? AND platform = ? AND channel = ? AND slot = ?`,
      )
      .run(options.late ? 1 : 0, options.by, now, key.kind, key.platform, key.channel, key.slot);
    return this.get(key);
  }

  /** Marks a claimed post sent; false if the claim was lost (taken over after its lease). */
  markSent(key: PostKey, by: string, at: Date): boolean {
    return (
      this.db
        .prepare(
          `UPDATE scheduled_posts SET status = 'sent', sent_at = ?, error = NULL
           WHERE kind = ? AND platform = ? AND channel = ? AND slot = ? AND status = 'claimed' AND claimed_by = ?`,
        )
        .run(at.toISOString(), key.kind, key.platform, key.channel, key.slot, by).changes === 1
    );
  }

  markFailed(key: PostKey, by: string, error: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE scheduled_posts SET status = 'failed', error = ?
           WHERE kind = ? AND platform = ? AND channel = ? AND slot = ? AND status = 'claimed' AND claimed_by = ?`,
        )
        .run(error.slice(0, 500), key.kind, key.platform, key.channel, key.slot, by).changes === 1
    );
  }

  /** Records a post that will not be made (missed, or not wanted); true the first time only. */
  skip(key: PostKey, workspace: string, reason: string, at: Date): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO scheduled_posts (kind, platform, channel, workspace, slot, status, late, attempts, claimed_at, error)
           VALUES (?, ?, ?, ?, ?, 'skipped', 0, 0, ?, ?) ON CONFLICT DO NOTHING`,
        )
        .run(key.kind, key.platform, key.channel, workspace, key.slot, at.toISOString(), reason).changes === 1
    );
  }
}
