/** One local Discord + a real discord.js client running paperboy's Discord adapter, for tests. */
import { Writable } from "node:stream";
import { createDiscordAdapter, type DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import type { DiscordAdapterOptions } from "../../adapters/discord/options.js";
import { Bot } from "../../src/bot/bot.js";
import type { Reply } from "../../src/bot/replies.js";
import { ManualClock } from "../../src/clock.js";
import { createLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { DiscordStandIn, IDS } from "../support/discord-stand-in.js";
import { DIGESTS, HOSTILE } from "../support/fixtures.js";

export interface Harness {
  discord: DiscordStandIn;
  adapter: DiscordAdapter;
  engine: Paperboy;
  bot: Bot;
  clock: ManualClock;
  /** Every log line the adapter wrote, parsed. */
  logs: Record<string, any>[];
  close(): Promise<void>;
}

export async function startHarness(options: Partial<DiscordAdapterOptions> = {}): Promise<Harness> {
  const clock = new ManualClock("2025-08-13T09:00:00Z");
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ level: "info", destination: sink });
  const engine = Paperboy.open({ dbPath: ":memory:", clock, logger });
  engine.ingest([`${DIGESTS}daily-papers-aug-12.txt`], { date: "2025-08-12" });
  engine.ingest([`${HOSTILE}mentions-and-markup.txt`], { date: "2025-03-03" });
  const bot = new Bot(engine, {
    clock,
    logger,
    rateLimits: {
      perUser: { capacity: 1000, refillPerMinute: 1000 },
      perChannel: { capacity: 1000, refillPerMinute: 1000 },
    },
  });
  const discord = await DiscordStandIn.start();
  const adapter = createDiscordAdapter(bot, {
    token: "test-token.not-a-secret",
    applicationId: IDS.app,
    apiUrl: discord.apiUrl,
    logger,
    clock,
    ...options,
  });
  await adapter.start();
  return {
    discord,
    adapter,
    engine,
    bot,
    clock,
    logs,
    async close() {
      await adapter.stop();
      await discord.close();
      engine.close();
    },
  };
}

/** The roundup of the sample day (2025-08-12) as the scheduler asks for it in the harness channel. */
export async function sampleDayRoundup(h: Harness): Promise<Reply> {
  const [roundup] = await h.bot.handle(
    { name: "roundup", date: "2025-08-12" },
    { platform: "discord", workspace: IDS.guild, channel: IDS.channel, user: "scheduler", at: h.clock.now() },
  );
  if (!roundup) throw new Error("the sample day's roundup gave no reply");
  return roundup;
}
