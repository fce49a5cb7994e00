/**
 * The roundup's heavy part in a worker thread (what `serve` does) gives the very roundup the
 * inline path gives, reply lines included (display titles, keys, TL;DRs), on SQLite and on
 * PostgreSQL (where the worker opens its own connection to the server).
 */
import { describe, expect, it } from "vitest";
import { buildRoundup } from "../../src/bot/roundup.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { type TopicsRunner, topicsInWorker } from "../../src/topics/in-worker.js";
import { TEST_ENGINE, testArchive } from "../support/archive.js";

const DATE = "2026-02-03";

describe(`the roundup job in a worker (${TEST_ENGINE})`, () => {
  it("gives the same roundup and reply as the inline path", async () => {
    const dbPath = testArchive();
    const clock = new ManualClock("2026-02-05T09:00:00Z");
    const seed = Paperboy.open({ dbPath, clock, indexPath: null, logger: silentLogger() });
    seed.ingest([`test/fixtures/digests/${DATE}.hf-api.json`]);
    seed.close();

    const inWorker = topicsInWorker();
    const jobs: string[] = [];
    const counted: TopicsRunner = (job) => {
      jobs.push(job.date);
      return inWorker(job);
    };
    const served = Paperboy.open({ dbPath, clock, indexPath: null, topics: counted, logger: silentLogger() });
    const inline = Paperboy.open({ dbPath, clock, indexPath: null, logger: silentLogger() });
    try {
      const fromWorker = await served.prepareRoundup(DATE);
      // The worker ran (no inline fallback on either engine), once.
      expect(jobs).toEqual([DATE]);
      const here = inline.roundup(DATE);
      expect(fromWorker.count).toBeGreaterThan(20);
      expect(fromWorker).toEqual(here);
      // Every grouped paper has its line, with the key the archive gives it.
      const grouped = fromWorker.topics.flatMap((t) => t.papers);
      expect(fromWorker.lines.size).toBe(grouped.length);
      for (const p of grouped) expect(fromWorker.lines.get(p.id)?.pk).toBe(inline.papers.resolve(p.id));
      const reply = buildRoundup(served, DATE, { roundup: fromWorker, filters: ["model"] });
      expect(reply).toEqual(buildRoundup(inline, DATE, { filters: ["model"] }));
      expect(reply.topics.some((t) => t.papers.some((p) => p.tldr))).toBe(true);
    } finally {
      served.close();
      inline.close();
    }
  });
});
