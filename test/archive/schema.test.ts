/**
 * The builder-made migrations against the schema released as hand-written SQL: a new SQLite
 * archive gets the same tables, columns, keys, defaults, foreign keys, checks and indexes as one
 * made by paperboy before (so existing archives and new ones stay interchangeable).
 */
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase, sqliteHandle } from "../../src/archive/db.js";
import { LATEST_SCHEMA, MIGRATIONS } from "../../src/archive/migrations/index.js";

const RELEASED = readFileSync(new URL("../fixtures/schema/sqlite-released.sql", import.meta.url), "utf8");

function describeSchema(db: Database.Database) {
  const tables = (
    db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name <> 'schema_version' ORDER BY name",
      )
      .all() as { name: string; sql: string }[]
  ).map(({ name, sql }) => ({
    name,
    columns: db.pragma(`table_info(${name})`),
    foreignKeys: (db.pragma(`foreign_key_list(${name})`) as Record<string, unknown>[]).map(
      ({ id: _id, seq: _seq, ...fk }) => fk,
    ),
    checks: [...sql.matchAll(/check\s*\(([^()]*\([^()]*\)[^()]*)\)/gi)].map((m) =>
      (m[1] as string).replace(/\s+/g, " "),
    ),
    rowidAlias: /integer primary key/i.test(sql),
    withoutRowid: /without rowid/i.test(sql),
  }));
  const indexes = (
    db
      .prepare(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
      )
      .all() as { name: string; tbl_name: string }[]
  ).map(({ name, tbl_name }) => ({
    name,
    table: tbl_name,
    columns: (db.pragma(`index_info(${name})`) as { name: string }[]).map((c) => c.name),
  }));
  // Unique constraints become automatic indexes: compare their columns, not their names.
  const unique = (
    db
      .prepare(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NULL ORDER BY tbl_name, name",
      )
      .all() as { name: string; tbl_name: string }[]
  )
    .map(
      ({ name, tbl_name }) =>
        `${tbl_name}(${(db.pragma(`index_info(${name})`) as { name: string }[]).map((c) => c.name).join(",")})`,
    )
    .sort();
  return { tables, indexes, unique };
}

describe("migrations on SQLite", () => {
  it("give a new archive the schema the released SQL migrations gave", () => {
    const released = new Database(":memory:");
    released.exec(RELEASED);
    const made = openDatabase(":memory:");
    try {
      expect(describeSchema(sqliteHandle(made)!)).toEqual(describeSchema(released));
    } finally {
      made.close();
      released.close();
    }
  });

  it("record every version once, and a second open applies nothing", () => {
    const db = openDatabase(":memory:");
    const versions = db.all(db.q.selectFrom("schema_version").select(["version", "name"]).orderBy("version"));
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(versions.at(-1)?.version).toBe(LATEST_SCHEMA);
    db.close();
  });
});
