/** One real Slack adapter (Bolt HTTP receiver on a free loopback port) wired to a fake Web API. */

import type { App } from "@slack/bolt";
import type { SlackAdapterOptions } from "../../adapters/slack/options.js";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/slack-adapter.js";
import { OwedAnswerStore } from "../../src/archive/owed-answers.js";
import { Bot } from "../../src/bot/bot.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { DIGESTS } from "../support/fixtures.js";
import { FakeSlackApi } from "../support/slack-api.js";

export const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-1111-2222-testtoken";
/** PAPERBOY_SECRET_KEY of the tests (OAuth installs are stored sealed under it). */
export const SECRET_KEY = Buffer.alloc(32, 7);

export interface Harness {
  api: FakeSlackApi;
  engine: Paperboy;
  bot: Bot;
  adapter: SlackAdapter;
  clock: ManualClock;
  /** POST /slack/events on the adapter's port. */
  url: string;
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    invalidToken?: boolean;
    adapter?: Partial<SlackAdapterOptions>;
    /** Scripts the fake Web API before the adapter starts. */
    before?: (api: FakeSlackApi) => void;
    /** An archive file instead of memory. */
    dbPath?: string;
  } = {},
): Promise<Harness> {
  const api = new FakeSlackApi();
  if (options.invalidToken) api.identity = null;
  await api.start();
  options.before?.(api);
  const clock = new ManualClock("2025-08-13T09:00:00Z");
  const engine = Paperboy.open({ dbPath: options.dbPath ?? ":memory:", clock, secretKey: SECRET_KEY });
  engine.ingest([`${DIGESTS}daily-papers-aug-12.txt`], { date: "2025-08-12" });
  const bot = new Bot(engine, { clock, logger: silentLogger() });
  const adapter = createSlackAdapter(bot, {
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    apiUrl: api.url,
    port: 0,
    host: "127.0.0.1",
    logger: silentLogger(),
    clock,
    ...options.adapter,
  });
  await adapter.start();
  return {
    api,
    engine,
    bot,
    adapter,
    clock,
    url: `http://127.0.0.1:${adapter.port}/slack/events`,
    async close() {
      await adapter.stop();
      await api.close();
      engine.close();
    },
  };
}

/**
 * The archive's owed answers of the harness `h()` (made by startHarness, so read at first use),
 * claimed as `by`: an adapter answering as one replica of several on that archive.
 */
export function owedIn(h: () => Harness, by: string, leaseMs: number): SlackAdapterOptions["owed"] {
  const store = () => h().engine.store(OwedAnswerStore);
  return {
    store: {
      owe: (...a) => store().owe(...a),
      settle: (...a) => store().settle(...a),
      sending: (...a) => store().sending(...a),
      sent: (...a) => store().sent(...a),
      claimStale: (...a) => store().claimStale(...a),
      prune: (...a) => store().prune(...a),
    },
    by,
    leaseMs,
  };
}

/**
 * Makes `h`'s adapter stop dead between Bolt's ack and its listeners for the event `eventId`, as a
 * replica killed right after the ack: a middleware after paperboy's own that never goes on. The
 * Bolt App is the adapter's own (reached past `private`: no production seam exists for a fault).
 */
export function dieAfterAck(h: Harness, eventId: string): { reached: Promise<void>; revive(): void } {
  const app = (h.adapter as unknown as { built: { app: App } }).built.app;
  let reached!: () => void;
  let revive!: () => void;
  const reachedP = new Promise<void>((r) => (reached = r));
  const dead = new Promise<void>((r) => (revive = r));
  app.use(async ({ body, next }) => {
    if ((body as { event_id?: string }).event_id !== eventId) return next();
    reached();
    // Revived at the end of the test, it still runs no listener: that process is gone.
    await dead;
  });
  return { reached: reachedP, revive };
}
