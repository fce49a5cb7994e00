import { afterEach, describe, expect, it } from "vitest";
import { renderReply as renderConsole } from "../../adapters/console/render.js";
import { ButtonCommands } from "../../adapters/discord/buttons.js";
import { renderReplies as renderDiscord } from "../../adapters/discord/render.js";
import { renderReply as renderSlack } from "../../adapters/slack/render.js";
import { paperCard } from "../../src/bot/cards.js";
import type { Paper } from "../../src/types.js";
import { type BotHarness, botHarness } from "../support/bot.js";
import { DIGESTS } from "../support/fixtures.js";
import { bareCard, HOSTILE_LONG_TEXT } from "../support/paper-cards.js";
import { hostileSlackProblems } from "../support/slack-blockkit.js";

let h: BotHarness;
afterEach(() => h?.engine.close());

const id = (s: string) => s;
const plain = { bold: id, dim: id, accent: id, warn: id, error: id };

function apiDay(): Paper[] {
  h = botHarness({ seed: false });
  h.engine.ingest([`${DIGESTS}2026-02-03.hf-api.json`]);
  return h.engine.papers.byPks(h.engine.papers.dayPks("2026-02-03"));
}

describe("paper card: the source's own summary beside ours", () => {
  it("carries Hugging Face's summary, labelled as the source's, when the source gave one", () => {
    const paper = apiDay().find((p) => p.sourceSummary)!;
    const card = paperCard(h.engine, paper);
    expect(card.sourceSummary).toEqual({ source: "Hugging Face", text: paper.sourceSummary });
    expect(card.tldr).not.toBe(paper.sourceSummary);

    const slack = JSON.stringify(renderSlack(card));
    expect(slack).toContain("*Hugging Face's summary* ");
    expect(slack.indexOf("*TL;DR*")).toBeLessThan(slack.indexOf("Hugging Face"));
    const [discord] = renderDiscord([card], new ButtonCommands());
    const field = discord!.embeds[0]!.fields!.find((f) => f.name === "Hugging Face's summary");
    expect(field?.value).toContain(paper.sourceSummary!.split(" ").slice(0, 4).join(" "));
    const text = renderConsole(card, plain);
    expect(text).toContain("Hugging Face's summary: ");
    expect(text.indexOf("TL;DR: ")).toBeLessThan(text.indexOf("Hugging Face's summary: "));
  });

  it("has none when the source gave none, and no front end shows the label", () => {
    h = botHarness();
    const paper = h.engine.papers.byPks(h.engine.papers.dayPks("2025-08-12"))[0]!;
    expect(paper.sourceSummary).toBeNull();
    const card = paperCard(h.engine, paper);
    expect(card.sourceSummary).toBeUndefined();
    expect(JSON.stringify(renderSlack(card))).not.toContain("summary*");
    expect(renderConsole(card, plain)).not.toContain("summary:");
  });

  it("keeps an oversized, hostile source summary within every platform's limits and inert", () => {
    const card = bareCard({ sourceSummary: { source: "Hugging Face", text: HOSTILE_LONG_TEXT } });
    const slack = renderSlack(card);
    expect(hostileSlackProblems(slack)).toEqual([]);
    const [discord] = renderDiscord([card], new ButtonCommands());
    const field = discord!.embeds[0]!.fields!.find((f) => f.name === "Hugging Face's summary")!;
    expect(field.value.length).toBeLessThanOrEqual(1024);
    expect(field.value).not.toMatch(/(?<!\\)\*\*bold/);
    expect(discord!.allowedMentions).toEqual({ parse: [] });
  });
});
