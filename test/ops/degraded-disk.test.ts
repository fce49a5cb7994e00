import { describe, expect, it } from "vitest";
import { integrityCheck } from "../../src/archive/backup.js";
import { sqliteHandle } from "../../src/archive/db.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { botHarness } from "../support/bot.js";
import { runCli, tempDb } from "../support/cli.js";
import { DIGESTS, HOSTILE } from "../support/fixtures.js";

describe("read-only archive and full disk", () => {
  it("read-only: reads still answer, writes fail with a clear message, nothing changes", async () => {
    const db = tempDb();
    await runCli(["--db", db, "ingest", `${DIGESTS}daily-papers-aug-12.txt`, "--date", "2025-08-12"]);
    const before = (await runCli(["--db", db, "export"])).stdout;
    const engine = Paperboy.open({
      dbPath: db,
      readonly: true,
      clock: new ManualClock("2026-02-05T09:00:00Z"),
      logger: silentLogger(),
    });
    try {
      expect(engine.db.readonly).toBe(true);
      const report = engine.ingest([`${DIGESTS}2026-02-02.hf-api.json`]);
      expect(report.failed).toBe(1);
      expect(report.files[0]?.error).toMatchObject({ code: "E_DATABASE_READONLY" });
      expect(report.files[0]?.error?.message).toMatch(/read-only.*reads still work.*writable/);
      expect(engine.search({ text: "sparse attention" }).results.length).toBeGreaterThan(0);
      expect(engine.paper(engine.papers.day("2025-08-12")[0]!.id).title).toBeTruthy();
    } finally {
      engine.close();
    }
    expect((await runCli(["--db", db, "export"])).stdout).toBe(before);
  });

  it("a bot on a read-only archive answers reads and refuses subscribe clearly", async () => {
    const db = tempDb();
    botHarness({ dbPath: db }).engine.close();
    const engine = Paperboy.open({ dbPath: db, readonly: true, logger: silentLogger() });
    const { Bot } = await import("../../src/bot/bot.js");
    const { TestAdapter } = await import("../../adapters/test/test-adapter.js");
    const clock = new ManualClock("2026-02-05T09:00:00Z");
    const adapter = new TestAdapter(new Bot(engine, { clock, logger: silentLogger() }), clock);
    try {
      expect((await adapter.say("search pruning"))[0]?.kind).toBe("results");
      const sub = await adapter.say("subscribe");
      expect(sub[0]).toMatchObject({ kind: "notice", level: "error", code: "E_DATABASE_READONLY" });
    } finally {
      engine.close();
    }
  });

  it("disk full: the failing ingest stores nothing and the archive stays intact", async () => {
    const db = tempDb();
    const engine = Paperboy.open({ dbPath: db, logger: silentLogger() });
    try {
      engine.ingest([`${DIGESTS}2026-02-02.hf-api.json`]);
      const before = engine.papers.count();
      const sqlite = sqliteHandle(engine.db)!;
      const pages = (sqlite.pragma("page_count") as { page_count: number }[])[0]!.page_count;
      // SQLite's own limit on the file size: the same SQLITE_FULL a full disk gives.
      sqlite.pragma(`max_page_count = ${pages + 2}`);
      const report = engine.ingest([`${HOSTILE}oversized.txt`], { date: "2026-03-04" });
      expect(report.files[0]?.error).toMatchObject({ code: "E_DATABASE_FULL" });
      expect(report.files[0]?.error?.message).toMatch(/disk is full.*nothing was changed/);
      expect(engine.papers.count()).toBe(before);
      expect(integrityCheck(sqlite)).toEqual(["ok"]);
    } finally {
      engine.close();
    }
  });
});
