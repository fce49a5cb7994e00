// Token buckets of the chat rate limits (per user, per channel), in the archive so that replicas
// sharing a PostgreSQL archive share one burst. Each row carries its own capacity and refill rate
// (per millisecond), so the take statement and the prune read everything they need from the row.
// `at` is epoch milliseconds (a 64-bit integer on PostgreSQL).
import { sql } from "kysely";
import type { Migration } from "./kit.js";

export const rateBuckets: Migration = {
  version: 10,
  name: "rate-buckets",
  up: ({ schema, engine }) => [
    schema
      .createTable("rate_buckets")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("tokens", engine === "postgres" ? "double precision" : "real", (c) => c.notNull())
      .addColumn("capacity", engine === "postgres" ? "double precision" : "real", (c) => c.notNull())
      .addColumn("per_ms", engine === "postgres" ? "double precision" : "real", (c) => c.notNull())
      .addColumn("at", engine === "postgres" ? "bigint" : "integer", (c) => c.notNull())
      .addColumn("granted", "integer", (c) => c.notNull())
      .$call((t) => (engine === "sqlite" ? t.modifyEnd(sql`WITHOUT ROWID`) : t)),
  ],
};
