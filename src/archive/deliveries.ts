/**
 * Roundup deliveries: one row per (platform, channel, date). The row is claimed inside the
 * IMMEDIATE transaction that decides to post, so of two processes (or a process and its restarted
 * self) only one ever gets to post a channel's day; the others see the claim and stand down.
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "./db.js";

export type DeliveryStatus = "claimed" | "sent" | "failed" | "skipped";

export interface DeliveryKey {
  platform: string;
  channel: string;
  /** The channel's local date the roundup is for. */
  date: string;
}

export interface Delivery extends DeliveryKey {
  status: DeliveryStatus;
  late: boolean;
  attempts: number;
  claimedBy: string | null;
  claimedAt: string;
  sentAt: string | null;
  error: string | null;
}

export interface ClaimOptions {
  /** Who claims: a process-unique id, so only the claimant can settle the row. */
  by: string;
  now: Date;
  late: boolean;
  /** May a failed row be tried again now? (The scheduler's retry policy.) */
  retryFailed: (row: Delivery) => boolean;
  /**
   * A claim older than this belongs to a process that died mid-post; it may be taken over. Longer
   * than any post may take, so a live claimant is never overtaken.
   */
  leaseMs: number;
}

interface Row {
  platform: string;
  channel: string;
  date: string;
  status: DeliveryStatus;
  late: number;
  attempts: number;
  claimed_by: string | null;
  claimed_at: string;
  sent_at: string | null;
  error: string | null;
}

function fromRow(r: Row): Delivery {
  return {
    platform: r.platform,
    channel: r.channel,
    date: r.date,
    status: r.status,
    late: r.late === 1,
    attempts: r.attempts,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    sentAt: r.sent_at,
    error: r.error,
  };
}

export class DeliveryStore {
  private readonly db: Db;
  private readonly getStatement: Statement;

  constructor(db: Db) {
    this.db = db;
    // Prepared once: the scheduler looks rows up for every channel on every tick.
    this.getStatement = db.prepare(
      "SELECT * FROM deliveries WHERE platform = ? AND channel = ? AND date = ?",
    );
  }

  get(key: DeliveryKey): Delivery | null {
    const row = this.getStatement.get(key.platform, key.channel, key.date) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every delivery of a date (or of all dates), for status pages and tests. */
  list(date?: string): Delivery[] {
    const rows = (
      date
        ? this.db.prepare("SELECT * FROM deliveries WHERE date = ? ORDER BY platform, channel").all(date)
        : this.db.prepare("SELECT * FROM deliveries ORDER BY date, platform, channel").all()
    ) as Row[];
    return rows.map(fromRow);
  }

  /**
   * Claims the right to post `key` now. Returns the claimed row, or null when the day is already
   * sent, skipped, claimed by someone alive, or failed and not yet due for another try.
   */
  claim(key: DeliveryKey, options: ClaimOptions): Delivery | null {
    const now = options.now.toISOString();
    return this.db
      .transaction((): Delivery | null => {
        const current = this.get(key);
        if (!current) {
          this.db
            .prepare(
              `INSERT INTO deliveries (platform, channel, date, status, late, attempts, claimed_by, claimed_at)
               VALUES (?, ?, ?, 'claimed', ?, 1, ?, ?)`,
            )
            .run(key.platform, key.channel, key.date, options.late ? 1 : 0, options.by, now);
          return this.get(key);
        }
        const takeOver =
          (current.status === "failed" && options.retryFailed(current)) ||
          (current.status === "claimed" &&
            options.now.getTime() - Date.parse(current.claimedAt) >= options.leaseMs);
        if (!takeOver) return null;
        this.db
          .prepare(
            `UPDATE deliveries SET status = 'claimed', late = ?, attempts = attempts + 1, claimed_by = ?, claimed_at = ?
             WHERE platform = ? AND channel = ? AND date = ?`,
          )
          .run(options.late ? 1 : 0, options.by, now, key.platform, key.channel, key.date);
        return this.get(key);
      })
      .immediate();
  }

  /** Marks a claimed delivery sent; false if the claim was lost (taken over after its lease). */
  markSent(key: DeliveryKey, by: string, at: Date): boolean {
    return (
      this.db
        .prepare(
          `UPDATE deliveries SET status = 'sent', sent_at = ?, error = NULL
           WHERE platform = ? AND channel = ? AND date = ? AND status = 'claimed' AND claimed_by = ?`,
        )
        .run(at.toISOString(), key.platform, key.channel, key.date, by).changes === 1
    );
  }

  markFailed(key: DeliveryKey, by: string, error: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE deliveries SET status = 'failed', error = ?
           WHERE platform = ? AND channel = ? AND date = ? AND status = 'claimed' AND claimed_by = ?`,
        )
        .run(error.slice(0, 500), key.platform, key.channel, key.date, by).changes === 1
    );
  }

  /** Records a day that will not be posted (missed during downtime); true the first time only. */
  skip(key: DeliveryKey, reason: string, at: Date): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO deliveries (platform, channel, date, status, late, attempts, claimed_at, error)
           VALUES (?, ?, ?, 'skipped', 0, 0, ?, ?) ON CONFLICT DO NOTHING`,
        )
        .run(key.platform, key.channel, key.date, at.toISOString(), reason).changes === 1
    );
  }
}
