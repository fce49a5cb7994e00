// OAuth installations of chat apps (Slack workspaces), one JSON document each, so tokens survive
// restarts and rotate in place.
import type { Migration } from "./kit.js";

export const installations: Migration = {
  version: 4,
  name: "installations",
  up: ({ schema }) => [
    schema
      .createTable("installations")
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("data", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("installations_pkey", ["platform", "id"]),
  ],
};
