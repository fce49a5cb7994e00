/**
 * A declined idea question followed by the paper's TL;DR (src/ask/gist.ts) on every front end: the
 * decline and its labelled gist are shown, and a hostile, oversized TL;DR stays inert within each
 * platform's limits.
 */
import { describe, expect, it } from "vitest";
import { renderReply as renderConsole } from "../../adapters/console/render.js";
import { renderAnswer as renderDiscord } from "../../adapters/discord/render.js";
import { renderReply as renderSlack } from "../../adapters/slack/render.js";
import type { Answer } from "../../src/ask/answer.js";
import { GIST_LEAD, withGist } from "../../src/ask/gist.js";
import { answerReply } from "../../src/bot/commands/ask.js";
import { HOSTILE_LONG_TEXT } from "../support/paper-cards.js";
import { hostileSlackProblems } from "../support/slack-blockkit.js";

const id = (s: string) => s;
const plain = { bold: id, dim: id, accent: id, warn: id, error: id };
const paper = { id: "2602.00001", title: "A Test Paper" };
const declined: Answer = {
  text: "The abstract does not mention gadgets.",
  evidence: [],
  intent: "proposal",
  stated: false,
  source: null,
  confidence: null,
  tentative: false,
};

describe("a declined idea question with the paper's gist", () => {
  it("shows the decline and the labelled gist, as a decline, on Slack, Discord and the console", () => {
    const reply = answerReply(
      paper,
      "so it secretly tweaks gadgets?",
      withGist(declined, "We propose a cache that cuts latency by 40%."),
    );
    expect(reply.unanswered).toBe(true);
    for (const shown of [
      JSON.stringify(renderSlack(reply)),
      JSON.stringify(renderDiscord(reply)),
      renderConsole(reply, plain),
    ]) {
      expect(shown).toContain("does not mention gadgets");
      expect(shown).toContain(`${GIST_LEAD} We propose a cache`);
    }
  });

  it("keeps a hostile, oversized gist inert and within limits", () => {
    const reply = answerReply(paper, "so it secretly tweaks gadgets?", withGist(declined, HOSTILE_LONG_TEXT));
    expect(hostileSlackProblems(renderSlack(reply))).toEqual([]);
    const discord = renderDiscord(reply);
    expect(discord.allowedMentions).toEqual({ parse: [] });
    const embedText = JSON.stringify(discord.embeds ?? []);
    expect(embedText.length).toBeGreaterThan(0);
    for (const e of discord.embeds ?? []) expect((e.description ?? "").length).toBeLessThanOrEqual(4096);
    expect((discord.content ?? "").length).toBeLessThanOrEqual(2000);
  });
});
