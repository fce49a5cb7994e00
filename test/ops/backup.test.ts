import { chmodSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { Paperboy } from "../../src/paperboy.js";
import { runCli, tempDb, tempDir } from "../support/cli.js";
import { DIGESTS, HOSTILE } from "../support/fixtures.js";

describe("backup and restore", () => {
  it("backs up a live archive, restores it, and refuses to overwrite a newer archive without --force", async () => {
    const clock = new ManualClock("2026-02-02T08:00:00Z");
    const db = tempDb();
    await runCli(["--db", db, "ingest", `${DIGESTS}2026-02-02.hf-api.json`], { clock });
    const file = join(tempDir(), "backup.db");
    const b = await runCli(["--db", db, "--json", "backup", file], { clock });
    expect(b.code).toBe(0);
    expect(b.json()).toMatchObject({ papers: 38, lastChange: "2026-02-02T08:00:00.000Z" });
    const exportBefore = (await runCli(["--db", db, "export"])).stdout;

    clock.advance(3600_000);
    await runCli(["--db", db, "ingest", `${DIGESTS}2026-02-03.hf-api.json`], { clock });
    const refused = await runCli(["--db", db, "restore", file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/changed at 2026-02-02T09:00:00.000Z, after the backup .*--force/);
    expect((await runCli(["--db", db, "list", "--date", "2026-02-03", "--json"])).json().papers).toHaveLength(
      64,
    );

    const forced = await runCli(["--db", db, "restore", file, "--force"]);
    expect(forced.code).toBe(0);
    expect((await runCli(["--db", db, "export"])).stdout).toBe(exportBefore);

    const fresh = tempDb();
    expect((await runCli(["--db", fresh, "restore", file])).code).toBe(0);
    expect((await runCli(["--db", fresh, "export"])).stdout).toBe(exportBefore);
  });

  it("creates the archive, its WAL, backups and restored archives readable by their owner only (0600)", async () => {
    const mode = (f: string) => statSync(f).mode & 0o777;
    const db = tempDb();
    const engine = Paperboy.open({ dbPath: db });
    try {
      engine.ingest([`${DIGESTS}2026-02-02.hf-api.json`]);
      expect(mode(db)).toBe(0o600);
      expect(mode(`${db}-wal`)).toBe(0o600);
      expect(mode(`${db}-shm`)).toBe(0o600);
    } finally {
      engine.close();
    }
    const file = join(tempDir(), "backup.db");
    expect((await runCli(["--db", db, "backup", file])).code).toBe(0);
    expect(mode(file)).toBe(0o600);
    const restored = tempDb();
    expect((await runCli(["--db", restored, "restore", file])).code).toBe(0);
    expect(mode(restored)).toBe(0o600);
    // An archive made 0644 by an older paperboy is narrowed when opened for writing.
    chmodSync(db, 0o644);
    expect((await runCli(["--db", db, "list"])).code).toBe(0);
    expect(mode(db)).toBe(0o600);
  });

  it("refuses a file that is not a paperboy archive, and a missing one, with exit 1", async () => {
    const db = tempDb();
    const notDb = await runCli(["--db", db, "restore", `${HOSTILE}not-a-digest.html`]);
    expect(notDb.code).toBe(1);
    expect(notDb.stderr).toMatch(/not a (paperboy archive|database)/);
    const missing = await runCli(["--db", db, "restore", "/nonexistent/backup.db"]);
    expect(missing.stderr).toMatch(/no such backup file/);
  });
});
