/**
 * Opening the archive: the folder is created, WAL and foreign keys switched on, and pending
 * migrations applied in order, each in its own transaction, recorded in `schema_version`.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { ArchiveError, ErrorCode } from "../errors.js";
import { MIGRATIONS } from "./migrations/index.js";

export type Db = Database.Database;

export interface OpenOptions {
  /** Open without writing anything (no migrations); for reads on a read-only disk. */
  readonly?: boolean;
  /** Milliseconds a writer waits for another process's lock before failing. Default 5000. */
  busyTimeoutMs?: number;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const file = path === ":memory:" ? path : resolve(path);
  let db: Db;
  try {
    if (file !== ":memory:" && !options.readonly) mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (err) {
    throw new ArchiveError(
      ErrorCode.Database,
      `cannot open the archive: ${(err as Error).message}; check the path given by --db or PAPERBOY_DB`,
      { file },
      { cause: err },
    );
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    db.pragma("foreign_keys = ON");
    if (!options.readonly) {
      if (file !== ":memory:") db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      migrate(db, file);
    } else {
      checkSchema(db, file);
    }
  } catch (err) {
    db.close();
    if (err instanceof ArchiveError) throw err;
    const message = (err as Error).message;
    throw new ArchiveError(
      /readonly/i.test(message) ? ErrorCode.DatabaseReadOnly : ErrorCode.Database,
      `cannot use the archive: ${message}; is it a paperboy database, and is its folder writable?`,
      { file },
      { cause: err },
    );
  }
  return db;
}

export function schemaVersion(db: Db): number {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    .get();
  if (!exists) return 0;
  const row = db.prepare("SELECT MAX(version) AS v FROM schema_version").get() as { v: number | null };
  return row.v ?? 0;
}

function checkSchema(db: Db, file: string): void {
  const current = schemaVersion(db);
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new ArchiveError(
      ErrorCode.SchemaTooNew,
      `the archive has schema version ${current}, newer than this paperboy knows (${latest}); upgrade paperboy`,
      { file },
    );
  }
}

function migrate(db: Db, file: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  checkSchema(db, file);
  const current = schemaVersion(db);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}
