/**
 * A replica keeps its copy of a PostgreSQL archive's search index on its own disk, named by the
 * archive's identity: a restart loads it and catches up on what other replicas stored meanwhile;
 * another archive never reads it.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { archiveId } from "../../src/archive/sql/migrate.js";
import { ManualClock } from "../../src/clock.js";
import { Paperboy } from "../../src/paperboy.js";
import { postgresArchive } from "../support/archive.js";
import { tempDir } from "../support/cli.js";

const DAY = (d: string) => `test/fixtures/digests/${d}.hf-api.json`;

describe("a replica's search index of a PostgreSQL archive", () => {
  it("is kept by archive identity, loaded on restart, caught up, and never read for another archive", () => {
    const url = postgresArchive();
    const dir = tempDir();
    const clock = new ManualClock("2026-02-05T09:00:00Z");
    const first = Paperboy.open({ dbPath: url, clock, indexDir: dir });
    first.ingest([DAY("2026-02-02")]);
    first.warmUp();
    const file = join(dir, `${archiveId(first.db)}.search`);
    first.close();
    expect(existsSync(file)).toBe(true);

    // Another replica (no cache of its own) stores a day while this one is down.
    const other = Paperboy.open({ dbPath: url, clock });
    other.ingest([DAY("2026-02-03")]);
    const newTitle = other.dayPage("2026-02-03", 0, 1).papers[0]?.title as string;
    const newId = other.dayPage("2026-02-03", 0, 1).papers[0]?.id;
    other.close();

    const restarted = Paperboy.open({ dbPath: url, clock, indexDir: dir });
    try {
      expect(restarted.search({ text: newTitle }).results[0]?.id).toBe(newId);
    } finally {
      restarted.close();
    }

    const elsewhere = Paperboy.open({ dbPath: postgresArchive(), clock, indexDir: dir });
    try {
      expect(elsewhere.search({ text: newTitle }).total).toBe(0);
      elsewhere.warmUp();
    } finally {
      elsewhere.close();
    }
    expect(readdirSync(dir).filter((f) => f.endsWith(".search"))).toHaveLength(2);
  });
});
