/** The `/healthz` report: database reachable, each adapter's connection, last roundup per channel. */

import type { Db } from "../archive/db.js";
import { freeBytes, lastWriteFailure, MIN_FREE_BYTES } from "../archive/write-health.js";
import type { Adapter } from "../bot/adapter.js";

export interface LastRoundup {
  platform: string;
  channel: string;
  date: string;
  status: string;
  at: string | null;
}

export interface HealthReport {
  status: "ok" | "unhealthy";
  reasons: string[];
  database: {
    ok: boolean;
    papers?: number;
    readonly?: boolean;
    /** The last write that failed (a full disk…), until one works again. */
    writeError?: string;
    /** Free space on the archive's disk, when known. */
    freeMb?: number;
    error?: string;
  };
  adapters: Record<string, { state: string; detail?: string }>;
  roundups: LastRoundup[];
  /** "leader" (holds the gateway lock), "standby" (another replica does), "single" (SQLite: one process). */
  leader?: { role: string; since?: string; error?: string };
}

export interface HealthSources {
  db: Db;
  adapters: readonly Adapter[];
  lastRoundups?: () => LastRoundup[];
  /** Set while shutting down: the process is draining and should get no new traffic. */
  draining?: () => boolean;
  /** This replica's role under the leader lock (who holds the Discord gateway). */
  leader?: () => { role: string; since?: string; error?: string } | undefined;
}

export function healthReport(src: HealthSources): { httpStatus: 200 | 503; body: HealthReport } {
  const reasons: string[] = [];
  const database: HealthReport["database"] = { ok: false };
  try {
    const row = src.db.get(src.db.q.selectFrom("papers").select((eb) => eb.fn.countAll<number>().as("n")));
    database.ok = true;
    database.papers = Number(row?.n ?? 0);
    database.readonly = src.db.readonly;
    // Reads answering is not enough: a process that cannot store a discussion's thread is not ok.
    const failed = lastWriteFailure(src.db);
    if (failed) {
      database.ok = false;
      database.writeError = failed.message;
      reasons.push(`database: writes fail since ${failed.at.toISOString()}: ${failed.message}`);
    }
    const free = freeBytes(src.db);
    if (free !== null) {
      database.freeMb = Math.floor(free / 2 ** 20);
      if (free < MIN_FREE_BYTES && !src.db.readonly) {
        database.ok = false;
        reasons.push(`database: only ${database.freeMb} MB free on the archive's disk; free some space`);
      }
    }
  } catch (err) {
    database.error = (err as Error).message;
    reasons.push(`database: ${database.error}`);
  }
  const adapters: HealthReport["adapters"] = {};
  for (const a of src.adapters) {
    const s = a.status();
    adapters[a.platform] = s.detail ? { state: s.state, detail: s.detail } : { state: s.state };
    if (s.state !== "connected") reasons.push(`${a.platform}: ${s.state}${s.detail ? ` (${s.detail})` : ""}`);
  }
  let roundups: LastRoundup[] = [];
  if (database.papers !== undefined && src.lastRoundups) {
    try {
      roundups = src.lastRoundups();
    } catch (err) {
      reasons.push(`roundups: ${(err as Error).message}`);
    }
  }
  if (src.draining?.()) reasons.push("shutting down");
  const body: HealthReport = {
    status: reasons.length ? "unhealthy" : "ok",
    reasons,
    database,
    adapters,
    roundups,
    ...(src.leader?.() ? { leader: src.leader() } : {}),
  };
  return { httpStatus: reasons.length ? 503 : 200, body };
}

/** The newest delivery per channel, straight from the archive's deliveries table. */
export function lastRoundupsFrom(db: Db): LastRoundup[] {
  const newest = db.q
    .selectFrom("deliveries")
    .select((eb) => ["platform", "channel", eb.fn.max("date").as("date")])
    .groupBy(["platform", "channel"])
    .as("m");
  return db.all(
    db.q
      .selectFrom("deliveries as d")
      .innerJoin(newest, (join) =>
        join
          .onRef("m.platform", "=", "d.platform")
          .onRef("m.channel", "=", "d.channel")
          .onRef("m.date", "=", "d.date"),
      )
      .select((eb) => [
        "d.platform",
        "d.channel",
        "d.date",
        "d.status",
        eb.fn.coalesce("d.sent_at", "d.claimed_at").as("at"),
      ])
      .orderBy("d.platform")
      .orderBy("d.channel"),
  );
}
