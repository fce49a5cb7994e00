/**
 * Soak: many commands through the test adapter (same interface as the real adapters) on a real
 * archive. Resident memory after all of them must stay within 10% of what it was after the first
 * tenth: a leak (caches, rate-limit buckets, thread history in memory) shows up here.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TestAdapter } from "../../adapters/test/test-adapter.js";
import { Bot } from "../../src/bot/bot.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";

const DIGESTS = fileURLToPath(new URL("../../test/fixtures/digests/", import.meta.url));

export interface SoakResult {
  commands: number;
  rssAfterWarmupMb: number;
  rssAfterMb: number;
  growthPct: number;
  commandsPerSecond: number;
}

function rssMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
}

export async function runSoak(total: number): Promise<SoakResult> {
  const dir = mkdtempSync(join(tmpdir(), "paperboy-soak-"));
  const clock = new ManualClock("2026-02-05T09:00:00Z");
  const engine = Paperboy.open({ dbPath: join(dir, "soak.db"), clock, logger: silentLogger() });
  engine.ingest([`${DIGESTS}daily-papers-aug-12.txt`], { date: "2025-08-12" });
  for (const d of ["2026-02-02", "2026-02-03", "2026-02-04"]) engine.ingest([`${DIGESTS}${d}.hf-api.json`]);
  const bot = new Bot(engine, {
    clock,
    logger: silentLogger(),
    rateLimits: {
      perUser: { capacity: 30, refillPerMinute: 600 },
      perChannel: { capacity: 100, refillPerMinute: 6000 },
    },
  });
  const adapter = new TestAdapter(bot, clock);
  const ids = engine.papers.day("2026-02-03").map((p) => p.id);
  await adapter.say(`discuss ${ids[0]}`);
  const thread = adapter.lastThread as string;
  const words = [
    "sparse attention",
    "pruning",
    "agents tool use",
    "video diffusion",
    "reinforcement learning reward",
    "quantization",
  ];
  const commands = (i: number): string => {
    const id = ids[i % ids.length];
    switch (i % 10) {
      case 0:
        return `search ${words[i % words.length]}`;
      case 1:
        return `show ${id}`;
      case 2:
        return `summary ${id}`;
      case 3:
        return `related ${id}`;
      case 4:
        return "today";
      case 5:
        return "what is the speedup?";
      case 6:
        return `search ${words[(i + 3) % words.length]} offset:5`;
      case 7:
        return "bogus command";
      case 8:
        return `code ${id}`;
      default:
        return "help";
    }
  };
  const warmup = Math.max(1, Math.floor(total / 10));
  let rssAfterWarmupMb = 0;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    clock.advance(250);
    const text = commands(i);
    // Many users and channels, as in a busy workspace; the thread question goes to the thread.
    await adapter.say(text, {
      user: `U${i % 500}`,
      channel: `C${i % 50}`,
      ...(i % 10 === 5 ? { thread, channel: "C1" } : {}),
    });
    if (i + 1 === warmup) rssAfterWarmupMb = rssMb();
  }
  const seconds = (performance.now() - started) / 1000;
  const rssAfterMb = rssMb();
  engine.close();
  adapter.posted.length = 0;
  return {
    commands: total,
    rssAfterWarmupMb: Math.round(rssAfterWarmupMb * 10) / 10,
    rssAfterMb: Math.round(rssAfterMb * 10) / 10,
    growthPct: Math.round(((rssAfterMb - rssAfterWarmupMb) / rssAfterWarmupMb) * 1000) / 10,
    commandsPerSecond: Math.round(total / seconds),
  };
}
