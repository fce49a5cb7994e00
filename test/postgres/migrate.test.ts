/**
 * `paperboy migrate --to postgres` against the run's PostgreSQL server: an SQLite archive with
 * papers, threads, a reading queue and roundup deliveries is copied whole, the copy answers as the
 * original did, new rows continue its numbering, a non-empty target is refused, and export/ingest
 * round-trips between the engines.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { COPY_ORDER } from "../../src/archive/copy.js";
import { type Db, openDatabase } from "../../src/archive/db.js";
import { DeliveryStore } from "../../src/archive/deliveries.js";
import { QueueStore } from "../../src/archive/reading-queue.js";
import { archiveId } from "../../src/archive/sql/migrate.js";
import { ThreadStore } from "../../src/archive/threads.js";
import { ManualClock } from "../../src/clock.js";
import { postgresArchive } from "../support/archive.js";
import { runCli, tempDb } from "../support/cli.js";

const DAYS = ["2026-02-02", "2026-02-03", "2026-02-04"].map((d) => `test/fixtures/digests/${d}.hf-api.json`);

/** Every row of every table, order-free, without PostgreSQL's own `rowid` column. */
function contents(db: Db): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const table of COPY_ORDER) {
    // Each archive has its own identity (a replica's cached index says which archive it is of).
    const rows = db
      .all(sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.compile(db.q))
      .filter((row) => !(table === "meta" && row.key === "archive_id"));
    out[table] = rows.map(({ rowid: _rowid, ...row }) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }
  return out;
}

describe("paperboy migrate --to postgres", () => {
  it("copies every table of an SQLite archive; the copy answers the same and keeps numbering", async () => {
    const file = tempDb();
    expect((await runCli(["--db", file, "ingest", ...DAYS, "--json"])).code).toBe(0);
    const clock = new ManualClock("2026-02-05T09:00:00Z");
    const db = openDatabase(file);
    const first = db.get(db.q.selectFrom("papers").select(["pk", "id"]).orderBy("pk").limit(1));
    new ThreadStore(db, clock).open({
      platform: "slack",
      workspace: "T1",
      channel: "C1",
      thread: "1700000000.000100",
      paperPk: Number(first?.pk),
      createdBy: "U1",
    });
    new QueueStore(db, clock).add({ platform: "slack", workspace: "T1", channel: "C1" }, String(first?.id), {
      id: "U1",
    });
    const deliveries = new DeliveryStore(db);
    deliveries.claim(
      { platform: "slack", channel: "C1", date: "2026-02-05" },
      { by: "p1", now: clock.now(), late: false, retryFailed: () => false, leaseMs: 60_000 },
    );
    const before = contents(db);
    const sourceId = archiveId(db);
    db.close();

    const url = postgresArchive();
    const run = await runCli(["--db", file, "migrate", "--to", url, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = run.json<{ rows: number; tables: { table: string; rows: number }[] }>();
    expect(report.tables.map((t) => t.table)).toEqual([...COPY_ORDER]);
    expect(report.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));

    const pg = openDatabase(url);
    try {
      expect(pg.engine).toBe("postgres");
      expect(contents(pg)).toEqual(before);
      expect(archiveId(pg)).toMatch(/^[0-9a-f-]{36}$/);
      expect(archiveId(pg)).not.toBe(sourceId);
    } finally {
      pg.close();
    }
    // The copy answers as the original: the same export, the same search.
    const exported = await runCli(["--db", file, "export", "--format", "jsonl"]);
    expect((await runCli(["--db", url, "export", "--format", "jsonl"])).stdout).toBe(exported.stdout);
    const search = (db: string) =>
      runCli(["--db", db, "search", "diffusion", "--json"]).then((r) => r.json());
    expect(await search(url)).toEqual(await search(file));

    // New papers are numbered after the copied ones (the identity sequences were moved on).
    const more = await runCli([
      "--db",
      url,
      "ingest",
      "test/fixtures/digests/2026-02-06.hf-api.json",
      "--json",
    ]);
    expect(more.code).toBe(0);
    expect(more.json().files[0].added).toBeGreaterThan(0);

    // A second copy into the same, now non-empty, database is refused and changes nothing.
    const again = await runCli(["--db", file, "migrate", "--to", url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty \(meta: 1 rows, papers: \d+ rows/);
    expect(again.stderr).toMatch(/empty database/);
  });

  it("--to postgres reads DATABASE_URL; bad targets and sources are usage errors", async () => {
    const file = tempDb();
    const url = postgresArchive();
    expect((await runCli(["--db", file, "ingest", DAYS[0] as string])).code).toBe(0);
    const viaEnv = await runCli(["--db", file, "migrate", "--to", "postgres", "--json"], {
      env: { DATABASE_URL: url },
    });
    expect(viaEnv.code).toBe(0);
    expect(viaEnv.json().to).not.toContain("paperboy-test"); // the password is never printed

    const unset = await runCli(["--db", file, "migrate", "--to", "postgres"]);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/DATABASE_URL/);
    const notUrl = await runCli(["--db", file, "migrate", "--to", "mysql://x"]);
    expect(notUrl.stderr).toMatch(/not a postgres:\/\/ URL/);
    const fromPg = await runCli(["--db", url, "migrate", "--to", postgresArchive()]);
    expect(fromPg.code).toBe(2);
    expect(fromPg.stderr).toMatch(/already on PostgreSQL/);
    const missing = await runCli(["--db", `${file}.nope`, "migrate", "--to", url]);
    expect(missing.stderr).toMatch(/no archive at/);
  });

  it("export from PostgreSQL, ingest into SQLite, and back: the same archive each way", async () => {
    const url = postgresArchive();
    expect((await runCli(["--db", url, "ingest", ...DAYS])).code).toBe(0);
    const fromPg = await runCli(["--db", url, "export", "--format", "jsonl"]);
    expect(fromPg.code).toBe(0);
    const file = tempDb();
    expect((await runCli(["--db", file, "ingest", "-"], { stdin: fromPg.stdout })).code).toBe(0);
    const fromSqlite = await runCli(["--db", file, "export", "--format", "jsonl"]);
    expect(fromSqlite.stdout).toBe(fromPg.stdout);
    const back = postgresArchive();
    expect((await runCli(["--db", back, "ingest", "-"], { stdin: fromSqlite.stdout })).code).toBe(0);
    expect((await runCli(["--db", back, "export", "--format", "jsonl"])).stdout).toBe(fromPg.stdout);
  });
});
