import { afterEach, describe, expect, it } from "vitest";
import { renderReply as renderConsole } from "../../adapters/console/render.js";
import { ButtonCommands } from "../../adapters/discord/buttons.js";
import { FIELD_VALUE_MAX } from "../../adapters/discord/limits.js";
import { renderReplies as renderDiscord } from "../../adapters/discord/render.js";
import { renderReply as renderSlack } from "../../adapters/slack/render.js";
import { paperCard } from "../../src/bot/cards.js";
import { type BotHarness, botHarness } from "../support/bot.js";
import { bareCard, HOSTILE_LONG_TEXT } from "../support/paper-cards.js";
import { hostileSlackProblems } from "../support/slack-blockkit.js";

let h: BotHarness;
afterEach(() => h?.engine.close());

const id = (s: string) => s;
const plain = { bold: id, dim: id, accent: id, warn: id, error: id };

function samplePaper(title: string, fresh = true) {
  if (fresh) h = botHarness();
  const paper = h.engine.papers
    .byPks(h.engine.papers.dayPks("2025-08-12"))
    .find((p) => p.title.includes(title));
  if (!paper) throw new Error(`sample paper "${title}" missing`);
  return paper;
}

describe("paper card: findings for a paper that reports no numbers", () => {
  it("shows AdaSpa's stated finding under 'Findings' on every front end, and none beside numbers", () => {
    const paper = samplePaper("Adaptive Sparse Attention");
    const card = paperCard(h.engine, paper);
    expect(card.keyResults).toEqual([]);
    expect(card.findings).toEqual([
      expect.stringMatching(/^Extensive experiments validate that AdaSpa delivers substantial acceleration/),
    ]);

    const slack = JSON.stringify(renderSlack(card));
    expect(slack).toContain("*Findings*\\n• Extensive experiments validate that AdaSpa");
    expect(slack).not.toContain("*Key results*");
    expect(slack.indexOf("*TL;DR*")).toBeLessThan(slack.indexOf("*Findings*"));
    const [discord] = renderDiscord([card], new ButtonCommands());
    const names = discord!.embeds[0]!.fields!.map((f) => f.name);
    expect(names[0]).toBe("Findings");
    expect(names).not.toContain("Key results");
    const text = renderConsole(card, plain);
    expect(text).toContain("Findings:\n- Extensive experiments validate that AdaSpa");
    expect(text.indexOf("TL;DR: ")).toBeLessThan(text.indexOf("Findings:"));

    // A paper with measured results shows them as key results, with no findings beside them.
    const withNumbers = paperCard(h.engine, samplePaper("Designing BERT for Convolutional Networks", false));
    expect(withNumbers.keyResults.length).toBeGreaterThan(0);
    expect(withNumbers.findings).toBeUndefined();
    expect(renderConsole(withNumbers, plain)).not.toContain("Findings:");
  });

  it("keeps oversized, hostile findings within every platform's limits and inert", () => {
    const card = bareCard({ findings: [HOSTILE_LONG_TEXT, HOSTILE_LONG_TEXT] });
    const slack = renderSlack(card);
    expect(hostileSlackProblems(slack)).toEqual([]);
    const [discord] = renderDiscord([card], new ButtonCommands());
    const field = discord!.embeds[0]!.fields!.find((f) => f.name === "Findings")!;
    expect(field.value.length).toBeLessThanOrEqual(FIELD_VALUE_MAX);
    expect(field.value).not.toMatch(/(?<!\\)\*\*bold/);
    expect(discord!.allowedMentions).toEqual({ parse: [] });
  });
});
