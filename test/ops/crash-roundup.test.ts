import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { integrityCheck } from "../../src/archive/backup.js";
import { sqliteHandle } from "../../src/archive/db.js";
import { addDays, dateInZone, ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { tempDir } from "../support/cli.js";
import { DIGESTS } from "../support/fixtures.js";
import { exited, spawnCli, waitForLine } from "../support/spawn.js";

describe("crash safety of the daily roundup", () => {
  it("kill -9 during a roundup post: after restart it is not posted again", async () => {
    const dir = tempDir();
    const db = join(dir, "archive.db");
    const today = dateInZone(new Date(), "UTC");
    // Subscribed yesterday for 00:00 UTC, so today's roundup is due as soon as serve starts.
    const seed = Paperboy.open({
      dbPath: db,
      clock: new ManualClock(`${addDays(today, -1)}T12:00:00Z`),
      logger: silentLogger(),
    });
    seed.channels.save({
      platform: "console",
      channel: "console",
      workspace: "",
      subscribed: true,
      timezone: "UTC",
      time: "00:00",
      filters: [],
    });
    seed.close();
    const digests = join(dir, "digests");
    mkdirSync(digests);
    copyFileSync(`${DIGESTS}2026-02-02.hf-api.json`, join(digests, `${today}.hf-api.json`));
    const config = join(dir, "paperboy.json");
    writeFileSync(
      config,
      JSON.stringify({
        console: { enabled: true },
        logging: { level: "debug" },
        source: { kind: "folder", path: digests, watch: false },
      }),
    );
    const env = { PORT: "0", OPS_PORT: "0", PAPERBOY_LOG_LEVEL: "debug" };
    const first = spawnCli(["--db", db, "--config", config, "serve"], env);
    first.stdin?.end();
    await waitForLine(first, "stdout", /^Papers of \d{4}-\d{2}-\d{2}\b/);
    first.kill("SIGKILL");
    expect((await exited(first)).signal).toBe("SIGKILL");

    const second = spawnCli(["--db", db, "--config", config, "serve"], env);
    second.stdin?.end();
    let out = "";
    second.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
    });
    // The first tick after the restart has looked at the due roundup and decided.
    await waitForLine(second, "stderr", /"msg":"scheduler tick"/);
    second.kill("SIGTERM");
    expect((await exited(second)).code).toBe(0);
    expect(out).not.toMatch(/Papers of/);

    const check = Paperboy.open({ dbPath: db, readonly: true, logger: silentLogger() });
    try {
      const rows = check.db.all(
        check.db.q.selectFrom("deliveries").select("status").where("date", "=", today),
      );
      expect(rows).toHaveLength(1);
      expect(["sent", "claimed"]).toContain(rows[0]?.status);
      expect(integrityCheck(sqliteHandle(check.db)!)).toEqual(["ok"]);
    } finally {
      check.close();
    }
  }, 120_000);
});
