/**
 * A roundup posted, then the process killed before it recorded "sent": the claim is taken over
 * after its lease, and the new owner looks for the delivery's mark in the channel's history
 * (Slack message metadata, a Discord embed footer) instead of posting it again. Posts are
 * resumed part by part: only what is missing goes out.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { createDiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/slack-adapter.js";
import type { Adapter, DeliveryMark } from "../../src/bot/adapter.js";
import { Bot } from "../../src/bot/bot.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { Scheduler } from "../../src/scheduler/scheduler.js";
import { tempDb } from "../support/cli.js";
import { DiscordStandIn, IDS } from "../support/discord-stand-in.js";
import { oversizedRoundup } from "../support/roundup-replies.js";
import { FakeSlackApi } from "../support/slack-api.js";
import { SETTINGS, smallDigest } from "./harness.js";

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

type Make = (bot: Bot, clock: ManualClock) => Promise<Adapter>;

async function slackPlatform(clock: ManualClock) {
  const api = new FakeSlackApi();
  api.nowMs = () => clock.now().getTime();
  await api.start();
  cleanup.push(() => api.close());
  const make: Make = async (bot, c) => {
    const a = createSlackAdapter(bot, {
      botToken: "xoxb-1111-2222-marks",
      signingSecret: "0123456789abcdef0123456789abcdef",
      apiUrl: api.url,
      port: 0,
      host: "127.0.0.1",
      logger: silentLogger(),
      clock: c,
    });
    await a.start();
    return a;
  };
  return {
    make,
    channel: "C1",
    workspace: "T1",
    /** Top-level posts that reached the channel. */
    posts: () => api.posted("C1").filter((m) => !m.thread_ts).length,
    /** The last post is lost (never reached Slack). */
    loseLast: () => {
      const last = api.of("chat.postMessage").at(-1);
      if (last) last.deleted = true;
    },
    historyReads: () => api.of("conversations.history").length,
  };
}

async function discordPlatform(clock: ManualClock) {
  const d = await DiscordStandIn.start();
  d.nowMs = () => clock.now().getTime();
  cleanup.push(() => d.close());
  const make: Make = async (bot, c) => {
    const a = createDiscordAdapter(bot, {
      token: "test-token.not-a-secret",
      applicationId: IDS.app,
      apiUrl: d.apiUrl,
      logger: silentLogger(),
      clock: c,
    });
    await a.start();
    return a;
  };
  const inChannel = () => [...d.messages.values()].filter((m) => m.channel_id === IDS.channel && !m.deleted);
  return {
    make,
    channel: IDS.channel,
    workspace: IDS.guild,
    posts: () => inChannel().length,
    loseLast: () => {
      const last = inChannel().at(-1);
      if (last) last.deleted = true;
    },
    historyReads: () => d.callsTo("GET", /^\/channels\/\d+\/messages$/).length,
  };
}

const PLATFORMS = [
  ["slack", slackPlatform],
  ["discord", discordPlatform],
] as const;

describe.each(PLATFORMS)("%s: a roundup posted before a kill -9", (name, platformOf) => {
  async function scenario(loseThePost: boolean) {
    const clock = new ManualClock("2026-02-02T07:00:00Z");
    const p = await platformOf(clock);
    const db = tempDb();
    const seed = Paperboy.open({ dbPath: db, clock, indexPath: null });
    seed.ingest([smallDigest()], { date: "2026-02-02" });
    seed.channels.save({
      platform: name,
      channel: p.channel,
      workspace: p.workspace,
      subscribed: true,
      timezone: "UTC",
      time: "09:00",
      filters: [],
    });
    seed.close();
    const run = async (id: string) => {
      const engine = Paperboy.open({ dbPath: db, clock, indexPath: null });
      const adapter = await p.make(new Bot(engine, { clock, logger: silentLogger() }), clock);
      const scheduler = new Scheduler({
        engine,
        adapters: [adapter],
        source: null,
        settings: SETTINGS,
        clock,
        logger: silentLogger(),
        instanceId: id,
      });
      await scheduler.tick();
      return {
        engine,
        async close() {
          await scheduler.stop();
          await adapter.stop();
          engine.close();
        },
      };
    };
    clock.set("2026-02-02T09:00:00Z");
    const first = await run("killed");
    expect(p.posts()).toBe(1);
    // Killed after the platform accepted the post, before "sent" was recorded.
    first.engine.db.prepare("UPDATE deliveries SET status = 'claimed', sent_at = NULL").run();
    await first.close();
    if (loseThePost) p.loseLast();

    clock.set("2026-02-02T09:16:00Z"); // past the 15-minute lease
    const second = await run("restarted");
    cleanup.push(() => second.close());
    const row = second.engine.deliveries.get({ platform: name, channel: p.channel, date: "2026-02-02" });
    return { p, row };
  }

  it("the restarted process finds it in the channel's history and does not post it again", async () => {
    const { p, row } = await scenario(false);
    expect(p.historyReads()).toBeGreaterThanOrEqual(1);
    expect(p.posts()).toBe(1);
    expect(row).toMatchObject({ status: "sent", claimedBy: "restarted", attempts: 2 });
  });

  it("a post that never reached the channel is posted by the restarted process", async () => {
    const { p, row } = await scenario(true);
    expect(p.posts()).toBe(1);
    expect(row).toMatchObject({ status: "sent", claimedBy: "restarted", attempts: 2 });
  });
});

describe.each(PLATFORMS)("%s: resuming a long roundup part by part", (name, platformOf) => {
  it("posts only the parts missing from the channel", async () => {
    const clock = new ManualClock("2026-02-02T09:00:00Z");
    const p = await platformOf(clock);
    const engine = Paperboy.open({ dbPath: ":memory:", clock, indexPath: null });
    cleanup.push(() => engine.close());
    const adapter = (await p.make(new Bot(engine, { clock, logger: silentLogger() }), clock)) as
      | SlackAdapter
      | DiscordAdapter;
    cleanup.push(() => adapter.stop());
    const target = { platform: name, workspace: p.workspace, channel: p.channel };
    const mark: DeliveryMark = {
      id: `${name}:${p.channel}:2026-02-02`,
      label: "roundup 2026-02-02",
      since: new Date("2026-02-02T09:00:00Z"),
      resume: false,
    };
    const ids = await adapter.post(target, [oversizedRoundup()], mark);
    expect(ids.length).toBeGreaterThan(1);
    p.loseLast();
    const before = p.posts();
    const again = await adapter.post(target, [oversizedRoundup()], { ...mark, resume: true });
    expect(again).toHaveLength(ids.length);
    expect(again.slice(0, -1)).toEqual(ids.slice(0, -1));
    expect(p.posts()).toBe(before + 1);
  });
});
