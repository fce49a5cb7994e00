/**
 * Opening the archive. The target names the engine: a `postgres://` URL is a PostgreSQL server
 * shared by replicas; anything else is an SQLite file (created 0600 with its folder, WAL and
 * foreign keys on). Pending migrations are applied, the same numbered ones on both engines.
 */
import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { DEFAULTS } from "../defaults.js";
import { ArchiveError, ErrorCode, isPaperboyError } from "../errors.js";
import type { ArchiveDb } from "./sql/database.js";
import { isPostgresUrl } from "./sql/database.js";
import { checkSchema, migrate } from "./sql/migrate.js";
import { PostgresDatabase, type PostgresOptions } from "./sql/postgres.js";
import { SqliteDatabase } from "./sql/sqlite.js";

export type Db = ArchiveDb;
export { isPostgresUrl } from "./sql/database.js";
export { schemaVersion } from "./sql/migrate.js";

// better-sqlite3 reads this once, when its addon loads (the first `new Database`), to let SQLite
// take `file:` URIs: the only way to open a WAL archive on read-only media (`immutable=1`).
// Every path paperboy opens is absolute, so no plain path is ever read as a URI.
process.env.SQLITE_USE_URI ??= "1";

export interface OpenOptions {
  /** Open without writing anything (no migrations); for reads on a read-only disk. */
  readonly?: boolean;
  /** Milliseconds a writer waits for another process's lock before failing. Default 5000. */
  busyTimeoutMs?: number;
  /** PostgreSQL connection settings (timeouts, the name replicas show in pg_stat_activity). */
  postgres?: Omit<PostgresOptions, "readonly" | "lockTimeoutMs">;
}

/** The better-sqlite3 handle of an SQLite archive, for what only SQLite has; null on PostgreSQL. */
export function sqliteHandle(db: Db): Database.Database | null {
  return db instanceof SqliteDatabase ? db.raw : null;
}

/**
 * Where another thread can open the same archive on its own connection: the SQLite file, or the
 * PostgreSQL URL (credentials included: it stays in the process); null for an archive in memory,
 * which no other connection can see.
 */
export function archiveLocation(db: Db): string | null {
  if (db instanceof PostgresDatabase) return db.url;
  return db.name === ":memory:" || db.name === "" ? null : db.name;
}

/**
 * Where an archive named on the command line, in the environment or in the config is: a
 * PostgreSQL URL as given, a file resolved against `cwd`.
 */
export function archiveTarget(cwd: string, given: string): string {
  return isPostgresUrl(given) || given === ":memory:" ? given.trim() : resolve(cwd, given);
}

/**
 * Where a replica keeps its copy of a PostgreSQL archive's search index: PAPERBOY_INDEX_DIR, or
 * the folder the SQLite archive would be in by default (data/).
 */
export function replicaIndexDir(cwd: string, env: NodeJS.ProcessEnv): string {
  return resolve(cwd, env.PAPERBOY_INDEX_DIR ?? dirname(DEFAULTS.dbPath));
}

export function openDatabase(target: string, options: OpenOptions = {}): Db {
  return isPostgresUrl(target) ? openPostgres(target, options) : openSqlite(target, options);
}

function openPostgres(url: string, options: OpenOptions): Db {
  const db = new PostgresDatabase(url, {
    ...options.postgres,
    readonly: options.readonly,
    lockTimeoutMs: options.busyTimeoutMs ?? 5000,
  });
  try {
    if (options.readonly) checkSchema(db);
    else migrate(db);
  } catch (err) {
    db.close();
    if (isPaperboyError(err)) throw err;
    throw new ArchiveError(
      ErrorCode.Database,
      `cannot use the PostgreSQL archive at ${db.name}: ${(err as Error).message}; does the user own the database (paperboy creates its tables there)?`,
      { key: "DATABASE_URL" },
      { cause: err },
    );
  }
  return db;
}

function openSqlite(path: string, options: OpenOptions): Db {
  const file = path === ":memory:" ? path : resolve(path);
  let raw: Database.Database;
  // SQLite silently opens a file it may not write read-only, and the first write (or the
  // checkpoint on close) then fails: say so at once, so the caller opens it for reads only.
  if (!options.readonly && file !== ":memory:" && existsSync(file) && !writable(file)) {
    throw new ArchiveError(
      ErrorCode.DatabaseReadOnly,
      "the archive file is read-only for this user; reads still work, writes need a writable file",
      { file },
    );
  }
  try {
    if (file !== ":memory:" && !options.readonly) {
      mkdirSync(dirname(file), { recursive: true });
      ownerOnly(file);
    }
    raw = options.readonly && file !== ":memory:" ? openReadOnly(file) : new Database(file);
  } catch (err) {
    throw new ArchiveError(
      ErrorCode.Database,
      `cannot open the archive: ${(err as Error).message}; check the path given by --db or PAPERBOY_DB`,
      { file },
      { cause: err },
    );
  }
  const db = new SqliteDatabase(raw);
  try {
    raw.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    raw.pragma("foreign_keys = ON");
    if (!options.readonly) {
      if (file !== ":memory:") raw.pragma("journal_mode = WAL");
      raw.pragma("synchronous = NORMAL");
      migrate(db);
    } else {
      checkSchema(db);
    }
  } catch (err) {
    raw.close();
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

/** Archive file mode: it holds chat platforms' OAuth tokens and teams' notes. */
export const ARCHIVE_FILE_MODE = 0o600;

/**
 * Creates the archive file 0600 before SQLite does (SQLite would follow the umask, usually 0644),
 * and narrows an existing one we own; SQLite gives the `-wal` and `-shm` files the archive's mode.
 */
function ownerOnly(file: string): void {
  if (!existsSync(file)) {
    // An empty file is an empty SQLite database.
    writeFileSync(file, "", { mode: ARCHIVE_FILE_MODE, flag: "wx" });
    return;
  }
  const st = statSync(file);
  if ((st.mode & 0o077) !== 0 && st.uid === process.getuid?.()) chmodSync(file, ARCHIVE_FILE_MODE);
}

function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A read-only connection. A WAL archive needs its `-shm` file even to read, which a read-only
 * folder cannot hold; when that is what fails and no `-wal` holds unmerged writes, the file is
 * opened as immutable (SQLite then reads it without locks or side files: right for read-only
 * media, where nothing can change it; with a non-empty `-wal` it would hide those writes).
 */
function openReadOnly(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.prepare("SELECT COUNT(*) FROM sqlite_master").get();
    return db;
  } catch (err) {
    db.close();
    const wal = `${file}-wal`;
    const pendingWrites = existsSync(wal) && statSync(wal).size > 0;
    if (pendingWrites || !/readonly|unable to open/i.test((err as Error).message)) throw err;
    const immutable = new Database(`${pathToFileURL(file).href}?immutable=1`, {
      readonly: true,
      fileMustExist: true,
    });
    immutable.prepare("SELECT COUNT(*) FROM sqlite_master").get();
    return immutable;
  }
}
