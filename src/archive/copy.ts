/**
 * Copies a whole archive from SQLite into an empty PostgreSQL database (`paperboy migrate --to
 * postgres`): every table, row for row, keys kept, in one transaction on the target, so a failed
 * copy leaves the target as empty as it was. Both sides are first brought to the same schema.
 */
import { sql } from "kysely";
import { ArchiveError, ErrorCode } from "../errors.js";
import type { Db } from "./db.js";
import { ARCHIVE_ID, tableExists } from "./sql/migrate.js";

/**
 * Every table of the archive but `schema_version` and NOT_COPIED, parents before the tables that
 * reference them. A table missing here would not be copied: test/archive/copy.test.ts checks the
 * lists against the schema, so a new migration's table must be added to one of them.
 */
export const COPY_ORDER = [
  "meta",
  "papers",
  "paper_keys",
  "paper_links",
  "days",
  "day_papers",
  "ingest_log",
  "threads",
  "thread_messages",
  "channels",
  "deliveries",
  "installations",
  "notes",
  "reading_queue",
  "paper_reactions",
  "paper_messages",
  "watches",
  "alerted_papers",
  "scheduled_posts",
  "channel_digests",
] as const;

/**
 * Tables not copied, and why: what they hold is only meaningful for minutes and starts afresh on
 * the new archive.
 */
export const NOT_COPIED: Record<string, string> = {
  seen_requests: "ids of chat requests handled in the last few minutes (the replay window)",
  rate_buckets: "chat rate-limit buckets, refilled within minutes",
  index_snapshots: "a copy of a replica's search index; the first replica on the new archive writes its own",
  owed_answers: "answers owed to chat requests of the last 30 minutes (their response_url's life)",
};

/** Rows read and written per statement (PostgreSQL binds at most 65,535 values in one). */
const BATCH = 500;

export interface CopyReport {
  tables: { table: string; rows: number }[];
  rows: number;
}

/**
 * Rows in `table` (0 when the table does not exist), but the archive's identity: each archive
 * keeps its own (the copy is another archive from then on; a replica's cached index says which).
 */
function count(db: Db, table: string): number {
  if (!tableExists(db, table)) return 0;
  const row = db.get(
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}
      ${table === "meta" ? sql`WHERE key <> ${ARCHIVE_ID}` : sql``}`.compile(db.q),
  );
  return Number(row?.n ?? 0);
}

export function copyArchive(
  source: Db,
  target: Db,
  options: { onTable?: (table: string, rows: number) => void } = {},
): CopyReport {
  if (source.engine !== "sqlite")
    throw new ArchiveError(
      ErrorCode.Database,
      `migrate copies an SQLite archive; ${source.name} is already on PostgreSQL`,
      { key: "--db" },
    );
  if (target.engine !== "postgres")
    throw new ArchiveError(ErrorCode.Database, `migrate copies into PostgreSQL; ${target.name} is not`, {
      key: "--to",
    });
  const occupied = COPY_ORDER.map((table) => ({ table, rows: count(target, table) })).filter((t) => t.rows);
  if (occupied.length)
    throw new ArchiveError(
      ErrorCode.Database,
      `the PostgreSQL archive at ${target.name} is not empty (${occupied
        .map((t) => `${t.table}: ${t.rows} rows`)
        .join(
          ", ",
        )}); migrate copies into an empty database only: create a new database (createdb) and name it with --to`,
      { key: "--to" },
    );
  const tables: CopyReport["tables"] = [];
  target.transaction(() => {
    for (const table of COPY_ORDER) {
      let rows = 0;
      let after = 0;
      for (;;) {
        // In rowid order: the order SQLite kept them in, which PostgreSQL's own rowid then keeps.
        const page = source.all(
          sql<Record<string, unknown>>`SELECT rowid AS "pb__order", * FROM ${sql.table(table)}
            WHERE rowid > ${after} ORDER BY rowid LIMIT ${BATCH}`.compile(source.q),
        );
        if (!page.length) break;
        after = Number(page.at(-1)?.pb__order);
        const values = page
          .map(({ pb__order: _order, ...row }) => row)
          .filter((row) => !(table === "meta" && row.key === ARCHIVE_ID));
        if (!values.length) continue;
        // biome-ignore lint/suspicious/noExplicitAny: one statement for every table, named at run time.
        target.run(target.q.insertInto(table as any).values(values as any));
        rows += values.length;
      }
      tables.push({ table, rows });
      options.onTable?.(table, rows);
    }
    // Numbers the database hands out (identity columns) continue after the copied ones.
    const identities = target.all(
      sql<{ table_name: string; column_name: string }>`SELECT table_name, column_name
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND is_identity = 'YES'`.compile(target.q),
    );
    for (const { table_name, column_name } of identities) {
      target.run(
        sql`SELECT setval(
              pg_get_serial_sequence(${`"${table_name}"`}, ${column_name}),
              (SELECT COALESCE(MAX(${sql.ref(column_name)}), 0) + 1 FROM ${sql.table(table_name)}),
              false)`.compile(target.q),
      );
    }
  });
  return { tables, rows: tables.reduce((n, t) => n + t.rows, 0) };
}
