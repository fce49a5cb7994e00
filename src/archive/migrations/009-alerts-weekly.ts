// Saved-search alerts, the weekly digest and quiet-day notices. Plain types and standard SQL only
// (INSERT … ON CONFLICT, conditional UPDATEs), so the same tables serve SQLite and PostgreSQL.
// (Version 8 is left to a migration another branch numbers 8.)
//
// `watches`: a channel's saved searches, numbered per channel (`unwatch <n>`); a removed watch
// keeps its row (removed_at) so its number is never given to another one. `alerted_papers`:
// one row per (channel, paper) ever alerted, so a paper is alerted once per channel whatever day
// or id it comes back under; `slot` names the alert post that carried it. `scheduled_posts`: the
// exactly-once claims of every post the scheduler makes besides the daily roundup (an alert post,
// a weekly digest, a quiet-day notice), with the same columns and rules as `deliveries`.
// `channel_digests`: a channel's weekly digest (ISO weekday 1-7 and HH:MM, in the channel's
// zone) and whether it wants quiet-day notices.
import { sql } from "kysely";
import type { Migration } from "./kit.js";

export const alertsWeekly: Migration = {
  version: 9,
  name: "alerts-weekly",
  up: ({ schema, keyType, engine }) => [
    schema
      .createTable("watches")
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("workspace", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("n", "integer", (c) => c.notNull())
      .addColumn("query", "text", (c) => c.notNull())
      .addColumn("since", "text")
      .addColumn("until", "text")
      .addColumn("has_code", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_name", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("removed_at", "text")
      .addPrimaryKeyConstraint("watches_pkey", ["platform", "channel", "n"]),
    schema
      .createTable("alerted_papers")
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("paper_pk", keyType, (c) => c.notNull().references("papers.pk").onDelete("cascade"))
      .addColumn("slot", "text", (c) => c.notNull())
      .addColumn("watches", "text", (c) => c.notNull())
      .addColumn("score", engine === "postgres" ? "double precision" : "real", (c) => c.notNull())
      .addPrimaryKeyConstraint("alerted_papers_pkey", ["platform", "channel", "paper_pk"]),
    schema.createIndex("alerted_papers_slot").on("alerted_papers").columns(["platform", "channel", "slot"]),
    schema
      .createTable("scheduled_posts")
      .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('alert', 'weekly', 'quiet')`))
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("workspace", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("slot", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) =>
        c.notNull().check(sql`status IN ('claimed', 'sent', 'failed', 'skipped')`),
      )
      .addColumn("late", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("claimed_by", "text")
      .addColumn("claimed_at", "text", (c) => c.notNull())
      .addColumn("sent_at", "text")
      .addColumn("error", "text")
      .addPrimaryKeyConstraint("scheduled_posts_pkey", ["kind", "platform", "channel", "slot"]),
    schema.createIndex("scheduled_posts_open").on("scheduled_posts").columns(["status", "kind"]),
    schema
      .createTable("channel_digests")
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("workspace", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("weekly_day", "integer")
      .addColumn("weekly_time", "text")
      .addColumn("weekly_since", "text")
      .addColumn("quiet_notices", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("channel_digests_pkey", ["platform", "channel"]),
  ],
};
