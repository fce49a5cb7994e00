/**
 * Reactions on Slack through the real Bolt receiver and the loopback Web API: 👍 ⭐ 👎 added on
 * paperboy's paper card (read back with reactions.get, the paper found by the card's block id)
 * teach the channel; removing one undoes it; reactions on someone else's message, other emoji and a
 * message of several papers change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAPER_BLOCK_PREFIX, papersInBlocks } from "../../adapters/slack/blocks.js";
import { ReactionStore } from "../../src/archive/reactions.js";
import { eventCallback, sendToSlackApp, slashCommand } from "../support/slack-signing.js";
import { type Harness, SECRET, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

let n = 0;
async function command(text: string) {
  const url = h.api.responseUrl(`react-${++n}`);
  const ack = await sendToSlackApp(h.url, slashCommand(text, { responseUrl: url }), { secret: SECRET });
  expect(ack.status).toBe(200);
  return (await h.api.waitFor((c) => c.path === new URL(url).pathname, `the answer to ${text}`)).body;
}

/** Sends a reaction event and resolves once the adapter has handled it. */
async function react(o: {
  ts: string;
  emoji: string;
  added?: boolean;
  user?: string;
  author?: string;
  channel?: string;
}) {
  const handled = new Promise<void>((resolve) => {
    const on = (kind: string) => {
      if (kind !== "reaction") return;
      h.adapter.off("handled", on);
      resolve();
    };
    h.adapter.on("handled", on);
  });
  const event = {
    type: o.added === false ? "reaction_removed" : "reaction_added",
    user: o.user ?? "U1",
    reaction: o.emoji,
    item_user: o.author ?? "UBOT",
    item: { type: "message", channel: o.channel ?? "C1", ts: o.ts },
    event_ts: `${Date.now() / 1000}`,
  };
  const ack = await sendToSlackApp(h.url, eventCallback(event), { secret: SECRET });
  expect(ack.status).toBe(200);
  await handled;
}

/** What reactions.get answers next: the message with these blocks. */
function messageHas(ts: string, blocks: unknown[]) {
  h.api.script("reactions.get", {
    body: { ok: true, type: "message", channel: "C1", message: { type: "message", ts, blocks } },
  });
}

const rows = () => h.engine.store(ReactionStore).forChannel({ platform: "slack", channel: "C1" });
const ids = () => h.engine.papers.day("2025-08-12").map((p) => p.id);

describe("reactions on Slack", () => {
  it("a paper card names its paper in its header's block id", async () => {
    const [a] = ids() as [string];
    const card = await command(`show ${a}`);
    expect(card.blocks[0].block_id).toBe(`${PAPER_BLOCK_PREFIX}${a}`);
    expect(papersInBlocks(card.blocks)).toEqual([a]);
  });

  it("👍 on the bot's card is recorded for its paper, and removing it undoes it exactly", async () => {
    const [a, b] = ids() as [string, string];
    const cardA = await command(`show ${a}`);
    const cardB = await command(`show ${b}`);
    messageHas("1700000000.000100", cardA.blocks);
    await react({ ts: "1700000000.000100", emoji: "+1::skin-tone-3" });
    const read = h.api.of("reactions.get").at(-1);
    expect(read?.body).toMatchObject({ channel: "C1", timestamp: "1700000000.000100" });
    messageHas("1700000000.000200", cardB.blocks);
    await react({ ts: "1700000000.000200", emoji: "star", user: "U2" });
    const pkA = h.engine.papers.resolve(a);
    const pkB = h.engine.papers.resolve(b);
    expect(rows().map((r) => [r.paperPk, r.kind])).toEqual([
      [pkA, "like"],
      [pkB, "star"],
    ]);
    // Removing reads nothing back: the row the same person, kind and message wrote goes.
    const reads = h.api.of("reactions.get").length;
    await react({ ts: "1700000000.000100", emoji: "+1", added: false });
    expect(h.api.of("reactions.get")).toHaveLength(reads);
    expect(rows().map((r) => [r.paperPk, r.kind])).toEqual([[pkB, "star"]]);
    // Another person's removal of a reaction they never gave changes nothing.
    await react({ ts: "1700000000.000200", emoji: "star", added: false, user: "U3" });
    expect(rows()).toHaveLength(1);
    await react({ ts: "1700000000.000200", emoji: "star", added: false, user: "U2" });
    expect(rows()).toEqual([]);
  });

  it("ignores reactions on someone else's message, other emoji and a message of several papers", async () => {
    const before = h.api.of("reactions.get").length;
    // A person's message: not read, not recorded.
    await react({ ts: "1700000000.000300", emoji: "+1", author: "U9" });
    // Another emoji on the bot's card: not read either.
    await react({ ts: "1700000000.000100", emoji: "tada" });
    expect(h.api.of("reactions.get")).toHaveLength(before);
    // A roundup lists many papers: no one paper to learn from.
    const roundup = await command("roundup 2025-08-12");
    expect(papersInBlocks(roundup.blocks)).toEqual([]);
    messageHas("1700000000.000400", roundup.blocks);
    await react({ ts: "1700000000.000400", emoji: "+1" });
    expect(h.api.of("reactions.get")).toHaveLength(before + 1);
    expect(rows()).toEqual([]);
  });

  it("a workspace without reactions:read loses the reaction and says why in the log, nothing else", async () => {
    const [a] = ids() as [string];
    await command(`show ${a}`);
    h.api.script("reactions.get", { body: { ok: false, error: "missing_scope" } });
    await react({ ts: "1700000000.000500", emoji: "+1" });
    expect(rows()).toEqual([]);
    expect(h.adapter.status().state).toBe("connected");
  });
});
