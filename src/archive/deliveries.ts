/**
 * Roundup deliveries: one row per (platform, channel, date). A claim is a unique insert (`INSERT …
 * ON CONFLICT DO NOTHING`), or, to take over a failed or stale claim, an UPDATE conditional on the
 * row being exactly as read: of two processes (replicas on one PostgreSQL, or a process and its
 * restarted self on SQLite) only one ever gets to post a channel's day; the others stand down.
 */

import type { Selectable } from "kysely";
import { type ClaimStatus, mayTakeOver, type TakeOverOptions } from "./claim-rules.js";
import type { Db } from "./db.js";
import type { DeliveriesTable } from "./sql/tables.js";

export type DeliveryStatus = ClaimStatus;

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

export interface ClaimOptions extends TakeOverOptions<Delivery> {
  /** Who claims: a process-unique id, so only the claimant can settle the row. */
  by: string;
  late: boolean;
}

/** A row as the database hands it back (the table's own column types). */
type Row = Selectable<DeliveriesTable>;

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

/** Only the key's own fields (a Delivery passed as its key carries more). */
function keyOf(key: DeliveryKey): DeliveryKey {
  return { platform: key.platform, channel: key.channel, date: key.date };
}

export class DeliveryStore {
  constructor(private readonly db: Db) {}

  private get q() {
    return this.db.q;
  }

  private byKey(key: DeliveryKey) {
    return this.q
      .selectFrom("deliveries")
      .selectAll()
      .where("platform", "=", key.platform)
      .where("channel", "=", key.channel)
      .where("date", "=", key.date);
  }

  get(key: DeliveryKey): Delivery | null {
    const row = this.db.get(this.byKey(key)) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every delivery of a date (or of all dates), for status pages and tests. */
  list(date?: string): Delivery[] {
    const rows = this.db.all(
      this.q
        .selectFrom("deliveries")
        .selectAll()
        .$if(date !== undefined, (qb) => qb.where("date", "=", date as string))
        .orderBy("date")
        .orderBy("platform")
        .orderBy("channel"),
    ) as Row[];
    return rows.map(fromRow);
  }

  /**
   * Claims the right to post `key` now. Returns the claimed row, or null when the day is already
   * sent, skipped, claimed by someone alive, or failed and not yet due for another try.
   */
  claim(key: DeliveryKey, options: ClaimOptions): Delivery | null {
    const now = options.now.toISOString();
    const late = options.late ? 1 : 0;
    return this.db.transaction((): Delivery | null => {
      const inserted = this.db.run(
        this.q
          .insertInto("deliveries")
          .values({
            ...keyOf(key),
            status: "claimed",
            late,
            attempts: 1,
            claimed_by: options.by,
            claimed_at: now,
          })
          .onConflict((oc) => oc.doNothing()),
      );
      if (inserted.changes === 1) return this.get(key);
      const current = this.get(key);
      if (!current) return null;
      if (!mayTakeOver(current, options)) return null;
      // Only if nobody else took it over since it was read: the row must be as seen.
      const taken = this.db.run(
        this.q
          .updateTable("deliveries")
          .set((eb) => ({
            status: "claimed",
            late,
            attempts: eb("attempts", "+", 1),
            claimed_by: options.by,
            claimed_at: now,
          }))
          .where("platform", "=", key.platform)
          .where("channel", "=", key.channel)
          .where("date", "=", key.date)
          .where("status", "=", current.status)
          .where("attempts", "=", current.attempts)
          .where("claimed_at", "=", current.claimedAt),
      );
      return taken.changes === 1 ? this.get(key) : null;
    });
  }

  private settle(
    key: DeliveryKey,
    by: string,
    set: { status: "sent" | "failed"; sent_at?: string; error: string | null },
  ) {
    return (
      this.db.run(
        this.q
          .updateTable("deliveries")
          .set(set)
          .where("platform", "=", key.platform)
          .where("channel", "=", key.channel)
          .where("date", "=", key.date)
          .where("status", "=", "claimed")
          .where("claimed_by", "=", by),
      ).changes === 1
    );
  }

  /** Marks a claimed delivery sent; false if the claim was lost (taken over after its lease). */
  markSent(key: DeliveryKey, by: string, at: Date): boolean {
    return this.settle(key, by, { status: "sent", sent_at: at.toISOString(), error: null });
  }

  markFailed(key: DeliveryKey, by: string, error: string): boolean {
    return this.settle(key, by, { status: "failed", error: error.slice(0, 500) });
  }

  /** Records a day that will not be posted (missed during downtime); true the first time only. */
  skip(key: DeliveryKey, reason: string, at: Date): boolean {
    return (
      this.db.run(
        this.q
          .insertInto("deliveries")
          .values({
            ...keyOf(key),
            status: "skipped",
            late: 0,
            attempts: 0,
            claimed_at: at.toISOString(),
            error: reason,
          })
          .onConflict((oc) => oc.doNothing()),
      ).changes === 1
    );
  }
}
