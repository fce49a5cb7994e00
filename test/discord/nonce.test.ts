/**
 * Exactly-once message creation on Discord: discord.js retries a Create Message whose answer was
 * lost (a 5xx, a reset connection), and Discord may have stored the first attempt. Every message
 * paperboy creates carries an enforced nonce (adapters/discord/nonce.ts), so the stand-in (which
 * models Discord's documented enforce_nonce) returns the stored message instead of a second one.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { NONCE_MAX } from "../../adapters/discord/limits.js";
import { messageNonce } from "../../adapters/discord/nonce.js";
import { slash, userMessage } from "../support/discord-payloads.js";
import { IDS, type RestCall } from "../support/discord-stand-in.js";
import { type Harness, sampleDayRoundup, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const CREATE = new RegExp(`^/channels/${IDS.channel}/messages$`);
const target = (key?: string) => ({
  platform: "discord",
  workspace: IDS.guild,
  channel: IDS.channel,
  ...(key ? { key } : {}),
});
/** The messages stored in a channel whose content or embeds include `text`. */
const stored = (channel: string, text: string) =>
  [...h.discord.messages.values()].filter(
    (m) => m.channel_id === channel && JSON.stringify([m.content, m.embeds]).includes(text),
  );
const createsSince = (before: number) => h.discord.callsTo("POST", CREATE).slice(before);

describe("a channel post whose answer is lost appears once after discord.js retries it", () => {
  for (const how of [500, 503, "reset"] as const) {
    test(`answer lost as ${how}: two attempts, one message, the stored message's id`, async () => {
      const text = `alert lost as ${how}`;
      const before = h.discord.callsTo("POST", CREATE).length;
      h.discord.loseAnswerNext("POST", CREATE, how);
      const ids = await h.adapter.post(target(), [{ kind: "notice", level: "info", text }]);
      const tries = createsSince(before);
      expect(tries).toHaveLength(2); // discord.js's own retry
      expect(tries[0]!.body.nonce).toBe(tries[1]!.body.nonce);
      expect(tries.every((t) => t.body.enforce_nonce === true)).toBe(true);
      const messages = stored(IDS.channel, text);
      expect(messages).toHaveLength(1);
      expect(ids).toEqual([messages[0]!.id]);
    });
  }

  test("a roundup part (a marked delivery) likewise", async () => {
    const roundup = await sampleDayRoundup(h);
    const mark = {
      id: "discord:nonce-test:2025-08-12",
      label: "roundup 2025-08-12",
      since: h.clock.now(),
      resume: false,
    };
    const before = h.discord.callsTo("POST", CREATE).length;
    h.discord.loseAnswerNext("POST", CREATE, 502);
    const ids = await h.adapter.post(target(), [roundup], mark);
    expect(createsSince(before)).toHaveLength(ids.length + 1);
    expect(stored(IDS.channel, "paperboy roundup 2025-08-12 · part 1/")).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("another try of the same scheduled post (same key) returns the message posted by the first", async () => {
    const text = "weekly digest, tried twice";
    const first = await h.adapter.post(target("weekly:discord:C:2025-W33"), [
      { kind: "notice", level: "info", text },
    ]);
    const again = await h.adapter.post(target("weekly:discord:C:2025-W33"), [
      { kind: "notice", level: "info", text },
    ]);
    expect(again).toEqual(first);
    expect(stored(IDS.channel, text)).toHaveLength(1);
    // A post without a key is its own: the same text posted twice on purpose appears twice.
    await h.adapter.post(target(), [{ kind: "notice", level: "info", text }]);
    await h.adapter.post(target(), [{ kind: "notice", level: "info", text }]);
    expect(stored(IDS.channel, text)).toHaveLength(3);
  });
});

describe("nonces", () => {
  test("every part of a long roundup has its own nonce, within Discord's 25 characters", async () => {
    const roundup = await sampleDayRoundup(h);
    const before = h.discord.callsTo("POST", CREATE).length;
    const ids = await h.adapter.post(target("roundup-parts"), [roundup]);
    expect(ids.length).toBeGreaterThan(1);
    const nonces = createsSince(before).map((c) => c.body.nonce as string);
    expect(nonces).toHaveLength(ids.length);
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const n of nonces) expect(n.length).toBeLessThanOrEqual(NONCE_MAX);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("the same key and part give the same nonce; another key or part another one", () => {
    const keys = [
      "roundup:discord:C1:2025-08-12",
      "roundup:discord:C2:2025-08-12",
      "answer:123",
      "intro:123",
    ];
    const all = keys.flatMap((k) => [1, 2, 3, 10, 11].map((p) => messageNonce(k, p)));
    expect(new Set(all).size).toBe(all.length);
    expect(messageNonce("answer:123", 1)).toBe(messageNonce("answer:123", 1));
    expect(messageNonce("x".repeat(500), 1)).toHaveLength(NONCE_MAX);
  });
});

describe("a thread answer whose answer is lost appears once", () => {
  test("discord.js retries channel.send; the thread holds one answer", async () => {
    const id = h.engine.papers.day("2025-08-12")[0]!.id;
    const i = slash(h.discord, "discuss", { id });
    h.discord.interact(i);
    const created = await h.discord.waitFor(
      (c) => c.method === "POST" && /\/threads$/.test(c.path),
      "thread",
    );
    const threadId = created.path.split("/")[4]!;
    const inThread = new RegExp(`^/channels/${threadId}/messages$`);
    await h.discord.waitFor((c) => c.method === "POST" && inThread.test(c.path), "the intro");
    h.discord.loseAnswerNext("POST", inThread, "reset");
    const question = userMessage(h.discord, threadId, `<@${IDS.bot}> what does it propose?`, true);
    h.discord.gateway.dispatch("MESSAGE_CREATE", question);
    const isAnswer = (c: RestCall) =>
      c.method === "POST" && inThread.test(c.path) && c.body?.embeds?.length > 0 && c.status === 200;
    const retried = await h.discord.waitFor(isAnswer, "the retried thread answer");
    expect(h.discord.callsTo("POST", inThread).filter((c) => c.body?.embeds?.length > 0)).toHaveLength(2);
    expect(retried.body.enforce_nonce).toBe(true);
    expect(retried.body.nonce).toBe(messageNonce(`answer:${question.id}`, 1));
    expect(stored(threadId, "Q: what does it propose?")).toHaveLength(1);
  });
});

describe("a discussion thread whose creation answer is lost opens once, bound", () => {
  test("discord.js retries the thread start, Discord refuses it (160004): the thread is used, no warning", async () => {
    const id = h.engine.papers.day("2025-08-12")[1]!.id;
    const i = slash(h.discord, "discuss", { id });
    const START = /^\/channels\/\d+\/messages\/\d+\/threads$/;
    const before = h.discord.callsTo("POST", START).length;
    h.discord.loseAnswerNext("POST", START, "reset");
    h.discord.interact(i);
    const refused = await h.discord.waitFor(
      (c) => c.method === "POST" && START.test(c.path) && c.status === 400,
      "the retried thread start, refused",
    );
    const threadId = refused.path.split("/")[4]!;
    const inThread = new RegExp(`^/channels/${threadId}/messages$`);
    await h.discord.waitFor((c) => c.method === "POST" && inThread.test(c.path), "the intro");
    expect(h.discord.callsTo("POST", START).slice(before)).toHaveLength(2);
    expect(h.discord.threads.has(threadId)).toBe(true);
    // Bound to the paper: a question in it is answered from that paper.
    const question = userMessage(h.discord, threadId, `<@${IDS.bot}> what does it propose?`, true);
    h.discord.gateway.dispatch("MESSAGE_CREATE", question);
    await h.discord.waitFor(
      (c) =>
        c.method === "POST" &&
        inThread.test(c.path) &&
        c.body?.nonce === messageNonce(`answer:${question.id}`, 1),
      "the answer in the thread",
    );
    const warnings = [...h.discord.messages.values()].filter((m) =>
      String(m.content ?? "").includes("couldn't open a discussion thread"),
    );
    expect(warnings).toHaveLength(0);
  });
});
