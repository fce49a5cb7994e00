/**
 * What a migration is written with: Kysely's schema builder in the archive's dialect, and the few
 * column kinds whose spelling differs between the engines. One migration, both engines.
 */
import type { Compilable, CreateTableBuilder, SchemaModule } from "kysely";
import type { Engine } from "../sql/database.js";

export interface MigrationKit {
  engine: Engine;
  schema: SchemaModule;
  /** The type of a column that holds another table's numbered key (SQLite's INTEGER, PostgreSQL's bigint). */
  keyType: "integer" | "bigint";
  /**
   * Adds a primary key the database numbers: SQLite's `INTEGER PRIMARY KEY` (the rowid), a
   * PostgreSQL identity (by default, so that `migrate --to postgres` can copy the numbers).
   */
  numberedKey: <T extends string, C extends string>(
    name: string,
  ) => (table: CreateTableBuilder<T, C>) => CreateTableBuilder<T, C>;
  /**
   * PostgreSQL only: an identity column named `rowid`, giving a table the insertion order that
   * SQLite keeps implicitly (queries that `ORDER BY rowid` then read the same on both).
   */
  rowid: <T extends string, C extends string>(table: CreateTableBuilder<T, C>) => CreateTableBuilder<T, C>;
}

export interface Migration {
  version: number;
  name: string;
  /** The statements of the migration, in order, built for one engine. */
  up(kit: MigrationKit): Compilable<unknown>[];
}

export function migrationKit(engine: Engine, schema: SchemaModule): MigrationKit {
  const pg = engine === "postgres";
  return {
    engine,
    schema,
    keyType: pg ? "bigint" : "integer",
    numberedKey: (name) => (table) =>
      pg
        ? table.addColumn(name, "bigint", (c) => c.primaryKey().generatedByDefaultAsIdentity())
        : table.addColumn(name, "integer", (c) => c.primaryKey()),
    rowid: (table) =>
      pg ? table.addColumn("rowid", "bigint", (c) => c.notNull().generatedByDefaultAsIdentity()) : table,
  };
}
