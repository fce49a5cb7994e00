// Team memory: a channel's notes on papers and its reading queue. Plain types and standard SQL only
// (INSERT … ON CONFLICT, conditional UPDATEs), so the same tables serve SQLite and PostgreSQL.
//
// A note belongs to a paper (by its key, which survives a new arXiv version or a second id), a
// channel, and optionally the discussion thread it was written in. The queue has one row per
// (channel, paper); a claim is a conditional UPDATE of that row, so of two concurrent claims
// exactly one changes it. `reminded_at` makes the scheduler's reminder to a claimer once-only.
import { sql } from "kysely";
import type { Migration } from "./kit.js";

export const teamMemory: Migration = {
  version: 6,
  name: "team-memory",
  up: ({ schema, keyType, numberedKey }) => [
    schema
      .createTable("notes")
      .$call(numberedKey("id"))
      .addColumn("paper_pk", keyType, (c) => c.notNull().references("papers.pk").onDelete("cascade"))
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("workspace", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("thread", "text")
      .addColumn("author", "text", (c) => c.notNull())
      .addColumn("author_name", "text")
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull()),
    schema.createIndex("notes_channel").on("notes").columns(["platform", "channel", "id"]),
    schema.createIndex("notes_paper").on("notes").columns(["paper_pk", "platform", "channel"]),
    schema.createIndex("notes_thread").on("notes").columns(["platform", "channel", "thread"]),
    schema
      .createTable("reading_queue")
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("workspace", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("paper_pk", keyType, (c) => c.notNull().references("papers.pk").onDelete("cascade"))
      .addColumn("status", "text", (c) => c.notNull().check(sql`status IN ('queued', 'claimed', 'done')`))
      .addColumn("added_by", "text", (c) => c.notNull())
      .addColumn("added_name", "text")
      .addColumn("added_at", "text", (c) => c.notNull())
      .addColumn("claimed_by", "text")
      .addColumn("claimed_name", "text")
      .addColumn("claimed_at", "text")
      .addColumn("done_by", "text")
      .addColumn("done_name", "text")
      .addColumn("done_at", "text")
      .addColumn("reminded_at", "text")
      .addPrimaryKeyConstraint("reading_queue_pkey", ["platform", "channel", "paper_pk"]),
    schema.createIndex("reading_queue_claims").on("reading_queue").columns(["status", "claimed_at"]),
    schema
      .createIndex("reading_queue_order")
      .on("reading_queue")
      .columns(["platform", "channel", "added_at"]),
    schema.createIndex("threads_paper").on("threads").column("paper_pk"),
  ],
};
