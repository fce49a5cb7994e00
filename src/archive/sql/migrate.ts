/**
 * Applies the numbered migrations (src/archive/migrations/) to either engine: each pending one in
 * its own transaction, recorded in `schema_version`. On PostgreSQL, replicas starting together
 * take turns under one advisory lock, and each re-reads the version inside it, so a migration
 * runs once however many start at the same moment.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { ArchiveError, ErrorCode } from "../../errors.js";
import { LATEST_SCHEMA, MIGRATIONS } from "../migrations/index.js";
import { migrationKit } from "../migrations/kit.js";
import type { ArchiveDb } from "./database.js";

/** True when `table` exists in the archive. */
export function tableExists(db: ArchiveDb, table: string): boolean {
  const query =
    db.engine === "sqlite"
      ? sql<{ found: number }>`SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ${table}`
      : sql<{ found: number }>`SELECT 1 AS found FROM pg_catalog.pg_tables
          WHERE schemaname = current_schema() AND tablename = ${table}`;
  return db.get(query.compile(db.q)) !== undefined;
}

/** The archive's schema version: 0 for an empty database. */
export function schemaVersion(db: ArchiveDb): number {
  if (!tableExists(db, "schema_version")) return 0;
  const row = db.get(db.q.selectFrom("schema_version").select((eb) => eb.fn.max("version").as("v")));
  return Number(row?.v ?? 0);
}

/** Refuses an archive written by a newer paperboy. */
export function checkSchema(db: ArchiveDb): void {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA) {
    throw new ArchiveError(
      ErrorCode.SchemaTooNew,
      `the archive has schema version ${current}, newer than this paperboy knows (${LATEST_SCHEMA}); upgrade paperboy`,
      { file: db.name },
    );
  }
}

/** Brings the archive to the latest schema; returns the versions applied. */
export function migrate(db: ArchiveDb, now: () => Date = () => new Date()): number[] {
  const kit = migrationKit(db.engine, db.q.schema);
  const applied: number[] = [];
  db.transaction(
    () => {
      db.run(
        db.q.schema
          .createTable("schema_version")
          .ifNotExists()
          .addColumn("version", "integer", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("applied_at", "text", (c) => c.notNull()),
      );
    },
    { lock: "migrations" },
  );
  checkSchema(db);
  const current = schemaVersion(db);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(
      () => {
        // Another replica may have applied it while this one waited for the lock.
        if (schemaVersion(db) >= m.version) return;
        for (const statement of m.up(kit)) db.run(statement);
        db.run(
          db.q
            .insertInto("schema_version")
            .values({ version: m.version, name: m.name, applied_at: now().toISOString() }),
        );
        applied.push(m.version);
      },
      { lock: "migrations" },
    );
  }
  // The archive's identity, made once: what a replica's cached search index was built from.
  db.run(
    db.q
      .insertInto("meta")
      .values({ key: ARCHIVE_ID, value: randomUUID() })
      .onConflict((oc) => oc.column("key").doNothing()),
  );
  return applied;
}

/** The `meta` key of the archive's identity (a UUID made on first open). */
export const ARCHIVE_ID = "archive_id";

/** The archive's identity; null for an archive never opened for writing by this version. */
export function archiveId(db: ArchiveDb): string | null {
  if (!tableExists(db, "meta")) return null;
  return db.get(db.q.selectFrom("meta").select("value").where("key", "=", ARCHIVE_ID))?.value ?? null;
}
