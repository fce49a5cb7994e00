/**
 * The archive's database, whichever engine holds it: SQLite (one file, embedded, the default) or
 * PostgreSQL (a server several replicas share). Stores build their queries with Kysely, typed
 * against `ArchiveTables`, and run them here; each engine compiles them in its own dialect.
 *
 * Calls are synchronous on both engines, as better-sqlite3's are: the engine above is written that
 * way, and one store code path serves both (PostgreSQL is reached through a worker thread that
 * the caller waits on; see postgres.ts and docs/design-notes.md for the trade-off).
 */
import {
  type Compilable,
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import type { ArchiveTables } from "./tables.js";

export type Engine = "sqlite" | "postgres";

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

export interface TransactionOptions {
  /**
   * A name that serializes this transaction with every other one naming it, across processes:
   * for read-then-write sequences that must not interleave (the archive revision). SQLite's
   * IMMEDIATE transactions already serialize every writer; PostgreSQL takes an advisory lock.
   */
  lock?: string;
}

/**
 * A statement written as SQL text with `?` placeholders, for stores written in that style: the
 * text must be SQL both engines read (standard SQL, INSERT … ON CONFLICT; no SQLite-only
 * functions). Prefer the builder (`q`), which says so at compile time.
 */
export interface RawStatement {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface ArchiveDb {
  readonly engine: Engine;
  /** Where it is, for logs and errors: the file, or the server's URL without its password. */
  readonly name: string;
  readonly readonly: boolean;
  /** False once closed. */
  readonly open: boolean;
  /** The query builder in this engine's dialect. It builds and compiles; `all`/`get`/`run` execute. */
  readonly q: Kysely<ArchiveTables>;
  all<R>(query: Compilable<R> | CompiledQuery<R>): R[];
  get<R>(query: Compilable<R> | CompiledQuery<R>): R | undefined;
  run(query: Compilable<unknown> | CompiledQuery<unknown>): RunResult;
  /** SQL text with `?` placeholders (see RawStatement). */
  prepare(text: string): RawStatement;
  /** Runs one transaction: every write of `fn`, or (on any error) none. Nested calls are savepoints. */
  transaction<T>(fn: () => T, options?: TransactionOptions): T;
  close(): void;
}

/** A builder that compiles in one dialect and can execute nothing (execution is the ArchiveDb's). */
export function queryBuilder<T = ArchiveTables>(engine: Engine): Kysely<T> {
  return new Kysely<T>({
    dialect:
      engine === "sqlite"
        ? {
            createAdapter: () => new SqliteAdapter(),
            createDriver: () => new DummyDriver(),
            createIntrospector: (db) => new SqliteIntrospector(db),
            createQueryCompiler: () => new SqliteQueryCompiler(),
          }
        : {
            createAdapter: () => new PostgresAdapter(),
            createDriver: () => new DummyDriver(),
            createIntrospector: (db) => new PostgresIntrospector(db),
            createQueryCompiler: () => new PostgresQueryCompiler(),
          },
  });
}

export function compiled<R>(query: Compilable<R> | CompiledQuery<R>): CompiledQuery<R> {
  return "compile" in query ? query.compile() : query;
}

/** True for a `postgres://` or `postgresql://` URL: the archive is on a PostgreSQL server. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target.trim());
}

/** The URL with its password replaced, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://(unparseable URL)";
  }
}

/** `?` placeholders as PostgreSQL's `$1, $2, …` (none inside quoted strings or identifiers). */
export function numberedPlaceholders(text: string): string {
  let n = 0;
  let quote: string | null = null;
  let out = "";
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else out += ch === "?" ? `$${++n}` : ch;
  }
  return out;
}
