/**
 * Rate limits hold across replicas: two engines (two `serve` processes) on one archive draw from
 * the same buckets, so together they allow one burst, not two; the injected clock refills them,
 * and buckets that have refilled to full are swept. Runs on SQLite and on PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { RateBucketStore } from "../../src/archive/rate-buckets.js";
import { ManualClock } from "../../src/clock.js";
import { Paperboy } from "../../src/paperboy.js";
import { testArchive } from "../support/archive.js";
import { botHarness } from "../support/bot.js";

const LIMITS = {
  perUser: { capacity: 3, refillPerMinute: 6 },
  perChannel: { capacity: 5, refillPerMinute: 60 },
};

const ctx = (user: string, channel = "C1") => ({
  platform: "test",
  workspace: "W1",
  channel,
  user,
  at: new Date(),
  mustAnswer: true,
});

const limited = (replies: { kind: string; text?: string }[]) =>
  replies.some((r) => r.kind === "notice" && /Slow down/.test(r.text ?? ""));

describe("rate limits across replicas", () => {
  it("two engines on one archive share the burst; the clock refills it", async () => {
    const clock = new ManualClock("2026-02-05T09:00:00Z");
    const a = botHarness({ clock, bot: { rateLimits: LIMITS } });
    const b = botHarness({ dbPath: a.dbPath, clock, seed: false, bot: { rateLimits: LIMITS } });
    try {
      const outcomes: boolean[] = [];
      // Alternating replicas: three commands in all get through, not three on each.
      for (const h of [a, b, a, b, a, b]) outcomes.push(limited(await h.bot.handle("help", ctx("U1"))));
      expect(outcomes).toEqual([false, false, false, true, true, true]);
      const notice = (await b.bot.handle("help", ctx("U1")))[0] as { text: string };
      // 6 a minute: the next token is 10 s away.
      expect(notice.text).toMatch(/Try again in 10 s/);

      // Another user has their own bucket; the channel's (5) is now down to 1 across both.
      expect(limited(await b.bot.handle("help", ctx("U2")))).toBe(false);
      expect(limited(await a.bot.handle("help", ctx("U3")))).toBe(false);
      const channelHit = (await b.bot.handle("help", ctx("U4")))[0] as { text: string };
      expect(channelHit.text).toMatch(/in this channel/);

      // 10 s later one token is back for U1, on either replica, and only one.
      clock.advance(10_000);
      expect(limited(await b.bot.handle("help", ctx("U1", "C2")))).toBe(false);
      expect(limited(await a.bot.handle("help", ctx("U1", "C2")))).toBe(true);
    } finally {
      a.engine.close();
      b.engine.close();
    }
  });

  it("a request re-run by the replica that took it over is not counted again", async () => {
    const clock = new ManualClock("2026-02-05T09:00:00Z");
    const h = botHarness({ clock, bot: { rateLimits: LIMITS } });
    try {
      // U1 spends the burst (3) on the replica that acked and then died.
      for (let i = 0; i < 3; i++) expect(limited(await h.bot.handle("help", ctx("U1")))).toBe(false);
      // The take-over re-runs one of those requests: answered, and the bucket is left as it was.
      expect(limited(await h.bot.handle("help", { ...ctx("U1"), retaken: true }))).toBe(false);
      expect(limited(await h.bot.handle("help", ctx("U1")))).toBe(true);
    } finally {
      h.engine.close();
    }
  });

  it("sweeps buckets that have refilled to full", () => {
    const clock = new ManualClock("2026-02-05T09:00:00Z");
    const engine = Paperboy.open({ dbPath: testArchive(), clock });
    try {
      const store = engine.store(RateBucketStore);
      const t0 = clock.now().getTime();
      for (let i = 0; i < 20; i++) store.take(`user:u${i}`, LIMITS.perUser, t0);
      expect(store.count()).toBe(20);
      // One minute on, every bucket has its 6 tokens back (capacity 3): the next take sweeps them.
      expect(store.take("user:late", LIMITS.perUser, t0 + 60_000)).toBe(0);
      expect(store.count()).toBe(1);
    } finally {
      engine.close();
    }
  });

  it("a read-only archive still limits, in memory", () => {
    const clock = new ManualClock("2026-02-05T09:00:00Z");
    const path = testArchive();
    Paperboy.open({ dbPath: path, clock }).close();
    const engine = Paperboy.open({ dbPath: path, clock, readonly: true });
    try {
      const store = engine.store(RateBucketStore);
      const now = clock.now().getTime();
      const takes = [0, 1, 2, 3].map(() => store.take("user:ro", LIMITS.perUser, now));
      expect(takes).toEqual([0, 0, 0, 10_000]);
    } finally {
      engine.close();
    }
  });
});
