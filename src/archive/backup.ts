/**
 * Backups and restores of the archive. A backup uses SQLite's online backup API, so it can run
 * while `serve` is writing; a restore refuses to replace a newer archive unless forced.
 */
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync, statSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { ErrorCode, PaperboyError } from "../errors.js";
import { ARCHIVE_FILE_MODE } from "./db.js";
import { MIGRATIONS } from "./migrations/index.js";

export interface ArchiveStamp {
  /** The newest change recorded anywhere in the archive (ISO time), or null for an empty one. */
  lastChange: string | null;
  papers: number;
  revision: number;
  schemaVersion: number;
}

const CHANGE_COLUMNS: [table: string, column: string][] = [
  ["papers", "updated_at"],
  ["days", "ingested_at"],
  ["thread_messages", "at"],
  ["threads", "created_at"],
  ["channels", "updated_at"],
  ["deliveries", "claimed_at"],
];

/** What an archive holds and when it last changed; reads only. */
export function stampOf(db: Database.Database): ArchiveStamp {
  const has = (table: string) =>
    Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?").get(table));
  let lastChange: string | null = null;
  for (const [table, column] of CHANGE_COLUMNS) {
    if (!has(table)) continue;
    const row = db.prepare(`SELECT MAX(${column}) AS m FROM ${table}`).get() as { m: string | null };
    if (row.m && (!lastChange || row.m > lastChange)) lastChange = row.m;
  }
  const papers = has("papers")
    ? (db.prepare("SELECT COUNT(*) AS n FROM papers").get() as { n: number }).n
    : 0;
  const revision = has("meta")
    ? Number(
        (db.prepare("SELECT value FROM meta WHERE key='revision'").get() as { value: string } | undefined)
          ?.value ?? 0,
      )
    : 0;
  const schemaVersion = has("schema_version")
    ? ((db.prepare("SELECT MAX(version) AS v FROM schema_version").get() as { v: number | null }).v ?? 0)
    : 0;
  return { lastChange, papers, revision, schemaVersion };
}

/** `PRAGMA integrity_check`: "ok" or the first problems SQLite reports. */
export function integrityCheck(db: Database.Database): string[] {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check);
}

/** Copies the live archive to `target` (online backup; safe while others write). */
export async function backupArchive(db: Database.Database, target: string): Promise<ArchiveStamp> {
  const file = resolve(target);
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new PaperboyError(
      ErrorCode.Backup,
      "the backup target is a directory; name a file such as backup.db",
      { file },
    );
  }
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  try {
    await db.backup(tmp);
    // A backup holds what the archive holds (OAuth tokens included): owner-only, like it.
    chmodSync(tmp, ARCHIVE_FILE_MODE);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new PaperboyError(
      ErrorCode.Backup,
      `backup failed: ${(err as Error).message}; check free space and permissions`,
      {
        file,
      },
    );
  }
  const copy = new Database(file, { readonly: true });
  try {
    return stampOf(copy);
  } finally {
    copy.close();
  }
}

export interface RestoreResult {
  restored: ArchiveStamp;
  replaced: ArchiveStamp | null;
}

/**
 * Replaces the archive at `dbPath` with the backup at `source`. The archive must not be open
 * (stop `serve` first). Refuses a backup that is damaged, from a newer paperboy, or older than the
 * archive it would replace (unless `force`).
 */
export function restoreArchive(
  source: string,
  dbPath: string,
  options: { force?: boolean } = {},
): RestoreResult {
  const from = resolve(source);
  const to = resolve(dbPath);
  if (!existsSync(from))
    throw new PaperboyError(ErrorCode.Backup, "no such backup file; check the path", { file: from });
  let restored: ArchiveStamp;
  let backup: Database.Database;
  try {
    backup = new Database(from, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new PaperboyError(ErrorCode.Backup, `not a database: ${(err as Error).message}`, { file: from });
  }
  try {
    const problems = integrityCheck(backup);
    if (problems[0] !== "ok") {
      throw new PaperboyError(
        ErrorCode.Backup,
        `the backup is damaged (${problems.slice(0, 3).join("; ")}); use another one`,
        {
          file: from,
        },
      );
    }
    restored = stampOf(backup);
  } catch (err) {
    if (err instanceof PaperboyError) throw err;
    throw new PaperboyError(ErrorCode.Backup, `not a paperboy archive: ${(err as Error).message}`, {
      file: from,
    });
  } finally {
    backup.close();
  }
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (restored.schemaVersion === 0) {
    throw new PaperboyError(ErrorCode.Backup, "this database is not a paperboy archive (no schema_version)", {
      file: from,
    });
  }
  if (restored.schemaVersion > latest) {
    throw new PaperboyError(
      ErrorCode.SchemaTooNew,
      `the backup has schema ${restored.schemaVersion}, newer than this paperboy (${latest}); upgrade paperboy first`,
      {
        file: from,
      },
    );
  }
  let replaced: ArchiveStamp | null = null;
  if (existsSync(to)) {
    const current = new Database(to, { readonly: true });
    try {
      replaced = stampOf(current);
    } finally {
      current.close();
    }
    if (
      !options.force &&
      replaced.lastChange &&
      (!restored.lastChange || replaced.lastChange > restored.lastChange)
    ) {
      throw new PaperboyError(
        ErrorCode.Backup,
        `the archive changed at ${replaced.lastChange}, after the backup (${restored.lastChange ?? "empty"}); restoring would lose that; add --force to restore anyway`,
        { file: to },
      );
    }
  }
  const tmp = `${to}.restoring`;
  copyFileSync(from, tmp);
  chmodSync(tmp, ARCHIVE_FILE_MODE);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${to}${suffix}`, { force: true });
  renameSync(tmp, to);
  return { restored, replaced };
}
