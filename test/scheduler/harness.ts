import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
/** A paperboy with a manual clock, a test adapter and a scheduler, on a temp archive file. */
import { TestAdapter } from "../../adapters/test/test-adapter.js";
import { Bot } from "../../src/bot/bot.js";
import type { RoundupReply } from "../../src/bot/replies.js";
import type { ManualClock } from "../../src/clock.js";
import type { DigestSource } from "../../src/fetch/source.js";
import { type Logger, silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { type DeliveryEvent, Scheduler, type SchedulerSettings } from "../../src/scheduler/scheduler.js";
import { tempDb, tempDir } from "../support/cli.js";

export const FIXTURE_API = "test/fixtures/digests/2026-02-02.hf-api.json";

/**
 * The first `n` entries of the API fixture as a digest file: schedule tests post many roundups,
 * and the day's topic grouping (not what they test) costs time in proportion to the papers.
 */
export function smallDigest(n = 6): string {
  const entries = (JSON.parse(readFileSync(FIXTURE_API, "utf8")) as unknown[]).slice(0, n);
  const path = join(tempDir(), "small.hf-api.json");
  writeFileSync(path, JSON.stringify(entries));
  return path;
}

/**
 * A small digest of `date` with papers of its own: the fixture's first `n` entries under new ids
 * ("2603.23001" for 2026-03-23) and dated that day, so a range of days holds distinct papers.
 */
export function smallDayOf(date: string, n = 4): string {
  const [yyyy, mm, dd] = date.split("-") as [string, string, string];
  const entries = (
    JSON.parse(readFileSync(FIXTURE_API, "utf8")) as {
      paper: { id: string; title: string; [k: string]: unknown };
      [k: string]: unknown;
    }[]
  )
    .slice(0, n)
    .map((e, k) => {
      const id = `${yyyy.slice(2)}${mm}.${dd}${String(k + 1).padStart(3, "0")}`;
      const publishedAt = `${date}T00:00:00.000Z`;
      return {
        ...e,
        publishedAt,
        paper: { ...e.paper, id, title: `${e.paper.title} (${date})`, publishedAt },
      };
    });
  const path = join(tempDir(), `${date}.hf-api.json`);
  writeFileSync(path, JSON.stringify(entries));
  return path;
}

export const SETTINGS: SchedulerSettings = {
  timezone: "UTC",
  fetchAt: "06:00",
  fetchRetryMinutes: 15,
  lateAfterMinutes: 10,
  catchUp: { enabled: true, lookbackDays: 3 },
  postRetries: { attempts: 3, backoffMs: 60_000, maxBackoffMs: 10 * 60_000 },
};

export interface Instance {
  engine: Paperboy;
  bot: Bot;
  adapter: TestAdapter;
  scheduler: Scheduler;
  /** Every posted/skipped/failed event with the clock time it happened at. */
  events: { name: string; at: Date; event: DeliveryEvent }[];
  close(): Promise<void>;
}

export function instance(
  dbPath: string,
  clock: ManualClock,
  options: {
    source?: DigestSource | null;
    settings?: Partial<SchedulerSettings>;
    logger?: Logger;
    id?: string;
  } = {},
): Instance {
  const logger = options.logger ?? silentLogger();
  const engine = Paperboy.open({ dbPath, clock, logger, indexPath: null });
  const bot = new Bot(engine, { clock, logger });
  const adapter = new TestAdapter(bot, clock);
  void adapter.start();
  const scheduler = new Scheduler({
    engine,
    adapters: [adapter],
    source: options.source ?? null,
    settings: { ...SETTINGS, ...options.settings },
    clock,
    logger,
    instanceId: options.id,
  });
  const events: Instance["events"] = [];
  for (const name of ["posted", "skipped", "post-failed", "gave-up"]) {
    scheduler.on(name, (event: DeliveryEvent) => events.push({ name, at: clock.now(), event }));
  }
  return {
    engine,
    bot,
    adapter,
    scheduler,
    events,
    async close() {
      await scheduler.stop();
      engine.close();
    },
  };
}

export function newDb(): string {
  return tempDb();
}

/** The roundups an adapter posted, with their channel. */
export function roundups(i: Instance): { channel: string; reply: RoundupReply }[] {
  return i.adapter.posted.flatMap((p) =>
    p.replies
      .filter((r): r is RoundupReply => r.kind === "roundup")
      .map((reply) => ({ channel: p.target.channel, reply })),
  );
}

/** Ticks every `stepMs` from the clock's time until `until`, like croner would. */
export async function runUntil(
  i: Instance | Instance[],
  clock: ManualClock,
  until: string,
  stepMs: number,
): Promise<void> {
  const all = Array.isArray(i) ? i : [i];
  const end = new Date(until).getTime();
  while (clock.now().getTime() <= end) {
    for (const x of all) await x.scheduler.tick();
    clock.advance(stepMs);
  }
}

/** "HH:MM" of an instant in a zone. */
export function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}
