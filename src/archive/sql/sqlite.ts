/**
 * The embedded engine: one SQLite file through better-sqlite3. Statements are prepared once per
 * SQL text and reused (preparing is a large share of an ingest's cost otherwise); transactions
 * are IMMEDIATE, so a read-then-write never races another process's writer.
 */

import type Database from "better-sqlite3";
import type { Compilable, CompiledQuery } from "kysely";
import {
  type ArchiveDb,
  compiled,
  queryBuilder,
  type RawStatement,
  type RunResult,
  type TransactionOptions,
} from "./database.js";
import type { ArchiveTables } from "./tables.js";

/** Enough for every distinct statement the stores write; IN lists of many lengths are bounded. */
const STATEMENT_CACHE = 2000;

export class SqliteDatabase implements ArchiveDb {
  readonly engine = "sqlite" as const;
  readonly q = queryBuilder<ArchiveTables>("sqlite");
  private readonly statements = new Map<string, Database.Statement>();

  /** `raw` is the better-sqlite3 handle, for what only SQLite has (online backup, pragmas). */
  constructor(readonly raw: Database.Database) {}

  get name(): string {
    return this.raw.name;
  }

  get readonly(): boolean {
    return this.raw.readonly;
  }

  get open(): boolean {
    return this.raw.open;
  }

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  all<R>(query: Compilable<R> | CompiledQuery<R>): R[] {
    const c = compiled(query);
    return this.statement(c.sql).all(...bind(c.parameters)) as R[];
  }

  get<R>(query: Compilable<R> | CompiledQuery<R>): R | undefined {
    const c = compiled(query);
    return this.statement(c.sql).get(...bind(c.parameters)) as R | undefined;
  }

  run(query: Compilable<unknown> | CompiledQuery<unknown>): RunResult {
    const c = compiled(query);
    const s = this.statement(c.sql);
    // A RETURNING statement reads rows; its row count is what it changed.
    if (s.reader) return { changes: s.all(...bind(c.parameters)).length };
    return { changes: s.run(...bind(c.parameters)).changes };
  }

  prepare(text: string): RawStatement {
    const s = this.statement(text);
    return {
      run: (...params) => ({ changes: s.run(...bind(params)).changes }),
      get: (...params) => s.get(...bind(params)),
      all: (...params) => s.all(...bind(params)),
    };
  }

  /** Runs SQL text with no parameters (migrations, pragmas' companions). */
  exec(sql: string): void {
    this.raw.exec(sql);
  }

  transaction<T>(fn: () => T, _options?: TransactionOptions): T {
    // better-sqlite3 turns a nested call into a savepoint.
    return this.raw.transaction(fn).immediate();
  }

  close(): void {
    if (!this.raw.open) return;
    try {
      // Fold the write-ahead log back into the file, so the archive is one file at rest.
      if (!this.raw.readonly) this.raw.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      this.raw.close();
    }
  }
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; booleans become 0/1. */
function bind(parameters: readonly unknown[]): unknown[] {
  return parameters.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p === undefined ? null : p));
}
