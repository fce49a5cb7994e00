// Per-channel settings and roundup deliveries. The unique (platform, channel, date) row of
// `deliveries` is what makes a roundup exactly-once: it is claimed in the transaction that
// decides to post.
import { sql } from "kysely";
import type { Migration } from "./kit.js";

export const channels: Migration = {
  version: 3,
  name: "channels",
  up: ({ schema }) => [
    schema
      .createTable("channels")
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("workspace", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("subscribed", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("timezone", "text", (c) => c.notNull().defaultTo("UTC"))
      .addColumn("time", "text", (c) => c.notNull().defaultTo("09:00"))
      .addColumn("filters", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("channels_pkey", ["platform", "channel"]),
    schema
      .createTable("deliveries")
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("date", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) =>
        c.notNull().check(sql`status IN ('claimed', 'sent', 'failed', 'skipped')`),
      )
      .addColumn("late", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("claimed_by", "text")
      .addColumn("claimed_at", "text", (c) => c.notNull())
      .addColumn("sent_at", "text")
      .addColumn("error", "text")
      .addPrimaryKeyConstraint("deliveries_pkey", ["platform", "channel", "date"]),
  ],
};
