// Papers, their keys (aliases and content keys), links, the days they appeared in, and the log of
// every ingest. `revision` lets the search index catch up incrementally on what changed.
import { sql } from "kysely";
import type { Migration } from "./kit.js";

export const papers: Migration = {
  version: 1,
  name: "papers",
  up: ({ schema, keyType, numberedKey, rowid }) => [
    schema
      .createTable("meta")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("value", "text", (c) => c.notNull()),
    schema
      .createTable("papers")
      .$call(numberedKey("pk"))
      .addColumn("id", "text", (c) => c.notNull().unique())
      .addColumn("arxiv_id", "text", (c) => c.unique())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("abstract", "text", (c) => c.notNull())
      .addColumn("authors", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("date", "text", (c) => c.notNull())
      .addColumn("upvotes", "integer")
      .addColumn("has_code", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("revision", "integer", (c) => c.notNull()),
    schema.createIndex("papers_date").on("papers").column("date"),
    schema.createIndex("papers_revision").on("papers").column("revision"),
    schema
      .createTable("paper_keys")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("pk", keyType, (c) => c.notNull().references("papers.pk").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('alias', 'content')`))
      .$call(rowid),
    schema.createIndex("paper_keys_pk").on("paper_keys").column("pk"),
    schema
      .createTable("paper_links")
      .addColumn("pk", keyType, (c) => c.notNull().references("papers.pk").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('link', 'source')`))
      .addColumn("url", "text", (c) => c.notNull())
      .addColumn("position", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("paper_links_pkey", ["pk", "kind", "url"]),
    schema
      .createTable("days")
      .addColumn("date", "text", (c) => c.primaryKey())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("ingested_at", "text", (c) => c.notNull()),
    schema
      .createTable("day_papers")
      .addColumn("date", "text", (c) => c.notNull().references("days.date").onDelete("cascade"))
      .addColumn("pk", keyType, (c) => c.notNull().references("papers.pk").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("day_papers_pkey", ["date", "pk"]),
    schema.createIndex("day_papers_pk").on("day_papers").column("pk"),
    schema
      .createTable("ingest_log")
      .$call(numberedKey("id"))
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("path", "text", (c) => c.notNull())
      .addColumn("format", "text")
      .addColumn("date", "text")
      .addColumn("papers", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("added", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("updated", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("status", "text", (c) => c.notNull().check(sql`status IN ('ok', 'failed')`))
      .addColumn("error", "text"),
  ],
};
