/**
 * The chat rate limits' token buckets, in the archive: replicas sharing a PostgreSQL archive share
 * one burst per user and channel, and a restart does not hand everyone a fresh one.
 *
 * A take is one statement, `INSERT … ON CONFLICT (key) DO UPDATE … RETURNING`: the bucket is
 * refilled for the time since its last take, a token taken when one is there, and the outcome
 * returned, all under the row's lock. Two replicas taking the last token at once are serialized
 * by that lock (PostgreSQL) or the database's single writer (SQLite): one gets it. The same
 * statement is read by both engines, and it is the only place the bucket's arithmetic lives.
 *
 * A read-only archive cannot be written: its buckets are kept in a private in-memory SQLite
 * database instead (same statement, same arithmetic; per process, as the archive is).
 */
import { type RawBuilder, sql } from "kysely";
import type { Clock } from "../clock.js";
import { type Db, openDatabase } from "./db.js";
import { prepared } from "./sql/prepared.js";

export interface BucketOptions {
  capacity: number;
  refillPerMinute: number;
}

/** Full buckets are swept at most this often (a DELETE per take would be wasted work). */
const SWEEP_EVERY_MS = 60_000;

// The bucket's tokens now: the stored ones plus the refill since its last take, at most its
// capacity. A clock behind the row's (another replica's skew) refills nothing, and never drains.
const elapsed = sql`(CASE WHEN excluded.at > rate_buckets.at THEN excluded.at - rate_buckets.at ELSE 0 END)`;
const filled = sql`(rate_buckets.tokens + ${elapsed} * excluded.per_ms)`;
const refilled: RawBuilder<number> = sql`(CASE WHEN ${filled} > excluded.capacity THEN excluded.capacity ELSE ${filled} END)`;

const TAKE = prepared<
  { key: string; fresh: number; granted: number; capacity: number; perMs: number; now: number },
  { tokens: number; granted: number }
>((q, p) =>
  q
    .insertInto("rate_buckets")
    .values({
      key: p.key,
      tokens: p.fresh,
      capacity: p.capacity,
      per_ms: p.perMs,
      at: p.now,
      granted: p.granted,
    })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        tokens: sql`CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END`,
        granted: sql`CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END`,
        capacity: sql`excluded.capacity`,
        per_ms: sql`excluded.per_ms`,
        at: sql`CASE WHEN excluded.at > rate_buckets.at THEN excluded.at ELSE rate_buckets.at END`,
      }),
    )
    .returning(["tokens", "granted"]),
);

// A bucket that has refilled to its capacity carries no information: it is as if never used.
const SWEEP = prepared<{ now: number }, unknown>((q, p) =>
  q
    .deleteFrom("rate_buckets")
    .where(
      sql<boolean>`tokens + (CASE WHEN ${p.now} > at THEN ${p.now} - at ELSE 0 END) * per_ms >= capacity`,
    ),
);

export class RateBucketStore {
  private readonly db: Db;
  private sweptAt = 0;

  constructor(db: Db, _clock: Clock) {
    this.db = db.readonly ? openDatabase(":memory:") : db;
  }

  /** Milliseconds until a token is free in `key`'s bucket; 0 means one was taken now. */
  take(key: string, options: BucketOptions, nowMs: number): number {
    if (nowMs - this.sweptAt >= SWEEP_EVERY_MS) {
      this.sweptAt = nowMs;
      this.db.run(SWEEP(this.db, { now: nowMs }));
    }
    const perMs = options.refillPerMinute / 60_000;
    const { capacity } = options;
    // A bucket seen for the first time is full, less the token this take wants.
    const first = capacity >= 1;
    const row = this.db.get(
      TAKE(this.db, {
        key,
        fresh: first ? capacity - 1 : capacity,
        granted: first ? 1 : 0,
        capacity,
        perMs,
        now: nowMs,
      }),
    );
    if (!row) throw new Error("the rate-limit bucket statement returned no row");
    if (Number(row.granted) === 1) return 0;
    return Math.max(1, Math.ceil((1 - Number(row.tokens)) / perMs));
  }

  /** Buckets kept now (tests and bounds). */
  count(): number {
    return Number(
      this.db.get(this.db.q.selectFrom("rate_buckets").select((eb) => eb.fn.countAll().as("n")))?.n ?? 0,
    );
  }
}
