/** A real engine on a temporary archive, a real Bot, and the test adapter. */
import { TestAdapter } from "../../adapters/test/test-adapter.js";
import { Bot, type BotOptions } from "../../src/bot/bot.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { testArchive } from "./archive.js";
import { DIGESTS } from "./fixtures.js";

export interface BotHarness {
  engine: Paperboy;
  bot: Bot;
  adapter: TestAdapter;
  clock: ManualClock;
  dbPath: string;
  /** Closes the engine and opens a new process-like stack on the same archive. */
  restart(): BotHarness;
}

export function botHarness(
  options: { dbPath?: string; clock?: ManualClock; seed?: boolean; bot?: Partial<BotOptions> } = {},
): BotHarness {
  const dbPath = options.dbPath ?? testArchive();
  const clock = options.clock ?? new ManualClock("2026-02-05T09:00:00Z");
  const engine = Paperboy.open({ dbPath, clock, logger: silentLogger() });
  if (options.seed !== false && engine.papers.count() === 0) {
    engine.ingest([`${DIGESTS}daily-papers-aug-12.txt`], { date: "2025-08-12" });
  }
  const bot = new Bot(engine, { clock, logger: silentLogger(), ...options.bot });
  const adapter = new TestAdapter(bot, clock);
  return {
    engine,
    bot,
    adapter,
    clock,
    dbPath,
    restart() {
      engine.close();
      return botHarness({ dbPath, clock, seed: false, bot: options.bot });
    },
  };
}
