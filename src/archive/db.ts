/**
 * Opening the archive: the folder is created, WAL and foreign keys switched on, and pending
 * migrations applied in order, each in its own transaction, recorded in `schema_version`.
 */
import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { ArchiveError, ErrorCode } from "../errors.js";
import { MIGRATIONS } from "./migrations/index.js";

export type Db = Database.Database;

// better-sqlite3 reads this once, when its addon loads (the first `new Database`), to let SQLite
// take `file:` URIs: the only way to open a WAL archive on read-only media (`immutable=1`).
// Every path paperboy opens is absolute, so no plain path is ever read as a URI.
process.env.SQLITE_USE_URI ??= "1";

export interface OpenOptions {
  /** Open without writing anything (no migrations); for reads on a read-only disk. */
  readonly?: boolean;
  /** Milliseconds a writer waits for another process's lock before failing. Default 5000. */
  busyTimeoutMs?: number;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const file = path === ":memory:" ? path : resolve(path);
  let db: Db;
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
    db = options.readonly && file !== ":memory:" ? openReadOnly(file) : new Database(file);
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
function openReadOnly(file: string): Db {
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
