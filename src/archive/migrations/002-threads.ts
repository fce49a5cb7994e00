// Discussion threads bound to one paper, and what was said in them, so a restart loses nothing.
import { sql } from "kysely";
import type { Migration } from "./kit.js";

export const threads: Migration = {
  version: 2,
  name: "threads",
  up: ({ schema, keyType, numberedKey }) => [
    schema
      .createTable("threads")
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("workspace", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("thread", "text", (c) => c.notNull())
      .addColumn("paper_pk", keyType, (c) => c.notNull().references("papers.pk").onDelete("cascade"))
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("threads_pkey", ["platform", "channel", "thread"]),
    schema
      .createTable("thread_messages")
      .$call(numberedKey("id"))
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("thread", "text", (c) => c.notNull())
      .addColumn("author", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull().check(sql`role IN ('user', 'bot')`))
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addForeignKeyConstraint(
        "thread_messages_thread_fkey",
        ["platform", "channel", "thread"],
        "threads",
        ["platform", "channel", "thread"],
        (fk) => fk.onDelete("cascade"),
      ),
    schema
      .createIndex("thread_messages_thread")
      .on("thread_messages")
      .columns(["platform", "channel", "thread", "id"]),
  ],
};
