/**
 * Request ids seen within a window (Slack's event and trigger ids), in the archive, so a replayed
 * or retried request is handled once even across a restart, and across replicas sharing a
 * PostgreSQL archive (the unique key decides which replica handles it). Rows older than the
 * window are deleted as new ones arrive; the table holds at most a window's worth of traffic.
 */
import type { Clock } from "../clock.js";
import type { Db } from "./db.js";
import { prepared } from "./sql/prepared.js";

/** Expired rows are swept at most this often (a DELETE per request would be wasted work). */
const SWEEP_EVERY_MS = 60_000;

const INSERT = prepared<{ id: string; now: number; expired: number }, unknown>((q, p) =>
  q
    .insertInto("seen_requests")
    .values({ id: p.id, seen_at: p.now })
    .onConflict((oc) =>
      oc
        .column("id")
        .doUpdateSet((eb) => ({ seen_at: eb.ref("excluded.seen_at") }))
        .where("seen_requests.seen_at", "<", p.expired),
    ),
);
const SWEEP = prepared<{ expired: number }, unknown>((q, p) =>
  q.deleteFrom("seen_requests").where("seen_at", "<", p.expired),
);

export class SeenRequestStore {
  private sweptAt = 0;

  constructor(
    private readonly db: Db,
    _clock: Clock,
  ) {}

  /**
   * True the first time `id` is seen within `windowMs` of `nowMs` (and records it); false for a
   * repeat. A row older than the window counts as unseen and is renewed.
   */
  first(id: string, nowMs: number, windowMs: number): boolean {
    const expired = nowMs - windowMs;
    if (nowMs - this.sweptAt >= SWEEP_EVERY_MS) {
      this.sweptAt = nowMs;
      this.db.run(SWEEP(this.db, { expired }));
    }
    return this.db.run(INSERT(this.db, { id, now: nowMs, expired })).changes === 1;
  }

  /** Rows kept now (tests and bounds). */
  count(): number {
    return Number(
      this.db.get(this.db.q.selectFrom("seen_requests").select((eb) => eb.fn.countAll().as("n")))?.n ?? 0,
    );
  }
}
