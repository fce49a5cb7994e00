/**
 * `migrate` copies the tables COPY_ORDER names: every table of the schema must be there, or a
 * new migration's table would silently stay behind in SQLite.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { COPY_ORDER, NOT_COPIED } from "../../src/archive/copy.js";
import { openDatabase } from "../../src/archive/db.js";
import { testArchive } from "../support/archive.js";

describe("the tables migrate copies", () => {
  it("are every table of the archive (but schema_version and the few left out on purpose)", () => {
    const db = openDatabase(testArchive({ memory: true }));
    try {
      const query =
        db.engine === "sqlite"
          ? sql<{
              name: string;
            }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
          : sql<{
              name: string;
            }>`SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = current_schema()`;
      const tables = db
        .all(query.compile(db.q))
        .map((r) => r.name)
        .filter((name) => name !== "schema_version");
      expect([...COPY_ORDER, ...Object.keys(NOT_COPIED)].sort()).toEqual(tables.sort());
    } finally {
      db.close();
    }
  });
});
