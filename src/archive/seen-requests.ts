/**
 * Request ids seen within a window (Slack's event and trigger ids), in the archive, so a replayed
 * or retried request is handled once even across a restart. Rows older than the window are
 * deleted as new ones arrive; the table holds at most a window's worth of traffic.
 */
import type { Statement } from "better-sqlite3";
import type { Clock } from "../clock.js";
import type { Db } from "./db.js";

/** Expired rows are swept at most this often (a DELETE per request would be wasted work). */
const SWEEP_EVERY_MS = 60_000;

export class SeenRequestStore {
  private statements: { insert: Statement; sweep: Statement } | null = null;
  private sweptAt = 0;

  constructor(
    private readonly db: Db,
    _clock: Clock,
  ) {}

  /** Prepared on first use: an archive opened read-only from an older paperboy has no table yet. */
  private get prepared(): { insert: Statement; sweep: Statement } {
    this.statements ??= {
      insert: this.db.prepare(
        `INSERT INTO seen_requests (id, seen_at) VALUES (?, ?)
         ON CONFLICT(id) DO UPDATE SET seen_at = excluded.seen_at WHERE seen_requests.seen_at < ?`,
      ),
      sweep: this.db.prepare("DELETE FROM seen_requests WHERE seen_at < ?"),
    };
    return this.statements;
  }

  /**
   * True the first time `id` is seen within `windowMs` of `nowMs` (and records it); false for a
   * repeat. A row older than the window counts as unseen and is renewed.
   */
  first(id: string, nowMs: number, windowMs: number): boolean {
    const expired = nowMs - windowMs;
    if (nowMs - this.sweptAt >= SWEEP_EVERY_MS) {
      this.sweptAt = nowMs;
      this.prepared.sweep.run(expired);
    }
    return this.prepared.insert.run(id, nowMs, expired).changes === 1;
  }

  /** Rows kept now (tests and bounds). */
  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM seen_requests").get() as { n: number }).n;
  }
}
