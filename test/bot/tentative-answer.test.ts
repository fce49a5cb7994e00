/**
 * A tentative answer (src/ask/answer.ts TENTATIVE_BELOW) on every front end: its label says the
 * sentence is the closest the abstract comes, the sentence is shown once, and hostile text stays
 * inert within each platform's limits.
 */
import { describe, expect, it } from "vitest";
import { renderReply as renderConsole } from "../../adapters/console/render.js";
import { renderAnswer as renderDiscord } from "../../adapters/discord/render.js";
import { renderReply as renderSlack } from "../../adapters/slack/render.js";
import { type Answer, TENTATIVE_LEAD } from "../../src/ask/answer.js";
import { answerReply } from "../../src/bot/commands/ask.js";
import { HOSTILE_LONG_TEXT } from "../support/paper-cards.js";
import { hostileSlackProblems } from "../support/slack-blockkit.js";

const id = (s: string) => s;
const plain = { bold: id, dim: id, accent: id, warn: id, error: id };
const paper = { id: "2602.00001", title: "A Test Paper" };
const SENTENCE = "The cache cuts latency by 40% on three benchmarks.";

const answer = (tentative: boolean, sentence = SENTENCE): Answer => ({
  text: tentative ? `${TENTATIVE_LEAD} ${sentence}` : sentence,
  evidence: [sentence],
  intent: "results",
  stated: true,
  source: "abstract",
  confidence: tentative ? 0.31 : 0.93,
  tentative,
});

describe("a tentative answer", () => {
  it("is labelled as the closest sentence and quoted once, on Slack, Discord and the console", () => {
    const reply = answerReply(paper, "how fast is it?", answer(true));
    expect(reply.quoted).toBe(true);
    expect(reply.evidenceFrom).toMatch(/its closest sentence \(not sure\)/);

    // The blocks say the sentence once (the message's notification text is its plain fallback).
    const slack = JSON.stringify(renderSlack(reply).map((m) => m.blocks));
    expect(slack).toContain("From the abstract, its closest sentence (not sure)");
    expect(slack.split("40%").length - 1).toBe(1);
    const discord = JSON.stringify(renderDiscord(reply));
    expect(discord).toContain("From the abstract, its closest sentence (not sure)");
    expect(discord.split("40%").length - 1).toBe(1);
    const console = renderConsole(reply, plain);
    expect(console).toContain(TENTATIVE_LEAD);
    expect(console).toContain("40%");
  });

  it("is not labelled so when the answer is sure", () => {
    const reply = answerReply(paper, "how fast is it?", answer(false));
    expect(reply.evidenceFrom).toBe("the abstract");
    expect(JSON.stringify(renderSlack(reply))).not.toContain("not sure");
    expect(renderConsole(reply, plain)).not.toContain(TENTATIVE_LEAD);
  });

  it("keeps a hostile, oversized sentence inert and within limits", () => {
    const reply = answerReply(paper, "how fast is it?", answer(true, HOSTILE_LONG_TEXT));
    const slack = renderSlack(reply);
    expect(hostileSlackProblems(slack)).toEqual([]);
    const discord = renderDiscord(reply);
    expect(discord.allowedMentions).toEqual({ parse: [] });
    expect((discord.embeds?.[0]?.description ?? "").length).toBeLessThanOrEqual(4096);
  });
});
