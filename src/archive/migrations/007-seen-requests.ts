// Ids of signed chat requests already handled (Slack's event ids and trigger ids), kept for the
// replay window so that a request replayed after a restart, or retried to another replica, is
// still dropped. `seen_at` is epoch milliseconds (a 64-bit integer on PostgreSQL).
import { sql } from "kysely";
import type { Migration } from "./kit.js";

export const seenRequests: Migration = {
  version: 7,
  name: "seen-requests",
  up: ({ schema, engine }) => [
    schema
      .createTable("seen_requests")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("seen_at", engine === "postgres" ? "bigint" : "integer", (c) => c.notNull())
      .$call((t) => (engine === "sqlite" ? t.modifyEnd(sql`WITHOUT ROWID`) : t)),
    schema.createIndex("seen_requests_at").on("seen_requests").column("seen_at"),
  ],
};
