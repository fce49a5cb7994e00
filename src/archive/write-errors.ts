/**
 * Database failures that are the environment's, not a bug: a read-only file, folder or server, a
 * full disk, a lock held too long, a lost connection. They become PaperboyErrors that say what to
 * do; anything else is rethrown. Both engines' codes: SQLite's names and PostgreSQL's SQLSTATEs.
 */
import { ArchiveError, ErrorCode, isPaperboyError } from "../errors.js";
import type { Db } from "./db.js";
import { noteWrite } from "./write-health.js";

interface DriverError {
  code?: string;
  message?: string;
}

export function environmentError(err: unknown, action: string): ArchiveError | null {
  if (isPaperboyError(err)) return null;
  const e = err as DriverError;
  const code = typeof e?.code === "string" ? e.code : "";
  // 25006: read_only_sql_transaction (a read-only replica or default_transaction_read_only).
  if (code.startsWith("SQLITE_READONLY") || code === "EROFS" || code === "EACCES" || code === "25006") {
    return new ArchiveError(
      ErrorCode.DatabaseReadOnly,
      `cannot ${action}: the archive is read-only (${e.message ?? code}); reads still work. Make the database file and its folder writable (or, on PostgreSQL, connect to a writable server), then try again`,
      {},
      { cause: err },
    );
  }
  // 53100: disk_full.
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "53100") {
    return new ArchiveError(
      ErrorCode.DatabaseFull,
      `cannot ${action}: the disk is full (${e.message ?? code}); nothing was changed. Free some space, then try again`,
      {},
      { cause: err },
    );
  }
  // 55P03: lock_not_available (lock_timeout); 40P01: deadlock_detected.
  if (code.startsWith("SQLITE_BUSY") || code === "55P03" || code === "40P01") {
    return new ArchiveError(
      ErrorCode.Database,
      `cannot ${action}: the archive is locked by another paperboy process for too long; try again in a moment`,
      {},
      { cause: err },
    );
  }
  return null;
}

/**
 * Runs a write; environment failures come back as clear ArchiveErrors. Given the database, the
 * outcome is also recorded for /healthz (write-health.ts): a failure until a write works again.
 */
export function writing<T>(action: string, fn: () => T, db?: Db): T {
  try {
    const out = fn();
    if (db) noteWrite(db, null);
    return out;
  } catch (err) {
    const clear = environmentError(err, action);
    // An archive opened read-only on purpose refuses writes by design: that is not a fault.
    if (clear && db && !db.readonly)
      noteWrite(db, { code: clear.code, message: clear.message, at: new Date() });
    throw clear ?? err;
  }
}
