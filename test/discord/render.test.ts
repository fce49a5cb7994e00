import { describe, expect, test } from "vitest";
import { ButtonCommands } from "../../adapters/discord/buttons.js";
import {
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW,
  CONTENT_MAX,
  CUSTOM_ID_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELDS_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_PER_MESSAGE,
  EMBEDS_TOTAL_MAX,
  FIELD_NAME_MAX,
  FIELD_VALUE_MAX,
  FOOTER_MAX,
  ROWS_PER_MESSAGE,
} from "../../adapters/discord/limits.js";
import { type DiscordMessage, embedSize } from "../../adapters/discord/message.js";
import { renderReplies, renderRoundup } from "../../adapters/discord/render.js";
import { Bot } from "../../src/bot/bot.js";
import type { PaperCard, PaperLite, Reply, RoundupReply } from "../../src/bot/replies.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { HOSTILE } from "../support/fixtures.js";
import { expectInert, markdownTexts } from "./inert.js";

/** Asserts every Discord limit on one message. */
function expectWithinLimits(m: DiscordMessage): void {
  expect(m.allowedMentions).toEqual({ parse: [] });
  expect(m.content?.length ?? 0).toBeLessThanOrEqual(CONTENT_MAX);
  expect(m.embeds.length).toBeLessThanOrEqual(EMBEDS_PER_MESSAGE);
  expect(m.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(EMBEDS_TOTAL_MAX);
  for (const e of m.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(EMBED_TITLE_MAX);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(FOOTER_MAX);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_FIELDS_MAX);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(FIELD_NAME_MAX);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(FIELD_VALUE_MAX);
    }
  }
  expect(m.components.length).toBeLessThanOrEqual(ROWS_PER_MESSAGE);
  for (const row of m.components) {
    expect(row.components.length).toBeLessThanOrEqual(BUTTONS_PER_ROW);
    for (const b of row.components) {
      expect((b as { label?: string }).label?.length ?? 0).toBeLessThanOrEqual(BUTTON_LABEL_MAX);
      if ("custom_id" in b) expect(b.custom_id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    }
  }
}

const huge = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");

function lite(i: number, titleWords = 60): PaperLite {
  return {
    id: `pb-${String(i).padStart(12, "0")}`,
    title: huge("*Title_", titleWords),
    date: "2025-08-12",
    code: ["https://github.com/x/y"],
    tldr: huge("tl`dr", 400),
  };
}

describe("oversized replies stay within Discord's limits", () => {
  test("a paper card with an enormous title, abstract, key results, authors and links", () => {
    const card: PaperCard = {
      kind: "paper",
      id: "2601.23265",
      title: huge("Title", 200),
      date: "2025-08-12",
      authors: Array.from({ length: 500 }, (_, i) => `Author ${i}`),
      tldr: huge("tldr", 2000),
      keyResults: Array.from({ length: 50 }, () => huge("result", 300)),
      links: Array.from({ length: 200 }, (_, i) => `https://example.org/${i}/${"x".repeat(100)}`),
      code: Array.from({ length: 100 }, (_, i) => `https://github.com/org/repo${i}`),
      url: "https://arxiv.org/abs/2601.23265",
      abstract: huge("abstract", 5000),
      actions: Array.from({ length: 30 }, (_, i) => ({
        kind: "related" as const,
        label: huge("label", 50),
        command: `related ${"z".repeat(i * 10)}`,
      })),
    };
    const [m] = renderReplies([card], new ButtonCommands());
    expectWithinLimits(m!);
    const e = m!.embeds[0]!;
    expect(e.title!.endsWith("…")).toBe(true);
    expect(e.url).toBe("https://arxiv.org/abs/2601.23265");
    expect(e.description!.startsWith("**TL;DR** ")).toBe(true);
    expect(e.fields!.map((f) => f.name)).toEqual(["Key results", "Authors", "Code", "Links"]);
  });

  test("a result list of ten long items, with a More button whose command exceeds a custom_id", () => {
    const ids = new ButtonCommands();
    const longQuery = huge("q", 80);
    const reply: Reply = {
      kind: "results",
      title: `Search: "${longQuery}"`,
      items: Array.from({ length: 10 }, (_, i) => lite(i)),
      total: 999,
      offset: 10,
      next: { kind: "more", label: "More", command: `search ${longQuery} offset:20` },
    };
    const [m] = renderReplies([reply], ids);
    expectWithinLimits(m!);
    const desc = m!.embeds[0]!.description!;
    for (let n = 11; n <= 20; n++) expect(desc).toContain(`**${n}. `);
    expect(m!.embeds[0]!.footer!.text).toBe("11–20 of 999");
    const more = m!.components[0]!.components[0]!;
    expect((more as { label?: string }).label).toBe("More");
    expect(ids.decode((more as { custom_id: string }).custom_id)).toBe(`search ${longQuery} offset:20`);
  });

  test("a roundup of 300 papers in 40 topics splits over messages, each within limits", () => {
    const topics = Array.from({ length: 40 }, (_, t) => ({
      label: huge(`topic${t}`, 60),
      other: false,
      papers: Array.from({ length: t === 0 ? 120 : 5 }, (_, i) => {
        const p = lite(t * 1000 + i);
        return {
          id: p.id,
          title: p.title,
          url: `https://arxiv.org/abs/${p.id}`,
          code: p.code,
          upvotes: i,
          ...(i < 2 ? { tldr: p.tldr } : {}),
        };
      }),
    }));
    const r: RoundupReply = {
      kind: "roundup",
      date: "2025-08-12",
      count: 315,
      shown: 315,
      headline: huge("headline", 400),
      topics,
      filters: [huge("f", 500)],
    };
    const messages = renderRoundup(r, new ButtonCommands());
    expect(messages.length).toBeGreaterThan(4);
    for (const m of messages) expectWithinLimits(m);
    expect(messages[0]!.content).toContain("Papers of 2025-08-12");
    expect(messages.slice(1).every((m) => m.content === undefined)).toBe(true);
    // Every paper appears exactly once across all messages.
    const all = messages.flatMap((m) => m.embeds.map((e) => e.description ?? "")).join("\n");
    for (const t of topics) for (const p of t.papers) expect(all.split(`abs/${p.id})`).length - 1).toBe(1);
    // The 120-paper topic overflows one description and continues.
    expect(
      messages.flatMap((m) => m.embeds).filter((e) => e.title?.endsWith("(cont.)")).length,
    ).toBeGreaterThan(0);
  });

  test("answers, notices, help and settings with oversized text", () => {
    const replies: Reply[] = [
      {
        kind: "answer",
        paperId: "x",
        paperTitle: huge("t", 2000),
        question: huge("q", 500),
        text: huge("a", 3000),
        evidence: Array.from({ length: 40 }, () => huge("e", 100)),
        unanswered: false,
      },
      { kind: "notice", level: "error", text: huge("n", 3000), code: "E_X" },
      {
        kind: "help",
        intro: huge("i", 3000),
        commands: Array.from({ length: 40 }, () => ({ usage: huge("u", 100), summary: huge("s", 500) })),
        footer: huge("f", 1000),
      },
      {
        kind: "settings",
        subscribed: true,
        time: "09:00",
        timezone: "UTC",
        filters: Array.from({ length: 300 }, (_, i) => `topic ${i}`),
        changed: huge("c", 2000),
      },
    ];
    const messages = renderReplies(replies, new ButtonCommands());
    expect(messages).toHaveLength(4);
    for (const m of messages) expectWithinLimits(m);
    expect(messages[1]!.content!.startsWith("❌ ")).toBe(true);
  });
});

test("the hostile digest, through the real bot, renders with no mention and no markup of its own", async () => {
  const clock = new ManualClock("2025-03-04T09:00:00Z");
  const engine = Paperboy.open({ dbPath: ":memory:", clock, logger: silentLogger() });
  engine.ingest([`${HOSTILE}mentions-and-markup.txt`], { date: "2025-03-03" });
  const bot = new Bot(engine, { clock, logger: silentLogger() });
  const ctx = { platform: "discord" as const, workspace: "G", channel: "C", user: "U", at: clock.now() };
  const ids = engine.papers.day("2025-03-03").map((p) => p.id);
  expect(ids.length).toBe(3);
  const replies: Reply[] = [];
  for (const id of ids) replies.push(...(await bot.handle({ name: "show", id }, ctx)));
  replies.push(...(await bot.handle({ name: "day", date: "2025-03-03" }, ctx)));
  replies.push(...(await bot.handle({ name: "roundup", date: "2025-03-03" }, ctx)));
  replies.push(...(await bot.handle({ name: "ask", question: `${ids[0]} what about @everyone?` }, ctx)));
  expect(replies.map((r) => r.kind)).toEqual(["paper", "paper", "paper", "results", "roundup", "answer"]);
  const messages = renderReplies(replies, new ButtonCommands());
  const texts = messages.flatMap(markdownTexts);
  expect(texts.join("\n")).toContain("Attention Is");
  for (const t of texts) expectInert(t);
  for (const m of messages) expect(m.allowedMentions).toEqual({ parse: [] });
  engine.close();
});

test("an answer that is the paper's own sentences is said once, cleaned, under 'From the abstract'", async () => {
  const clock = new ManualClock("2025-03-11T09:00:00Z");
  const engine = Paperboy.open({ dbPath: ":memory:", clock, logger: silentLogger() });
  engine.ingest([`${HOSTILE}unicode-and-latex.txt`], { date: "2025-03-10" });
  const bot = new Bot(engine, { clock, logger: silentLogger() });
  const ctx = { platform: "discord" as const, workspace: "G", channel: "C", user: "U", at: clock.now() };
  const id = engine.papers.day("2025-03-10")[0]?.id as string;
  const replies = await bot.handle({ name: "ask", question: `${id} what speedup do they reach?` }, ctx);
  const texts = renderReplies(replies, new ButtonCommands()).flatMap(markdownTexts).join("\n");
  expect(texts.match(/From the abstract/g)).toHaveLength(1);
  // The sentence (its "2.09× speedup") once; the question in the title says "speedup" too.
  expect(texts.match(/2\.09/g)).toHaveLength(1);
  // No LaTeX left (Discord's own escapes, like "\\_", are fine).
  expect(texts).not.toMatch(/\$|\\[a-zA-Z]{2,}|mathcal/);
  engine.close();
});
