// Snapshots of an index a replica built (the search index file's bytes), kept in the archive so
// that a fresh replica of a shared PostgreSQL archive loads one and catches up by revision
// instead of building it from every row. One snapshot per kind, in chunks (`part` 0, 1, …), each
// row carrying the snapshot's revision, analysis version and checksum; a new one replaces the
// old in one transaction. `revision` is a 64-bit integer on PostgreSQL.
import type { Migration } from "./kit.js";

export const indexSnapshots: Migration = {
  version: 11,
  name: "index-snapshots",
  up: ({ schema, engine, keyType }) => [
    schema
      .createTable("index_snapshots")
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("part", "integer", (c) => c.notNull())
      .addColumn("revision", keyType, (c) => c.notNull())
      .addColumn("analysis", "integer", (c) => c.notNull())
      .addColumn("checksum", "text", (c) => c.notNull())
      .addColumn("written_at", "text", (c) => c.notNull())
      .addColumn("bytes", engine === "postgres" ? "bytea" : "blob", (c) => c.notNull())
      .addPrimaryKeyConstraint("index_snapshots_pk", ["kind", "part"]),
  ],
};
