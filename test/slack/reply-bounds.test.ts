/**
 * Every reply fits what Slack takes for one request: at most 5 response_url posts ("Working on
 * it…" included), a longer reply cut with a note that says so, never split into more posts; a
 * roundup posted into a channel takes at most MAX_CHANNEL_POST_MESSAGES messages.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { cutToMessages } from "../../adapters/slack/cut.js";
import { MAX_CHANNEL_POST_MESSAGES, MAX_RESPONSE_URL_POSTS } from "../../adapters/slack/limits.js";
import { renderReply } from "../../adapters/slack/render.js";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/slack-adapter.js";
import { Bot } from "../../src/bot/bot.js";
import { chatCommand } from "../../src/bot/command.js";
import { CHAT_COMMANDS } from "../../src/bot/commands/index.js";
import type { RoundupReply } from "../../src/bot/replies.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { oversizedRoundup } from "../support/roundup-replies.js";
import { FakeSlackApi } from "../support/slack-api.js";
import { SlackMessageSchema } from "../support/slack-blockkit.js";
import { sendToSlackApp, slashCommand } from "../support/slack-signing.js";

const SECRET = "0123456789abcdef0123456789abcdef";

/** Ten oversized days in one roundup: far more messages than one reply may take. */
function hugeRoundup(): RoundupReply {
  const one = oversizedRoundup();
  const topics = Array.from({ length: 10 }, (_, k) =>
    one.topics.map((t) => ({ ...t, label: `${t.label} ${k}`, other: false })),
  ).flat();
  return { ...one, count: 2000, shown: 2000, topics };
}

let api: FakeSlackApi;
let adapter: SlackAdapter;
let engine: Paperboy;
beforeAll(async () => {
  api = new FakeSlackApi();
  await api.start();
  const clock = new ManualClock("2026-02-03T09:00:00Z");
  engine = Paperboy.open({ dbPath: ":memory:", clock });
  const huge = chatCommand({
    name: "huge",
    usage: "huge",
    summary: "an answer longer than a reply may take",
    args: z.object({}),
    // Slower than the bot's deadline, so "Working on it…" takes one of the five posts first.
    run: () => new Promise((resolve) => setTimeout(() => resolve([hugeRoundup()]), 80)),
  });
  const bot = new Bot(engine, {
    clock,
    logger: silentLogger(),
    deadlineMs: 20,
    commands: [...CHAT_COMMANDS, huge],
  });
  adapter = createSlackAdapter(bot, {
    botToken: "xoxb-1111-2222-bounds",
    signingSecret: SECRET,
    apiUrl: api.url,
    port: 0,
    host: "127.0.0.1",
    logger: silentLogger(),
    clock,
  });
  await adapter.start();
});
afterAll(async () => {
  await adapter.stop();
  await api.close();
  engine.close();
});

describe("Slack replies within Slack's limits", () => {
  it("a reply of many messages through response_url: 5 posts at most, the last one says it was cut", async () => {
    const uncut = renderReply(hugeRoundup()).length;
    expect(uncut).toBeGreaterThan(MAX_RESPONSE_URL_POSTS);
    const handled = new Promise<void>((resolve) => adapter.once("handled", () => resolve()));
    const cmd = slashCommand("huge", { responseUrl: api.responseUrl("huge") });
    expect(
      (await sendToSlackApp(`http://127.0.0.1:${adapter.port}/slack/events`, cmd, { secret: SECRET })).status,
    ).toBe(200);
    await handled;
    const posts = api.calls.filter((c) => c.path === "/respond/huge");
    expect(posts).toHaveLength(MAX_RESPONSE_URL_POSTS);
    expect(posts[0]?.body.text).toMatch(/Working on it/);
    for (const p of posts) expect(SlackMessageSchema.safeParse(p.body).success).toBe(true);
    const last = JSON.stringify(posts.at(-1)?.body.blocks);
    expect(last).toContain("The rest of this answer was cut");
    expect(last).toContain("/papers day 2026-02-03");
  });

  it("a roundup posted into a channel takes at most MAX_CHANNEL_POST_MESSAGES messages, the last one says so", async () => {
    const ids = await adapter.post({ platform: "slack", workspace: "T1", channel: "C-HUGE" }, [
      hugeRoundup(),
    ]);
    expect(ids).toHaveLength(MAX_CHANNEL_POST_MESSAGES);
    const last = api
      .of("chat.postMessage")
      .filter((c) => c.body.channel === "C-HUGE")
      .at(-1);
    expect(JSON.stringify(last?.body.blocks)).toContain("The rest of this answer was cut");
    expect(SlackMessageSchema.safeParse(last?.body).success).toBe(true);
  });

  it("cutting keeps the first messages whole and every message within 50 blocks", () => {
    const messages = renderReply(hugeRoundup());
    const cut = cutToMessages(messages, 3, "hint");
    expect(cut).toHaveLength(3);
    expect(cut.slice(0, 2)).toEqual(messages.slice(0, 2));
    for (const m of cut) expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(cutToMessages(messages.slice(0, 2), 3)).toEqual(messages.slice(0, 2));
    expect(cutToMessages(messages, 0)).toEqual([]);
  });
});
