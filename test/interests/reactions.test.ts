/**
 * Reactions that teach a channel's roundups, through the test adapter (which, like Discord, tells
 * the bot the id of every message it sent): 👍 / ⭐ / 👎 on the bot's card of a paper build the
 * channel's profile; the roundup then opens with "For this channel" and orders topics by it;
 * `settings` shows what was learned and `interests reset` forgets it. Reactions on a message that
 * is not the bot's, on a message of several papers, or with another emoji change nothing, and
 * removing a reaction undoes it exactly.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { NoticeReply, Reply, RoundupReply, SettingsReply } from "../../src/bot/replies.js";
import { FOR_CHANNEL_LABEL } from "../../src/bot/roundup.js";
import { type BotHarness, botHarness } from "../support/bot.js";

const DAY = "2025-08-12";
let h: BotHarness;
afterEach(() => h?.engine.close());

function only<T extends Reply>(replies: Reply[], kind: T["kind"]): T {
  const found = replies.filter((r) => r.kind === kind);
  expect(found, `replies: ${JSON.stringify(replies).slice(0, 400)}`).toHaveLength(1);
  return found[0] as T;
}

async function roundup(channel = "C1"): Promise<RoundupReply> {
  return only<RoundupReply>(await h.adapter.say(`roundup ${DAY}`, { channel }), "roundup");
}

/** Shows paper `id` in C1 and reacts on the card. */
async function reactOnCard(id: string, emoji: string, user = "U1") {
  await h.adapter.say(`show ${id}`);
  return h.adapter.react(h.adapter.lastMessage("paper"), emoji, { user });
}

describe("reactions on the bot's paper cards", () => {
  it("put the papers most like the liked ones first, each listed once, and order topics by them", async () => {
    h = botHarness();
    const before = await roundup();
    expect(before.topics.some((t) => t.forChannel)).toBe(false);
    // The channel likes one topic of the day: three of its papers get a 👍 (one a ⭐).
    const liked = before.topics.find((t) => !t.other && t.papers.length >= 5);
    expect(liked, "the day has a topic of 5+ papers").toBeDefined();
    const [a, b, c] = (liked?.papers ?? []).slice(-3).map((p) => p.id) as [string, string, string];
    expect(await reactOnCard(a, "+1")).toMatchObject({ applied: true, kind: "like" });
    expect(await reactOnCard(b, "👍🏽", "U2")).toMatchObject({ applied: true, kind: "like" });
    expect(await reactOnCard(c, ":star:")).toMatchObject({ applied: true, kind: "star" });

    const after = await roundup();
    const first = after.topics[0];
    expect(first?.label).toBe(FOR_CHANNEL_LABEL);
    expect(first?.forChannel).toBe(true);
    expect(first?.papers.length).toBeGreaterThan(0);
    expect(first?.papers.length).toBeLessThanOrEqual(3);
    // Picked from the liked topic, with their TL;DR; listed once in the whole roundup.
    const likedIds = new Set(liked?.papers.map((p) => p.id));
    expect(first?.papers.every((p) => likedIds.has(p.id) && p.tldr)).toBe(true);
    const all = after.topics.flatMap((t) => t.papers.map((p) => p.id));
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(before.shown);
    expect(after.shown).toBe(before.shown);
    expect(after.headline).toMatch(new RegExp(`: ${first?.papers.length} picked for this channel, `));
    // Within the liked topic, what is left is no longer in upvote order when the interest says otherwise.
    const rest = after.topics.find((t) => t.label === liked?.label);
    expect(rest?.papers.map((p) => p.id).sort()).toEqual(
      [...likedIds].filter((id) => !first?.papers.some((p) => p.id === id)).sort(),
    );
    // Another channel of the same workspace is unaffected.
    expect(await roundup("C2")).toEqual(before);
  });

  it("ignore reactions on a message that is not the bot's, other emoji and messages of several papers", async () => {
    h = botHarness();
    const before = await roundup();
    const id = before.topics[0]?.papers[0]?.id as string;
    await h.adapter.say(`show ${id}`);
    const card = h.adapter.lastMessage("paper");
    // A person's message (the platform says so), and a message the bot never sent.
    expect(h.adapter.react(card, "+1", { byBot: false })).toEqual({
      applied: false,
      reason: "not the bot's message",
    });
    expect(h.adapter.react("m-someone-else", "+1")).toEqual({
      applied: false,
      reason: "not a bot message about one paper",
    });
    expect(h.adapter.react(card, "tada")).toEqual({ applied: false, reason: "not a paper reaction" });
    // The roundup message lists many papers: a 👍 there says nothing about any one of them.
    expect(h.adapter.react(h.adapter.lastMessage("roundup"), "+1")).toEqual({
      applied: false,
      reason: "not a bot message about one paper",
    });
    expect(await roundup()).toEqual(before);
    const settings = only<SettingsReply>(await h.adapter.say("settings"), "settings");
    expect(settings.interests).toBeUndefined();
  });

  it("are undone exactly when removed", async () => {
    h = botHarness();
    const before = await roundup();
    const ids = (before.topics[0]?.papers ?? []).slice(0, 2).map((p) => p.id) as [string, string];
    const other = before.topics[1]?.papers[0]?.id as string;
    await reactOnCard(ids[0], "+1");
    const likedOnce = await roundup();
    await reactOnCard(ids[1], "+1");
    await h.adapter.say(`show ${other}`);
    const dislikeOn = h.adapter.lastMessage("paper");
    h.adapter.react(dislikeOn, "-1");
    expect(await roundup()).not.toEqual(likedOnce);
    // Removing the 👎 and the second 👍 gives back the roundup of the first 👍 alone…
    expect(h.adapter.react(dislikeOn, "-1", { added: false })).toMatchObject({
      applied: true,
      kind: "dislike",
    });
    const secondCard = h.adapter.sent.findLast((m) => m.reply.kind === "paper" && m.reply.id === ids[1])?.id;
    expect(h.adapter.react(secondCard as string, "thumbsup", { added: false })).toMatchObject({
      applied: true,
    });
    expect(await roundup()).toEqual(likedOnce);
    // …and removing that one, the roundup of no reactions; removing again changes nothing.
    const firstCard = h.adapter.sent.find((m) => m.reply.kind === "paper" && m.reply.id === ids[0])?.id;
    h.adapter.react(firstCard as string, "+1", { added: false });
    expect(h.adapter.react(firstCard as string, "+1", { added: false })).toEqual({
      applied: false,
      reason: "unchanged",
    });
    expect(await roundup()).toEqual(before);
  });

  it("are counted once per person and kind, whatever the platform repeats", async () => {
    h = botHarness();
    const id = (await roundup()).topics[0]?.papers[0]?.id as string;
    expect(await reactOnCard(id, "+1")).toMatchObject({ applied: true });
    const card = h.adapter.lastMessage("paper");
    expect(h.adapter.react(card, "thumbsup")).toEqual({ applied: false, reason: "unchanged" });
    const settings = only<SettingsReply>(await h.adapter.say("settings"), "settings");
    expect(settings.interests).toMatchObject({ likes: 1, stars: 0, dislikes: 0 });
  });
});

describe("settings and interests", () => {
  it("show the profile's top words, as the papers write them, and reset forgets it", async () => {
    h = botHarness();
    const empty = only<NoticeReply>(await h.adapter.say("interests"), "notice");
    expect(empty.text).toMatch(/taught paperboy nothing yet\. React 👍/);
    const plain = await roundup();
    const topic = plain.topics.find((t) => !t.other) as RoundupReply["topics"][number];
    for (const p of topic.papers.slice(0, 3)) await reactOnCard(p.id, "+1");
    const settings = only<SettingsReply>(await h.adapter.say("settings"), "settings");
    expect(settings.interests?.likes).toBe(3);
    expect(settings.interests?.terms.length).toBeGreaterThan(3);
    // Words as written (lower case), not stems: every term occurs in the liked papers' text.
    const text = topic.papers
      .slice(0, 3)
      .map((p) => h.engine.paper(p.id))
      .map((p) => `${p.title} ${p.abstract}`.toLowerCase())
      .join(" ");
    for (const term of settings.interests?.terms ?? []) expect(text).toContain(term);
    const shown = only<NoticeReply>(await h.adapter.say("interests"), "notice");
    expect(shown.text).toMatch(/learned from 3 👍: /);

    const reset = only<NoticeReply>(await h.adapter.say("interests reset"), "notice");
    expect(reset).toMatchObject({ public: true });
    expect(reset.text).toMatch(/3 reactions forgotten/);
    expect(only<SettingsReply>(await h.adapter.say("settings"), "settings").interests).toBeUndefined();
    expect(await roundup()).toEqual(plain);
    const usage = only<NoticeReply>(await h.adapter.say("interests forget", { user: "U9" }), "notice");
    expect(usage.text).toMatch(/must be `reset`/);
  });

  it("are kept per channel and forgotten with the channel", async () => {
    h = botHarness();
    const id = (await roundup()).topics[0]?.papers[0]?.id as string;
    await reactOnCard(id, "+1");
    const { ChannelDataStore } = await import("../../src/archive/channel-data.js");
    const store = h.engine.store(ChannelDataStore);
    expect(store.count({ platform: "test", channel: "C1" })).toMatchObject({ paper_reactions: 1 });
    store.forget({ platform: "test", channel: "C1" });
    expect(store.count({ platform: "test", channel: "C1" })).toMatchObject({
      paper_reactions: 0,
      paper_messages: 0,
    });
  });
});
