/**
 * Where a test's archive lives: an SQLite file (or memory) in the "sqlite" project, a fresh
 * schema on the run's PostgreSQL server in the "postgres" project (vitest.config.ts), so that
 * the same test runs against both engines.
 */
import { sql } from "kysely";
import { inject } from "vitest";
import type { Engine } from "../../src/archive/sql/database.js";
import { PostgresDatabase } from "../../src/archive/sql/postgres.js";
import { tempDb } from "./cli.js";

export const TEST_ENGINE: Engine = process.env.PAPERBOY_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";

let admin: PostgresDatabase | null = null;
let made = 0;

/** A URL of a new, empty schema on the test server (the archive's tables are made on first open). */
export function postgresArchive(): string {
  const base = inject("postgresUrl");
  admin ??= new PostgresDatabase(base, { applicationName: "paperboy-tests" });
  const schema = `t${process.pid}_${++made}`;
  admin.run(sql`CREATE SCHEMA ${sql.id(schema)}`.compile(admin.q));
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

/**
 * A new archive for one test: on SQLite a temporary file (or `:memory:` when `memory`), on
 * PostgreSQL a new schema.
 */
export function testArchive(options: { memory?: boolean } = {}): string {
  if (TEST_ENGINE === "postgres") return postgresArchive();
  return options.memory ? ":memory:" : tempDb();
}
