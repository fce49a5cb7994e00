/**
 * A fresh replica of a PostgreSQL archive (no index file of its own) starts from the search index
 * snapshot the first replica wrote into the archive and catches up by revision on what others
 * stored since, instead of building from every row; a snapshot replaces the last one; a corrupt
 * or old-version snapshot is ignored with its reason logged, the index is built from the rows,
 * and a good snapshot takes its place.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { IndexSnapshotStore } from "../../src/archive/index-snapshots.js";
import { archiveId } from "../../src/archive/sql/migrate.js";
import { ManualClock } from "../../src/clock.js";
import { createLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { ANALYSIS_VERSION } from "../../src/search/persist.js";
import { postgresArchive } from "../support/archive.js";
import { tempDir } from "../support/cli.js";

const DAY = (d: string) => `test/fixtures/digests/${d}.hf-api.json`;

function logged() {
  const lines: { msg: string; reason?: string }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination: stream }) };
}

const clock = new ManualClock("2026-02-05T09:00:00Z");

/** An archive with a day in it and the first replica's snapshot; returns the day's first title. */
function seeded(): { url: string; title: string } {
  const url = postgresArchive();
  const first = Paperboy.open({ dbPath: url, clock, indexDir: tempDir() });
  first.ingest([DAY("2026-02-02")]);
  const title = first.dayPage("2026-02-02", 0, 1).papers[0]?.title as string;
  // The first search builds the index from the rows and writes the snapshot.
  expect(first.search({ text: title }).total).toBeGreaterThan(0);
  first.close();
  return { url, title };
}

describe("the archive's search index snapshot", () => {
  it("starts a fresh replica, which catches up on what was stored since; a new one replaces it", () => {
    const { url } = seeded();
    const other = Paperboy.open({ dbPath: url, clock });
    const snapshots = other.store(IndexSnapshotStore);
    const before = snapshots.info("search");
    expect(before?.analysis).toBe(ANALYSIS_VERSION);
    expect(before?.revision).toBe(other.papers.revision());
    // Another replica stores a day after the snapshot was written.
    other.ingest([DAY("2026-02-03")]);
    const newPaper = other.dayPage("2026-02-03", 0, 1).papers[0] as { id: string; title: string };
    other.close();

    const dir = tempDir();
    const { lines, logger } = logged();
    const fresh = Paperboy.open({ dbPath: url, clock, indexDir: dir, logger });
    try {
      expect(fresh.search({ text: newPaper.title }).results[0]?.id).toBe(newPaper.id);
      const messages = lines.map((l) => l.msg);
      expect(messages).toContain("search index loaded from the archive's snapshot; catching up");
      expect(messages.filter((m) => /building the index from the archive/.test(m))).toEqual([]);
      // The fresh replica now has its own file, for its restarts.
      expect(existsSync(join(dir, `${archiveId(fresh.db)}.search`))).toBe(true);
      // A few papers behind is not worth rewriting the snapshot: it is the first replica's still.
      expect(fresh.store(IndexSnapshotStore).info("search")?.revision).toBe(before?.revision);

      // A snapshot replaces the last one (the store's own write, as a replica that rebuilt does).
      const store = fresh.store(IndexSnapshotStore);
      const old = store.read("search");
      const next = { revision: fresh.papers.revision(), analysis: ANALYSIS_VERSION, checksum: "c2" };
      expect(store.write("search", next, Buffer.alloc(10, 1))).toBe(true);
      expect(store.rows("search")).toBe(1);
      // An older one than what is there is not written over it.
      expect(store.write("search", { ...next, revision: next.revision - 1 }, old?.bytes as Buffer)).toBe(
        false,
      );
      expect(store.info("search")?.checksum).toBe("c2");
    } finally {
      fresh.close();
    }
  });

  it("a corrupt or old-version snapshot is ignored with its reason; the index is built and a good one written", () => {
    const { url, title } = seeded();
    const admin = Paperboy.open({ dbPath: url, clock });
    const store = admin.store(IndexSnapshotStore);
    const good = store.read("search");
    if (!good) throw new Error("the first replica wrote no snapshot");
    admin.db.run(
      sql`UPDATE index_snapshots SET bytes = substring(bytes from 1 for 3000) WHERE kind = 'search'`.compile(
        admin.db.q,
      ),
    );

    const tryReplica = () => {
      const { lines, logger } = logged();
      // No index directory: the snapshot is this replica's only way to skip the build.
      const replica = Paperboy.open({ dbPath: url, clock, logger });
      try {
        expect(replica.search({ text: title }).total).toBeGreaterThan(0);
      } finally {
        replica.close();
      }
      return lines.find((l) => /snapshot not usable/.test(l.msg))?.reason;
    };
    expect(tryReplica()).toMatch(/do not decompress.*damaged/);
    // The replica that built the index wrote a good snapshot in place of the corrupt one.
    expect(store.info("search")?.checksum).toBe(good.info.checksum);

    // A snapshot made by another analysis version (a newer or older paperboy) is not read.
    const older = Buffer.from(
      good.bytes.toString("latin1").replace(`"analysis":${ANALYSIS_VERSION}`, '"analysis":4'),
      "latin1",
    );
    expect(store.write("search", { revision: good.info.revision, analysis: 4, checksum: "old" }, older)).toBe(
      true,
    );
    expect(tryReplica()).toMatch(new RegExp(`analysis version 4, this is ${ANALYSIS_VERSION}`));
    expect(store.info("search")?.analysis).toBe(ANALYSIS_VERSION);
    expect(store.rows("search")).toBe(1);
    admin.close();
  });
});

describe("the archive's semantic space snapshot", () => {
  it("a fresh replica answers with the space another fitted, without fitting; its restarts load its own file", () => {
    const url = postgresArchive();
    const writerLog = logged();
    const writer = Paperboy.open({ dbPath: url, clock, indexDir: tempDir(), logger: writerLog.logger });
    writer.ingest([DAY("2026-02-02"), DAY("2026-02-03")]);
    writer.searchService.warmUp();
    expect(writer.searchService.semanticSource()).toBe("fitted");
    expect(writerLog.lines.map((l) => l.msg)).toContain("semantic space snapshot written to the archive");
    const written = writer.searchService.semanticInfo();
    const query = "reasoning with language model agents";
    const expected = writer.search({ text: query }).results.map((r) => [r.id, r.score]);
    const stored = writer.store(IndexSnapshotStore).info("semantic");
    expect(stored?.revision).toBe(writer.papers.revision());
    expect(stored?.checksum).toBe(written?.fingerprint);
    writer.close();

    const dir = tempDir();
    const { lines, logger } = logged();
    const fresh = Paperboy.open({ dbPath: url, clock, indexDir: dir, logger });
    try {
      fresh.searchService.warmUp();
      expect(fresh.searchService.semanticSource()).toBe("snapshot");
      const messages = lines.map((l) => l.msg);
      expect(messages).toContain("semantic space loaded from the archive's snapshot");
      expect(messages).not.toContain("semantic space fitted");
      expect(fresh.searchService.semanticInfo()).toEqual({ ...written, source: "snapshot" });
      // The re-ranker reads the semantic space: the same space gives the writer's very scores.
      expect(fresh.search({ text: query }).results.map((r) => [r.id, r.score])).toEqual(expected);
      expect(existsSync(join(dir, `${archiveId(fresh.db)}.search.semantic`))).toBe(true);
    } finally {
      fresh.close();
    }
    const restarted = Paperboy.open({ dbPath: url, clock, indexDir: dir });
    try {
      restarted.searchService.warmUp();
      expect(restarted.searchService.semanticSource()).toBe("file");
      expect(restarted.searchService.semanticInfo()?.fingerprint).toBe(written?.fingerprint);
    } finally {
      restarted.close();
    }
  });

  it("without one (an older writer) or with a damaged one, a fresh replica fits the space as before and writes it", () => {
    const url = postgresArchive();
    const writer = Paperboy.open({ dbPath: url, clock });
    writer.ingest([DAY("2026-02-02")]);
    writer.searchService.warmUp();
    const fingerprint = writer.searchService.semanticInfo()?.fingerprint;
    const fresh = () => {
      const { lines, logger } = logged();
      const replica = Paperboy.open({ dbPath: url, clock, logger });
      try {
        replica.searchService.warmUp();
        expect(replica.searchService.semanticSource()).toBe("fitted");
        expect(replica.searchService.semanticInfo()?.fingerprint).toBe(fingerprint);
      } finally {
        replica.close();
      }
      return lines.find((l) => /semantic space snapshot not usable/.test(l.msg))?.reason;
    };
    writer.db.run(sql`DELETE FROM index_snapshots WHERE kind = 'semantic'`.compile(writer.db.q));
    expect(fresh()).toBe("there is none yet");
    const store = writer.store(IndexSnapshotStore);
    expect(store.info("semantic")?.checksum).toBe(fingerprint);
    writer.db.run(
      sql`UPDATE index_snapshots SET bytes = substring(bytes from 1 for 300) WHERE kind = 'semantic'`.compile(
        writer.db.q,
      ),
    );
    expect(fresh()).toMatch(/do not decompress.*damaged/);
    writer.close();
  });
});
