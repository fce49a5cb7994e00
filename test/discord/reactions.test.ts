/**
 * Reactions on Discord through a real discord.js client and the local gateway: 👍 ⭐ 👎 on the
 * card paperboy answered with teach the channel; removing one undoes it exactly; reactions on a
 * person's message, on a message the bot never remembered (a roundup), with other emoji or a
 * guild's custom emoji change nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ReactionStore } from "../../src/archive/reactions.js";
import { reactionEvent, slash, userMessage } from "../support/discord-payloads.js";
import { IDS } from "../support/discord-stand-in.js";
import { type Harness, startHarness } from "./harness.js";

type Handled = "interaction" | "reaction";
const waiting: { what: Handled; resolve: () => void }[] = [];
function handled(what: Handled): Promise<void> {
  return new Promise((resolve) => waiting.push({ what, resolve }));
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    onHandled: (what) => {
      const i = waiting.findIndex((w) => w.what === what);
      if (i >= 0) waiting.splice(i, 1)[0]?.resolve();
    },
  });
});
afterAll(async () => {
  await h?.close();
});

/** Runs a slash command and resolves, once its answer is delivered, with the message it became. */
async function run(sub: string, options: Record<string, string> = {}): Promise<string> {
  const done = handled("interaction");
  const i = slash(h.discord, sub, options);
  h.discord.interact(i);
  await done;
  const sent = [...h.discord.messages.values()].at(-1);
  expect(sent?.channel_id).toBe(IDS.channel);
  return sent.id as string;
}

async function react(o: Parameters<typeof reactionEvent>[0]) {
  const done = handled("reaction");
  h.discord.gateway.dispatch(
    o.added === false ? "MESSAGE_REACTION_REMOVE" : "MESSAGE_REACTION_ADD",
    reactionEvent(o),
  );
  await done;
}

const rows = () => h.engine.store(ReactionStore).forChannel({ platform: "discord", channel: IDS.channel });
const ids = () => h.engine.papers.day("2025-08-12").map((p) => p.id);
const OTHER = "1100000000000000099";

describe("reactions on Discord", () => {
  test("👍 and ⭐ on the bot's cards are recorded for their papers; removing one undoes it exactly", async () => {
    const [a, b] = ids() as [string, string];
    const cardA = await run("show", { id: a });
    const cardB = await run("show", { id: b });
    await react({ message: cardA, emoji: "👍🏽" });
    await react({ message: cardB, emoji: "⭐", user: OTHER });
    const pkA = h.engine.papers.resolve(a);
    const pkB = h.engine.papers.resolve(b);
    expect(rows().map((r) => [r.paperPk, r.kind])).toEqual([
      [pkA, "like"],
      [pkB, "star"],
    ]);
    // The same person adding the same reaction again (a replayed event) is one row.
    await react({ message: cardA, emoji: "👍" });
    expect(rows()).toHaveLength(2);
    await react({ message: cardA, emoji: "👍", added: false });
    expect(rows().map((r) => [r.paperPk, r.kind])).toEqual([[pkB, "star"]]);
    // Someone who never reacted removing "their" star changes nothing; the one who did, undoes it.
    await react({ message: cardB, emoji: "⭐", added: false });
    expect(rows()).toHaveLength(1);
    await react({ message: cardB, emoji: "⭐", added: false, user: OTHER });
    expect(rows()).toEqual([]);
  });

  test("a reaction on a card inside a discussion thread counts for the thread's channel", async () => {
    const [, , c, d] = ids() as [string, string, string, string];
    const opened = handled("interaction");
    h.discord.interact(slash(h.discord, "discuss", { id: c }));
    await opened;
    const thread = [...h.discord.threads.keys()].at(-1) as string;
    const answered = handled("interaction");
    h.discord.interact(slash(h.discord, "show", { id: d }, { thread }));
    await answered;
    const card = [...h.discord.messages.values()].at(-1);
    expect(card?.channel_id).toBe(thread);
    await react({ message: card.id as string, emoji: "⭐", channel: thread });
    expect(rows().map((r) => [r.paperPk, r.kind])).toEqual([[h.engine.papers.resolve(d), "star"]]);
    await react({ message: card.id as string, emoji: "⭐", channel: thread, added: false });
    expect(rows()).toEqual([]);
  });

  test("ignores a person's message, a roundup, other emoji and a guild's custom emoji", async () => {
    const [a] = ids() as [string];
    const card = await run("show", { id: a });
    // A person's message, cached by discord.js from the gateway: its author is not the bot.
    const said = userMessage(h.discord, IDS.channel, "a paper I liked", false);
    h.discord.gateway.dispatch("MESSAGE_CREATE", said);
    await react({ message: said.id, emoji: "👍", author: IDS.user });
    // A message the bot never sent nor remembered (an unknown id), and a roundup of many papers.
    await react({ message: h.discord.id(), emoji: "👍" });
    const roundup = await run("roundup", { date: "2025-08-12" });
    await react({ message: roundup, emoji: "👍" });
    // Another emoji, and a custom emoji named like a standard one, on the bot's card.
    await react({ message: card, emoji: "🎉" });
    await react({ message: card, emoji: "thumbsup", customId: "1100000000000000777" });
    expect(rows()).toEqual([]);
    // The bot's own reaction teaches nothing either.
    await react({ message: card, emoji: "👍", user: IDS.bot });
    expect(rows()).toEqual([]);
    // And the card still counts for a person.
    await react({ message: card, emoji: "👎" });
    expect(rows().map((r) => r.kind)).toEqual(["dislike"]);
  });
});
