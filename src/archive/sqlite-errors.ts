/**
 * SQLite failures that are the environment's, not a bug: a read-only file or folder, a full disk,
 * a lock held too long. They become PaperboyErrors that say what to do; anything else is rethrown.
 */
import { ArchiveError, ErrorCode } from "../errors.js";
import type { Db } from "./db.js";
import { noteWrite } from "./write-health.js";

interface SqliteLike {
  code?: string;
  message?: string;
}

export function environmentError(err: unknown, action: string): ArchiveError | null {
  const e = err as SqliteLike;
  const code = typeof e?.code === "string" ? e.code : "";
  if (code.startsWith("SQLITE_READONLY") || code === "EROFS" || code === "EACCES") {
    return new ArchiveError(
      ErrorCode.DatabaseReadOnly,
      `cannot ${action}: the archive is read-only (${e.message ?? code}); reads still work. Make the database file and its folder writable, then try again`,
      {},
      { cause: err },
    );
  }
  if (code === "SQLITE_FULL" || code === "ENOSPC") {
    return new ArchiveError(
      ErrorCode.DatabaseFull,
      `cannot ${action}: the disk is full (${e.message ?? code}); nothing was changed. Free some space, then try again`,
      {},
      { cause: err },
    );
  }
  if (code.startsWith("SQLITE_BUSY")) {
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
