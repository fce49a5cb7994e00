import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BLOCKS_PER_MESSAGE } from "../../adapters/slack/limits.js";
import { createSlackAdapter } from "../../adapters/slack/slack-adapter.js";
import { silentLogger } from "../../src/logger.js";
import { seventyTopicRoundup } from "../support/roundup-replies.js";
import { mrkdwnTexts, SlackMessageSchema } from "../support/slack-blockkit.js";
import { blockAction, eventCallback, sendToSlackApp, slashCommand } from "../support/slack-signing.js";
import { BOT_TOKEN, type Harness, SECRET, startHarness } from "./harness.js";

function expectBlockKit(body: Record<string, any>) {
  const parsed = SlackMessageSchema.safeParse(body);
  expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  expect(body.blocks?.length ?? 0).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
}

const blockText = (body: Record<string, any>) => mrkdwnTexts(body).join("\n");

describe("Slack over HTTP (real Bolt receiver, loopback Web API)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("acks a signed /papers search within Slack's 3 s and answers with Block Kit at the response_url", async () => {
    const cmd = slashCommand("search sparse attention", {
      responseUrl: h.api.responseUrl("search-1"),
      user: "U1",
    });
    const ack = await sendToSlackApp(h.url, cmd, { secret: SECRET });
    // Bolt answers 404 when no ack came within 3001 ms, so a 200 is an ack in time.
    expect(ack.status).toBe(200);
    expect(ack.text).toBe("");
    const answer = await h.api.waitFor((c) => c.path === "/respond/search-1", "the search answer");
    expectBlockKit(answer.body);
    expect(answer.body.response_type).toBe("in_channel");
    expect(blockText(answer.body)).toMatch(/Sparse/);
    const more = answer.body.blocks
      .flatMap((b: any) => b.elements ?? [])
      .find((e: any) => e.action_id === "pb_more");
    expect(more.value).toMatch(/^search sparse attention offset:5/);
  });

  it("pages the result list in place when More is pressed", async () => {
    const first = await h.api.waitFor((c) => c.path === "/respond/search-1");
    const more = first.body.blocks
      .flatMap((b: any) => b.elements ?? [])
      .find((e: any) => e.action_id === "pb_more");
    const press = blockAction(
      { type: "button", action_id: "pb_more", value: more.value },
      { responseUrl: h.api.responseUrl("more-1"), user: "U2" },
    );
    expect((await sendToSlackApp(h.url, press, { secret: SECRET })).status).toBe(200);
    const page = await h.api.waitFor((c) => c.path === "/respond/more-1", "the second page");
    expectBlockKit(page.body);
    expect(page.body.replace_original).toBe(true);
    expect(page.body.blocks[0].text.text).toMatch(/\(6–\d+ of \d+\)/);
  });

  it("refuses forged, stale and unsigned requests with 401 and never answers them", async () => {
    const forged = slashCommand("search sparse attention", { responseUrl: h.api.responseUrl("forged") });
    expect(
      (await sendToSlackApp(h.url, forged, { secret: SECRET, signature: `v0=${"0".repeat(64)}` })).status,
    ).toBe(401);
    const wrongSecret = slashCommand("search sparse attention", { responseUrl: h.api.responseUrl("forged") });
    expect((await sendToSlackApp(h.url, wrongSecret, { secret: "not-the-secret" })).status).toBe(401);
    const stale = slashCommand("search sparse attention", { responseUrl: h.api.responseUrl("stale") });
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await sendToSlackApp(h.url, stale, { secret: SECRET, timestamp: sixMinutesAgo })).status).toBe(
      401,
    );
    const bare = await fetch(h.url, {
      method: "POST",
      body: forged.body,
      headers: { "content-type": forged.contentType },
    });
    expect(bare.status).toBe(401);
    // A valid request after them is answered; none of the refused ones ever was.
    const ok = slashCommand("help", { responseUrl: h.api.responseUrl("after-forged"), user: "U3" });
    expect((await sendToSlackApp(h.url, ok, { secret: SECRET })).status).toBe(200);
    await h.api.waitFor((c) => c.path === "/respond/after-forged");
    expect(h.api.calls.filter((c) => c.path === "/respond/forged" || c.path === "/respond/stale")).toEqual(
      [],
    );
  });

  it("processes a replayed command and an Events API retry once", async () => {
    const cmd = slashCommand("help", { responseUrl: h.api.responseUrl("replayed"), user: "U4" });
    const dup = new Promise<string>((resolve) => h.adapter.once("duplicate", (id) => resolve(id)));
    expect((await sendToSlackApp(h.url, cmd, { secret: SECRET })).status).toBe(200);
    expect((await sendToSlackApp(h.url, cmd, { secret: SECRET })).status).toBe(200);
    expect(await dup).toBe(`trigger:${cmd.triggerId}`);
    await h.api.waitFor((c) => c.path === "/respond/replayed");

    const mention = eventCallback({
      type: "app_mention",
      user: "U4",
      text: "<@UBOT> help",
      ts: "1700000050.000100",
      channel: "C-RETRY",
      event_ts: "1700000050.000100",
    });
    const retried = new Promise<number | undefined>((resolve) =>
      h.adapter.once("duplicate", (_id, n) => resolve(n)),
    );
    expect((await sendToSlackApp(h.url, mention, { secret: SECRET })).status).toBe(200);
    const retry = await sendToSlackApp(h.url, mention, {
      secret: SECRET,
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    expect(await retried).toBe(1);
    await h.api.waitFor((c) => c.body.channel === "C-RETRY");
    expect(h.api.calls.filter((c) => c.path === "/respond/replayed")).toHaveLength(1);
    expect(h.api.calls.filter((c) => c.body.channel === "C-RETRY")).toHaveLength(1);
  });

  it("refuses an oversized request with 413", async () => {
    const huge = slashCommand(`search ${"x".repeat(1_500_000)}`, { responseUrl: h.api.responseUrl("huge") });
    const res = await sendToSlackApp(h.url, huge, { secret: SECRET });
    expect(res.status).toBe(413);
    const ok = slashCommand("help", { responseUrl: h.api.responseUrl("after-huge"), user: "U3" });
    await sendToSlackApp(h.url, ok, { secret: SECRET });
    await h.api.waitFor((c) => c.path === "/respond/after-huge");
    expect(h.api.calls.some((c) => c.path === "/respond/huge")).toBe(false);
  });

  it("answers a long command within the limits and says it was cut", async () => {
    const cmd = slashCommand(`search sparse attention ${"word ".repeat(1000)}`, {
      responseUrl: h.api.responseUrl("long"),
      user: "U6",
    });
    expect((await sendToSlackApp(h.url, cmd, { secret: SECRET })).status).toBe(200);
    // The results come first, then the (private) notice that the text was cut.
    await h.api.waitFor(
      (c) => c.path === "/respond/long" && /longer than/.test(blockText(c.body)),
      "the cut notice",
    );
    const answers = h.api.calls.filter((c) => c.path === "/respond/long");
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expectBlockKit(a.body);
    expect(answers.map((a) => blockText(a.body)).join("\n")).toMatch(/longer than 2000 characters/);
  });

  it("answers an @mention in the channel through chat.postMessage with the bot token", async () => {
    const mention = eventCallback({
      type: "app_mention",
      user: "U7",
      text: "<@UBOT> search sparse attention <!channel>",
      ts: "1700000060.000100",
      channel: "C-MENTION",
      event_ts: "1700000060.000100",
    });
    expect((await sendToSlackApp(h.url, mention, { secret: SECRET })).status).toBe(200);
    const post = await h.api.waitFor(
      (c) => c.method === "chat.postMessage" && c.body.channel === "C-MENTION",
    );
    expectBlockKit(post.body);
    expect(post.token).toBe(BOT_TOKEN);
    expect(blockText(post.body)).toMatch(/Sparse/);
    for (const text of mrkdwnTexts(post.body)) expect(text).not.toContain("<!channel>");
    expect(blockText(post.body)).toContain("&lt;!channel&gt;");
  });

  it("opens a thread with discuss and answers a question posted in it", async () => {
    const id = h.bot.engine.search({ text: "sparse attention", limit: 1, offset: 0 }).results[0]!;
    const paperId = h.engine.papers.byPk(id.pk)!.id;
    const cmd = slashCommand(`discuss ${paperId}`, {
      responseUrl: h.api.responseUrl("discuss"),
      channel: "C-DISC",
      user: "U8",
    });
    expect((await sendToSlackApp(h.url, cmd, { secret: SECRET })).status).toBe(200);
    const card = await h.api.waitFor(
      (c) => c.method === "chat.postMessage" && c.body.channel === "C-DISC" && !c.body.thread_ts,
      "the discussion card",
    );
    expectBlockKit(card.body);
    const buttons = card.body.blocks.flatMap((b: any) => (b.type === "actions" ? b.elements : []));
    expect(buttons.map((b: any) => b.value)).toContain(`related ${paperId}`);
    const intro = await h.api.waitFor(
      (c) => c.method === "chat.postMessage" && c.body.thread_ts !== undefined && c.body.channel === "C-DISC",
    );
    const threadTs = intro.body.thread_ts as string;
    expect(h.api.calls.find((c) => c.body.ts === threadTs || c.method === "chat.postMessage")).toBeDefined();
    expect(h.engine.threads.get({ platform: "slack", channel: "C-DISC", thread: threadTs })).not.toBeNull();

    const question = eventCallback({
      type: "message",
      channel: "C-DISC",
      channel_type: "channel",
      user: "U9",
      text: "how much faster is it than dense attention?",
      ts: "1700000200.000100",
      thread_ts: threadTs,
      event_ts: "1700000200.000100",
    });
    expect((await sendToSlackApp(h.url, question, { secret: SECRET })).status).toBe(200);
    const answer = await h.api.waitFor(
      (c) =>
        c.method === "chat.postMessage" &&
        c.body.thread_ts === threadTs &&
        /Q: how much faster/.test(blockText(c.body)),
      "the answer in the thread",
    );
    expectBlockKit(answer.body);
    const messages = h.engine.threads.messages({ platform: "slack", channel: "C-DISC", thread: threadTs });
    expect(messages.map((m) => m.role)).toEqual(["user", "bot"]);
  });

  it("turns Slack's ok:false not_in_channel into an ephemeral hint for the asker", async () => {
    h.api.script("chat.postMessage", { body: { ok: false, error: "not_in_channel" } });
    const paperId = h.engine.papers.byPk(h.engine.papers.dayPks("2025-08-12")[0]!)!.id;
    const cmd = slashCommand(`discuss ${paperId}`, {
      responseUrl: h.api.responseUrl("no-channel"),
      channel: "C-PRIV",
      user: "U10",
    });
    expect((await sendToSlackApp(h.url, cmd, { secret: SECRET })).status).toBe(200);
    const hint = await h.api.waitFor((c) => c.path === "/respond/no-channel", "the hint");
    expect(hint.body.response_type).toBe("ephemeral");
    expect(hint.body.text).toMatch(/\/invite @paperboy/);
    expect(h.adapter.status().state).toBe("connected");
  });

  it("retries a chat.postMessage answered with HTTP 429 after its Retry-After", async () => {
    h.api.script("chat.postMessage", {
      status: 429,
      headers: { "retry-after": "1" },
      body: { ok: false, error: "ratelimited" },
    });
    const mention = eventCallback({
      type: "app_mention",
      user: "U11",
      text: "<@UBOT> search sparse attention",
      ts: "1700000070.000100",
      channel: "C-429",
      event_ts: "1700000070.000100",
    });
    expect((await sendToSlackApp(h.url, mention, { secret: SECRET })).status).toBe(200);
    const limited = await h.api.waitFor((c) => c.body.channel === "C-429" && c.status === 429);
    const posted = await h.api.waitFor(
      (c) => c.body.channel === "C-429" && c.status === 200,
      "the retried post",
    );
    expect(posted.at - limited.at).toBeGreaterThanOrEqual(990);
    expectBlockKit(posted.body);
  });

  it("posts a long roundup into a channel split over messages of at most 50 blocks", async () => {
    const roundup = seventyTopicRoundup();
    const ids = await h.adapter.post({ platform: "slack", workspace: "T1", channel: "C-ROUNDUP" }, [roundup]);
    const posts = h.api.calls.filter((c) => c.body.channel === "C-ROUNDUP");
    expect(ids.length).toBe(posts.length);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const p of posts) expectBlockKit(p.body);
  });

  it("stops once when asked twice", async () => {
    const other = createSlackAdapter(h.bot, {
      botToken: BOT_TOKEN,
      signingSecret: SECRET,
      apiUrl: h.api.url,
      port: 0,
      host: "127.0.0.1",
      logger: silentLogger(),
      clock: h.clock,
    });
    await other.start();
    expect(other.status().state).toBe("connected");
    const url = `http://127.0.0.1:${other.port}/slack/events`;
    const cmd = slashCommand("help", { responseUrl: h.api.responseUrl("second-adapter"), user: "U12" });
    expect((await sendToSlackApp(url, cmd, { secret: SECRET })).status).toBe(200);
    await Promise.all([other.stop(), other.stop()]);
    expect(other.status().state).toBe("stopped");
    await expect(sendToSlackApp(url, cmd, { secret: SECRET })).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe("Slack with a bad bot token", () => {
  it("does not crash: start() resolves, status() reports invalid_auth without the token, requests are still acked", async () => {
    const h = await startHarness({ invalidToken: true });
    try {
      const status = h.adapter.status();
      expect(status.state).toBe("error");
      expect(status.detail).toMatch(/invalid_auth/);
      expect(status.detail).not.toContain(BOT_TOKEN);
      const cmd = slashCommand("help", { responseUrl: h.api.responseUrl("bad-token") });
      expect((await sendToSlackApp(h.url, cmd, { secret: SECRET })).status).toBe(200);
      // Bolt's authorize failed (auth.test again), so no listener ran and nothing was answered.
      await h.api.waitFor((c) => c.method === "auth.test" && h.api.of("auth.test").length >= 2);
      expect(h.api.calls.some((c) => c.path === "/respond/bad-token")).toBe(false);
    } finally {
      await h.close();
    }
  });
});
