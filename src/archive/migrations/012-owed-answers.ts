// Answers owed to chat requests that were acknowledged but may not have been answered yet (a
// Slack slash command or button press carries a response_url and is never resent once acked).
// A row is written before the ack and claimed by the replica that acks it; a replica that dies
// before answering leaves its claim to go stale, and another replica takes it over (the same
// lease rule as roundup claims). `settled_at` marks it answered; the row stays until pruned (its
// response_url's 30 minutes) so that a replay of the same request is still dropped.
// `payload` is JSON: what the adapter needs to run the request again. Times are ISO strings.
import type { Migration } from "./kit.js";

export const owedAnswers: Migration = {
  version: 12,
  name: "owed-answers",
  up: ({ schema }) => [
    schema
      .createTable("owed_answers")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("payload", "text", (c) => c.notNull())
      .addColumn("claimed_by", "text", (c) => c.notNull())
      .addColumn("claimed_at", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("settled_at", "text"),
    schema.createIndex("owed_answers_claimed").on("owed_answers").columns(["settled_at", "claimed_at"]),
    schema.createIndex("owed_answers_created").on("owed_answers").column("created_at"),
  ],
};
