/**
 * Whether the archive can be written right now, for /healthz: the last write that failed for the
 * environment's sake (a full disk, a read-only mount) and is not yet followed by one that worked,
 * and the free space left on the archive's disk. A process that cannot store what it posts
 * (a discussion's thread) must not report itself healthy.
 */
import { statfsSync } from "node:fs";
import { dirname } from "node:path";
import type { Db } from "./db.js";

export interface WriteFailure {
  code: string;
  message: string;
  at: Date;
}

/** Below this many free bytes on the archive's disk, /healthz says so (writes fail soon). */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

const failures = new WeakMap<Db, WriteFailure>();

/** Records the outcome of a write: a failure (the environment's), or success (clears it). */
export function noteWrite(db: Db, failure: WriteFailure | null): void {
  if (failure) failures.set(db, failure);
  else failures.delete(db);
}

export function lastWriteFailure(db: Db): WriteFailure | null {
  return failures.get(db) ?? null;
}

/** Bytes free to this user on the archive's disk; null for an in-memory archive or when unknown. */
export function freeBytes(db: Db): number | null {
  if (db.memory || db.name === ":memory:" || db.name === "") return null;
  try {
    const s = statfsSync(dirname(db.name));
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}
