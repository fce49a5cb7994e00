import { existsSync } from "node:fs";
import { copyArchive } from "../../archive/copy.js";
import { type Db, isPostgresUrl, openDatabase } from "../../archive/db.js";
import { redactUrl } from "../../archive/sql/database.js";
import { ArchiveError, ErrorCode, UsageError } from "../../errors.js";
import type { Command } from "../command.js";

export const migrate: Command = {
  name: "migrate",
  summary: "copy the SQLite archive into an empty PostgreSQL database, for several replicas to share",
  usage: "migrate --to <postgres://…|postgres>",
  help: [
    "--to names the PostgreSQL database: a postgres:// URL, or `postgres` for the one in DATABASE_URL.",
    "The archive copied is --db / PAPERBOY_DB (an SQLite file); the target must be empty. Every",
    "table is copied in one transaction: a failed copy leaves the target empty. Then point every",
    "replica at it with DATABASE_URL.",
    "",
    "  paperboy --db data/paperboy.db migrate --to postgres://paperboy@db.internal/paperboy",
  ].join("\n"),
  options: { to: { type: "string" } },
  args: { min: 0, max: 0 },
  run(ctx, _args, values) {
    const given = typeof values.to === "string" ? values.to.trim() : "";
    const url = given === "postgres" || given === "postgresql" ? (ctx.io.env.DATABASE_URL ?? "") : given;
    if (!given) throw new UsageError("migrate needs --to: a postgres:// URL, or `postgres` for DATABASE_URL");
    if (!isPostgresUrl(url))
      throw new UsageError(
        given === "postgres" || given === "postgresql"
          ? "--to postgres reads DATABASE_URL, which is not set to a postgres:// URL; set it or give the URL itself"
          : `--to ${given} is not a postgres:// URL`,
      );
    if (isPostgresUrl(ctx.dbPath))
      throw new UsageError(
        "the archive to copy is already on PostgreSQL; name the SQLite file with --db (DATABASE_URL also sets the default archive)",
      );
    if (ctx.dbPath !== ":memory:" && url === ctx.dbPath)
      throw new UsageError("--to names the archive itself");
    if (ctx.dbPath !== ":memory:" && !existsSync(ctx.dbPath))
      throw new UsageError(`no archive at ${ctx.dbPath}; name the SQLite file to copy with --db`);
    const source = openSource(ctx.dbPath);
    let target: Db | null = null;
    try {
      target = openDatabase(url);
      const report = copyArchive(source, target, {
        onTable: (table, rows) => {
          if (!ctx.json) ctx.io.stderr(`${table}: ${rows} rows\n`);
        },
      });
      if (ctx.json) ctx.printJson({ from: source.name, to: redactUrl(url), ...report });
      else
        ctx.print(
          `copied ${report.rows} rows in ${report.tables.length} tables from ${source.name} to ${redactUrl(url)}; set DATABASE_URL to it on every replica`,
        );
      return 0;
    } finally {
      target?.close();
      source.close();
    }
  },
};

/** The SQLite archive, brought to this paperboy's schema when it can be written, else read as is. */
function openSource(path: string): Db {
  try {
    return openDatabase(path);
  } catch (err) {
    if (err instanceof ArchiveError && err.code === ErrorCode.DatabaseReadOnly)
      return openDatabase(path, { readonly: true });
    throw err;
  }
}
