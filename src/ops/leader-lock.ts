/**
 * Which replica leads, for a connection only one replica may hold (Discord's gateway: two
 * gateways would answer every thread question twice). On PostgreSQL the leader is the replica
 * holding a session-level advisory lock (`pg_try_advisory_lock`) on a connection of its own, kept
 * open while it lives: when the process dies its connection closes and the server frees the lock,
 * and a standby, trying again every `retryMs`, takes over. On SQLite there is one process, and it
 * always leads.
 *
 * The leader also checks its connection every `retryMs` (a query): a connection the server or the
 * network dropped means the lock may be someone else's now, so it steps down at once ("lost")
 * and tries again like any standby.
 */
import { EventEmitter } from "node:events";
import { advisoryKey } from "../archive/sql/postgres.js";
import type { Logger } from "../logger.js";

export type LeaderRole = "leader" | "standby" | "single";

/** A connection that can hold the lock. */
export interface LockSession {
  /** True when this session now holds the lock (it may already have held it). */
  tryLock(): Promise<boolean>;
  /** Resolves while the connection answers; rejects when it does not. */
  ping(): Promise<void>;
  /** Called once when the connection ends or fails on its own. */
  onClosed(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

/** The timers the retries use; tests may drive them. */
export interface IntervalTimer {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realTimer: IntervalTimer = {
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms);
    h.unref();
    return h;
  },
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export interface LeaderLockOptions {
  /** Opens a fresh session; null on SQLite (one process: always the leader). */
  connect: (() => Promise<LockSession>) | null;
  logger: Logger;
  /** How often a standby tries again and a leader checks its connection. Default 5 s. */
  retryMs?: number;
  timer?: IntervalTimer;
}

export interface LeaderLockEvents {
  lead: [];
  lost: [reason: string];
}

export const DEFAULT_LEADER_RETRY_MS = 5000;

export class LeaderLock extends EventEmitter<LeaderLockEvents> {
  private current: LeaderRole;
  private session: LockSession | null = null;
  private handle: unknown = null;
  private busy = false;
  private stopped = false;
  private started = false;
  private since: Date | null = null;
  private lastError: string | null = null;
  private readonly retryMs: number;
  private readonly timer: IntervalTimer;

  constructor(private readonly o: LeaderLockOptions) {
    super();
    this.current = o.connect ? "standby" : "single";
    this.retryMs = o.retryMs ?? DEFAULT_LEADER_RETRY_MS;
    this.timer = o.timer ?? realTimer;
  }

  role(): LeaderRole {
    return this.current;
  }

  /** For /healthz: the role, since when it leads, and why a standby could not try; null before start. */
  describe(): { role: LeaderRole; since?: string; error?: string } | null {
    if (!this.started) return null;
    return {
      role: this.current,
      ...(this.since ? { since: this.since.toISOString() } : {}),
      ...(this.lastError && this.current === "standby" ? { error: this.lastError } : {}),
    };
  }

  /** Tries at once, then every retryMs. Resolves after the first try. */
  async start(): Promise<void> {
    this.started = true;
    if (this.current === "single") {
      this.since = new Date();
      this.emit("lead");
      return;
    }
    await this.tick();
    if (!this.stopped) this.handle = this.timer.setInterval(() => void this.tick(), this.retryMs);
  }

  /** One round: a standby tries to take the lock; a leader checks it still has its connection. */
  async tick(): Promise<void> {
    if (this.busy || this.stopped || !this.o.connect) return;
    this.busy = true;
    try {
      if (this.current === "leader") await this.check();
      else await this.attempt();
    } finally {
      this.busy = false;
    }
  }

  private async attempt(): Promise<void> {
    try {
      this.session ??= await this.open();
      if (!(await this.session.tryLock())) return;
    } catch (err) {
      this.lastError = (err as Error).message;
      this.o.logger.warn({ reason: this.lastError }, "could not try the gateway lock; trying again");
      await this.drop();
      return;
    }
    if (this.stopped) return;
    this.current = "leader";
    this.since = new Date();
    this.lastError = null;
    this.o.logger.info("this replica holds the gateway lock: it leads");
    this.emit("lead");
  }

  private async check(): Promise<void> {
    try {
      await this.session?.ping();
    } catch (err) {
      await this.stepDown(`the lock's connection failed: ${(err as Error).message}`);
    }
  }

  private async open(): Promise<LockSession> {
    const session = await (this.o.connect as () => Promise<LockSession>)();
    session.onClosed((reason) => {
      if (this.session !== session) return;
      this.session = null;
      if (this.current === "leader") void this.stepDown(`the lock's connection closed: ${reason}`);
    });
    return session;
  }

  private async stepDown(reason: string): Promise<void> {
    if (this.current !== "leader") return;
    this.current = "standby";
    this.since = null;
    this.o.logger.warn({ reason }, "this replica no longer holds the gateway lock: it stands by");
    // Told first, so what only the leader may hold closes without waiting for the old connection.
    this.emit("lost", reason);
    await this.drop();
  }

  private async drop(): Promise<void> {
    const s = this.session;
    this.session = null;
    await s?.close().catch(() => {});
  }

  /** Stops trying and lets the lock go (closing the connection frees it at once). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle !== null) this.timer.clearInterval(this.handle);
    this.handle = null;
    if (this.current === "leader") {
      this.current = "standby";
      this.since = null;
    }
    await this.drop();
  }
}

/** The name of the lock the Discord gateway is held under (a key every version computes alike). */
export const GATEWAY_LOCK = "gateway-leader";

/**
 * The gateway lock of one archive: keyed by its identity, so deployments sharing one server (or
 * one database, in separate schemas) never contend for each other's lock.
 */
export function gatewayLockName(archive: string): string {
  return `${GATEWAY_LOCK}:${archive}`;
}

/** An advisory lock's key as pg_locks shows it: two unsigned 32-bit halves (objsubid 1). */
export function lockHalves(name: string): { classid: number; objid: number } {
  const k = BigInt.asUintN(64, BigInt(advisoryKey(name)));
  return { classid: Number(k >> 32n), objid: Number(k & 0xffffffffn) };
}

/** A session on its own PostgreSQL connection (pg loads only here, on PostgreSQL). */
export function postgresLockSession(url: string, name = GATEWAY_LOCK, applicationName = "paperboy-leader") {
  return async (): Promise<LockSession> => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({
      connectionString: url,
      application_name: applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
      // A ping that cannot answer within this means the connection is gone.
      query_timeout: 5000,
    });
    let closed: ((reason: string) => void) | null = null;
    let ended = false;
    const end = (reason: string) => {
      if (ended) return;
      ended = true;
      closed?.(reason);
    };
    client.on("error", (err) => end(err.message));
    client.on("end", () => end("ended"));
    await client.connect();
    const key = advisoryKey(name);
    return {
      async tryLock() {
        const r = await client.query<{ locked: boolean }>(
          "SELECT pg_try_advisory_lock($1::bigint) AS locked",
          [key],
        );
        return r.rows[0]?.locked === true;
      },
      async ping() {
        await client.query("SELECT 1");
      },
      onClosed(listener) {
        closed = listener;
      },
      async close() {
        ended = true;
        await client.end();
      },
    };
  };
}
