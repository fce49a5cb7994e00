import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { integrityCheck } from "../../src/archive/backup.js";
import { tempDb, tempDir } from "../support/cli.js";
import { exited, spawnCli, waitForLine } from "../support/spawn.js";
import { writeSyntheticDays } from "../support/synthetic-days.js";

describe("crash safety", () => {
  it("kill -9 during a 50-day ingest leaves an intact archive of whole days; a rerun completes it", async () => {
    const dir = tempDir();
    const days = writeSyntheticDays(join(dir, "days"), 50);
    const db = tempDb();
    const child = spawnCli(["--db", db, "ingest", join(dir, "days")]);
    await waitForLine(child, "stderr", /^\[10\/50\] /);
    child.kill("SIGKILL");
    expect((await exited(child)).signal).toBe("SIGKILL");

    const check = new Database(db);
    try {
      expect(integrityCheck(check)).toEqual(["ok"]);
      const stored = check
        .prepare("SELECT date, COUNT(*) AS n FROM day_papers GROUP BY date ORDER BY date")
        .all() as { date: string; n: number }[];
      expect(stored.length).toBeGreaterThanOrEqual(10);
      expect(stored.length).toBeLessThan(50);
      const expected = new Map(days.map((d) => [d.date, d.papers]));
      for (const s of stored) expect(s.n, s.date).toBe(expected.get(s.date));
      const papers = (check.prepare("SELECT COUNT(*) AS n FROM papers").get() as { n: number }).n;
      expect(papers).toBe(stored.reduce((n, s) => n + s.n, 0));
    } finally {
      check.close();
    }

    const rerun = spawnCli(["--db", db, "ingest", join(dir, "days")]);
    expect((await exited(rerun)).code).toBe(0);
    const after = new Database(db, { readonly: true });
    try {
      const total = (after.prepare("SELECT COUNT(*) AS n FROM papers").get() as { n: number }).n;
      expect(total).toBe(days.reduce((n, d) => n + d.papers, 0));
    } finally {
      after.close();
    }
  }, 120_000);
});
