// Channel interests: the reactions (👍 ⭐ 👎) people gave papers on the bot's messages, one row per
// (message, person, kind), so removing a reaction deletes exactly what adding it wrote; and the
// bot's single-paper messages on platforms whose reaction events carry no message content (the
// paper a reaction is about is looked up there). Plain types and standard SQL only, so the same
// tables serve SQLite and PostgreSQL.
import { sql } from "kysely";
import type { Migration } from "./kit.js";

export const channelInterests: Migration = {
  version: 8,
  name: "channel-interests",
  up: ({ schema, keyType }) => [
    schema
      .createTable("paper_reactions")
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("workspace", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("message", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('like', 'star', 'dislike')`))
      .addColumn("paper_pk", keyType, (c) => c.notNull().references("papers.pk").onDelete("cascade"))
      .addColumn("reacted_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("paper_reactions_pkey", ["platform", "channel", "message", "user_id", "kind"]),
    schema
      .createIndex("paper_reactions_channel")
      .on("paper_reactions")
      .columns(["platform", "channel", "reacted_at"]),
    schema
      .createTable("paper_messages")
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("message", "text", (c) => c.notNull())
      .addColumn("paper_pk", keyType, (c) => c.notNull().references("papers.pk").onDelete("cascade"))
      .addColumn("posted_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("paper_messages_pkey", ["platform", "channel", "message"]),
  ],
};
