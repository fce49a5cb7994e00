/**
 * The shared engine: a PostgreSQL server that any number of paperboy processes (replicas) use at
 * once. Each process holds one connection per open archive, in a worker thread (postgres-worker.ts);
 * a call blocks the caller for one round trip (~0.2 ms on loopback), like a better-sqlite3 call
 * blocks for a disk read. Statement and lock timeouts bound how long that can ever be.
 *
 * Transactions run at READ COMMITTED; the stores make their read-then-write sequences safe with
 * unique keys (INSERT … ON CONFLICT), conditional UPDATEs, or a named advisory lock
 * (`transaction(fn, { lock })`) where a sequence must not interleave at all.
 */
import { type Compilable, CompiledQuery, sql } from "kysely";
import { ArchiveError, ErrorCode } from "../../errors.js";
import {
  type ArchiveDb,
  compiled,
  numberedPlaceholders,
  queryBuilder,
  type RawStatement,
  type RunResult,
  redactUrl,
  type TransactionOptions,
} from "./database.js";
import type { WorkerReply, WorkerRequest } from "./postgres-protocol.js";
import { SyncCaller } from "./sync-call.js";
import type { ArchiveTables } from "./tables.js";

export interface PostgresOptions {
  /** Refuse writes (the server enforces it: default_transaction_read_only). */
  readonly?: boolean;
  /** Longest a statement may run. Default 15 s. */
  statementTimeoutMs?: number;
  /** Longest a statement waits for another replica's lock. Default 5 s (SQLite's busy timeout). */
  lockTimeoutMs?: number;
  /** Longest the first connection may take. Default 5 s. */
  connectTimeoutMs?: number;
  /** Shown in pg_stat_activity: which replica holds a connection. */
  applicationName?: string;
}

type Call = (req: WorkerRequest) => WorkerReply;

let call: Call | null = null;

/** Longest the caller waits for the worker: past every server-side timeout, for a worker that hung. */
const WORKER_TIMEOUT_MS = 60_000;

/** The process's one worker, started on first use (an SQLite-only process never starts it). */
function worker(): Call {
  if (call) return call;
  const own = import.meta.url;
  let caller: SyncCaller<WorkerRequest, WorkerReply>;
  if (own.endsWith(".ts")) {
    // Under the TypeScript sources (tests, tsx) the worker is TypeScript too: it registers tsx's
    // loader first (a worker's --import flag does not reach its entry under Node 20).
    const entry = new URL("./postgres-worker.ts", own).href;
    caller = new SyncCaller(
      `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
      { eval: true, timeoutMs: WORKER_TIMEOUT_MS },
    );
  } else {
    caller = new SyncCaller(new URL("./postgres-worker.js", own), { timeoutMs: WORKER_TIMEOUT_MS });
  }
  call = (req) => caller.call(req);
  return call;
}

let nextId = 1;

export class PostgresDatabase implements ArchiveDb {
  readonly engine = "postgres" as const;
  readonly q = queryBuilder<ArchiveTables>("postgres");
  readonly name: string;
  readonly readonly: boolean;
  private readonly id = nextId++;
  private depth = 0;
  private closed = false;

  constructor(
    readonly url: string,
    options: PostgresOptions = {},
  ) {
    this.name = redactUrl(url);
    this.readonly = options.readonly === true;
    const statementTimeout = options.statementTimeoutMs ?? 15_000;
    const settings = [
      `-c statement_timeout=${statementTimeout}`,
      `-c lock_timeout=${options.lockTimeoutMs ?? 5000}`,
      // A replica killed mid-transaction must not hold its locks for long.
      `-c idle_in_transaction_session_timeout=${Math.max(statementTimeout * 2, 30_000)}`,
      "-c TimeZone=UTC",
      ...(this.readonly ? ["-c default_transaction_read_only=on"] : []),
    ];
    try {
      worker()({
        kind: "connect",
        id: this.id,
        config: {
          connectionString: url,
          connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
          keepAlive: true,
          application_name: options.applicationName ?? "paperboy",
          // The URL's own `options` (a search_path, say) come first; paperboy's settings follow.
          options: [urlOptions(url), ...settings].filter(Boolean).join(" "),
        },
      });
    } catch (err) {
      throw new ArchiveError(
        ErrorCode.Database,
        `cannot connect to PostgreSQL at ${this.name}: ${(err as Error).message}; check DATABASE_URL (host, port, user, password, database) and that the server is running`,
        { key: "DATABASE_URL" },
        { cause: err },
      );
    }
  }

  get open(): boolean {
    return !this.closed;
  }

  private execute(query: Compilable<unknown> | CompiledQuery<unknown>) {
    const c = compiled(query);
    const reply = this.request({
      kind: "query",
      id: this.id,
      sql: c.sql,
      params: c.parameters,
      reconnect: this.depth === 0,
    });
    if (reply.kind !== "rows") throw new Error(`unexpected reply ${reply.kind}`);
    return reply;
  }

  private request(req: WorkerRequest): WorkerReply {
    if (this.closed) throw new ArchiveError(ErrorCode.Database, `the archive at ${this.name} is closed`, {});
    try {
      return worker()(req);
    } catch (err) {
      throw connectionError(err, this.name) ?? err;
    }
  }

  all<R>(query: Compilable<R> | CompiledQuery<R>): R[] {
    return this.execute(query).rows as R[];
  }

  get<R>(query: Compilable<R> | CompiledQuery<R>): R | undefined {
    return this.execute(query).rows[0] as R | undefined;
  }

  run(query: Compilable<unknown> | CompiledQuery<unknown>): RunResult {
    return { changes: this.execute(query).rowCount };
  }

  prepare(text: string): RawStatement {
    const numbered = numberedPlaceholders(text);
    const query = (params: unknown[]) => CompiledQuery.raw(numbered, params);
    return {
      run: (...params) => ({ changes: this.execute(query(params)).rowCount }),
      get: (...params) => this.execute(query(params)).rows[0],
      all: (...params) => this.execute(query(params)).rows,
    };
  }

  /** Runs SQL text with no parameters (migrations). */
  exec(text: string): void {
    this.execute(sql.raw(text).compile(this.q));
  }

  transaction<T>(fn: () => T, options: TransactionOptions = {}): T {
    if (this.depth > 0) return this.savepoint(fn);
    this.exec("BEGIN");
    this.depth = 1;
    try {
      if (options.lock)
        this.execute(sql`SELECT pg_advisory_xact_lock(${advisoryKey(options.lock)})`.compile(this.q));
      const result = fn();
      if (isPromise(result)) throw new Error("a transaction's function must be synchronous");
      this.exec("COMMIT");
      return result;
    } catch (err) {
      try {
        this.exec("ROLLBACK");
      } catch {
        // The connection is gone; the server rolled back with it.
      }
      throw err;
    } finally {
      this.depth = 0;
    }
  }

  private savepoint<T>(fn: () => T): T {
    const name = `pb_${this.depth}`;
    this.exec(`SAVEPOINT ${name}`);
    this.depth++;
    try {
      const result = fn();
      this.exec(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      this.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      this.exec(`RELEASE SAVEPOINT ${name}`);
      throw err;
    } finally {
      this.depth--;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      worker()({ kind: "close", id: this.id });
    } catch {
      // Closing a connection the server already dropped.
    }
  }
}

/**
 * The 64-bit key of a named advisory lock. Computed here (FNV-1a), not by the server's hash
 * function, so that every paperboy version agrees on it whatever the server's version.
 */
export function advisoryKey(name: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(`paperboy:${name}`)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  // As a signed bigint, the type pg_advisory_lock takes.
  return BigInt.asIntN(64, h).toString();
}

/** The `options` parameter of a connection URL (libpq's: `-c name=value …`), or "". */
function urlOptions(url: string): string {
  try {
    return new URL(url).searchParams.get("options") ?? "";
  } catch {
    return "";
  }
}

function isPromise(value: unknown): boolean {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EPIPE",
  "PB_CONNECTION_LOST",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
]);

/** A lost or refused connection as an ArchiveError that says what to check; null for anything else. */
function connectionError(err: unknown, name: string): ArchiveError | null {
  const e = err as { code?: string; message?: string };
  const code = typeof e?.code === "string" ? e.code : "";
  const lost =
    CONNECTION_CODES.has(code) ||
    code.startsWith("08") ||
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
      e?.message ?? "",
    );
  if (!lost) return null;
  return new ArchiveError(
    ErrorCode.Database,
    `lost the connection to PostgreSQL at ${name} (${e.message ?? code}); nothing was half-written (the transaction was rolled back). Check that the server is up; paperboy reconnects on the next request`,
    { key: "DATABASE_URL" },
    { cause: err },
  );
}
