import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cut, escapeMrkdwn } from "../../adapters/slack/escape.js";
import {
  MAX_BLOCKS_PER_MESSAGE,
  MAX_BUTTON_LABEL,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
} from "../../adapters/slack/limits.js";
import { renderReply } from "../../adapters/slack/render.js";
import { Bot } from "../../src/bot/bot.js";
import type { PaperCard, Reply, ResultList, RoundupReply } from "../../src/bot/replies.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { DIGESTS, HOSTILE } from "../support/fixtures.js";
import { controlSequences, mrkdwnTexts, SlackMessageSchema } from "../support/slack-blockkit.js";

const long = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");

function hugeCard(): PaperCard {
  return {
    kind: "paper",
    id: "pb-0123456789ab",
    title: `A ${long("Title", 400)}`,
    date: "2025-08-12",
    authors: Array.from({ length: 300 }, (_, i) => `Author ${i}`),
    tldr: long("tldr & <b>", 2000),
    keyResults: Array.from({ length: 200 }, (_, i) => `result ${i}: ${long("gain", 40)}`),
    links: [],
    code: [
      ...Array.from({ length: 40 }, (_, i) => `https://github.com/org/repo${i}`),
      `https://github.com/${"x".repeat(2500)}`,
    ],
    url: "https://arxiv.org/abs/2601.23265",
    abstract: long("abstract <!channel>", 3000),
    actions: [
      { kind: "discuss", label: "Discuss", command: "discuss pb-0123456789ab" },
      { kind: "related", label: `Related ${"r".repeat(200)}`, command: "related pb-0123456789ab" },
    ],
  };
}

function validate(reply: Reply) {
  const messages = renderReply(reply);
  for (const m of messages) {
    const parsed = SlackMessageSchema.safeParse(m);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  }
  return messages;
}

describe("Slack rendering: limits", () => {
  it("keeps an oversized paper card within every Block Kit limit, split over several messages", () => {
    const messages = validate(hugeCard());
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
    const header = messages[0]?.blocks[0] as any;
    expect(header.type).toBe("header");
    expect(header.text.text.length).toBeLessThanOrEqual(MAX_HEADER_TEXT);
    expect(header.text.text.endsWith("…")).toBe(true);
    const buttons = messages
      .flatMap((m) => m.blocks)
      .flatMap((b: any) => (b.type === "actions" ? b.elements : []));
    // The 2500-character code link is over the url limit: no button for it, the others stay.
    expect(buttons.some((b: any) => b.url?.includes("xxxx"))).toBe(false);
    expect(buttons.filter((b: any) => b.url?.startsWith("https://github.com/org/")).length).toBeGreaterThan(
      10,
    );
    for (const b of buttons) expect(b.text.text.length).toBeLessThanOrEqual(MAX_BUTTON_LABEL);
    // Nothing of the TL;DR is silently lost: its sections together hold all of it.
    const text = messages
      .flatMap((m) => m.blocks)
      .map((b: any) => b.text?.text ?? "")
      .join(" ");
    expect(text.includes("tldr &amp; &lt;b&gt;1999")).toBe(true);
    for (const b of messages.flatMap((m) => m.blocks) as any[])
      if (b.type === "section") expect(b.text.text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
  });

  it("splits a roundup of 400 papers into messages of at most 50 blocks, one section (or more) per topic", () => {
    const topics = Array.from({ length: 80 }, (_, t) => ({
      label: `Topic ${t} <!here>`,
      other: false,
      papers: Array.from({ length: 5 }, (_, i) => ({
        id: `pb-${t}-${i}`,
        title: `Paper ${t}.${i} ${long("word", 60)}`,
        url: null,
        code: [],
        upvotes: null,
        ...(i < 2 ? { tldr: `tldr ${t}.${i}` } : {}),
      })),
    }));
    const reply: RoundupReply = {
      kind: "roundup",
      date: "2025-08-12",
      count: 400,
      shown: 400,
      headline: "400 papers on 2025-08-12: 5 on topic 0, and 79 more topics.",
      topics,
    };
    const messages = validate(reply);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    const sections = messages.flatMap((m) => m.blocks).filter((b: any) => b.type === "section") as any[];
    for (let t = 0; t < 80; t++)
      expect(sections.some((s) => s.text.text.startsWith(`*Topic ${t} &lt;!here&gt;*`))).toBe(true);
    expect(messages[1]?.text).toMatch(/^\(continued\)/);
  });

  it("renders a result list with a More button carrying the next page's command", () => {
    const list: ResultList = {
      kind: "results",
      title: 'Search: "sparse attention"',
      items: [
        { id: "2601.23265", title: "Sparse <@U024BE7LH> attention", date: "2025-08-12", code: [], tldr: "x" },
      ],
      total: 12,
      offset: 5,
      next: { kind: "more", label: "More", command: "search sparse attention offset:6" },
    };
    const msg = validate(list)[0]!;
    const more = msg.blocks.find((b: any) => b.type === "actions") as any;
    expect(more.elements[0].value).toBe("search sparse attention offset:6");
    expect((msg.blocks[0] as any).text.text).toContain("(6–6 of 12)");
    expect(JSON.stringify(msg)).not.toContain("<@U024BE7LH>");
  });
});

describe("Slack rendering: escaping", () => {
  let engine: Paperboy;
  let bot: Bot;
  beforeAll(() => {
    const clock = new ManualClock("2025-08-13T09:00:00Z");
    engine = Paperboy.open({ dbPath: ":memory:", clock });
    engine.ingest([`${DIGESTS}daily-papers-aug-12.txt`], { date: "2025-08-12" });
    engine.ingest([`${HOSTILE}mentions-and-markup.txt`], { date: "2025-03-03" });
    bot = new Bot(engine, { clock, logger: silentLogger() });
  });
  afterAll(() => engine.close());

  it("escapes &, < and > and cuts without splitting an entity", () => {
    expect(escapeMrkdwn("a <!channel> & <@U1>")).toBe("a &lt;!channel&gt; &amp; &lt;@U1&gt;");
    const cutText = cut(escapeMrkdwn(`${"x".repeat(8)}<<<<`), 12);
    expect(cutText).not.toMatch(/&[a-z]*…$/);
    expect(cutText.length).toBeLessThanOrEqual(12);
  });

  it("never lets a hostile digest's <!channel>, <!here> or <@U…> reach Slack as a mention", async () => {
    const ctx = { platform: "slack" as const, workspace: "T1", channel: "C1", user: "U1", at: new Date() };
    const ids = engine.papers.dayPks("2025-03-03").map((pk) => engine.papers.byPk(pk)?.id as string);
    expect(ids.length).toBeGreaterThan(0);
    const replies: Reply[] = [
      ...(await bot.handle("roundup 2025-03-03", ctx)),
      ...(await bot.handle("search ping here everyone", ctx)),
    ];
    for (const id of ids) replies.push(...(await bot.handle(`show ${id}`, ctx)));
    replies.push(...(await bot.handle(`ask ${ids[0]} who do you ping <!channel>?`, ctx)));
    expect(replies.map((r) => r.kind)).toEqual(expect.arrayContaining(["roundup", "paper", "answer"]));
    const raw = JSON.stringify(replies);
    expect(raw).toContain("<!channel>");
    for (const reply of replies) {
      for (const msg of validate(reply)) {
        for (const text of mrkdwnTexts(msg)) {
          // The only <…> sequences left are links we built ourselves.
          for (const seq of controlSequences(text)) expect(seq).toMatch(/^<https?:\/\/[^|>]+\|[^>]*>$/);
        }
      }
    }
  });
});

describe("Slack rendering: a thread answer", () => {
  let engine: Paperboy;
  let bot: Bot;
  beforeAll(() => {
    const clock = new ManualClock("2025-03-11T09:00:00Z");
    engine = Paperboy.open({ dbPath: ":memory:", clock });
    engine.ingest([`${HOSTILE}unicode-and-latex.txt`], { date: "2025-03-10" });
    bot = new Bot(engine, { clock, logger: silentLogger() });
  });
  afterAll(() => engine.close());

  it("shows the paper's sentences once, as display text, under 'From the abstract'", async () => {
    const ctx = { platform: "slack" as const, workspace: "T1", channel: "C1", user: "U1", at: new Date() };
    const id = engine.papers.byPk(engine.papers.dayPks("2025-03-10")[0] as number)?.id as string;
    const [answer] = await bot.handle(`ask ${id} what speedup do they reach?`, ctx);
    expect(answer?.kind).toBe("answer");
    const [msg] = validate(answer as Reply);
    const shown = (msg?.blocks ?? [])
      .filter((b) => b.type === "section")
      .map((b) => (b as { text: { text: string } }).text.text)
      .join("\n");
    expect(shown.match(/From the abstract/g)).toHaveLength(1);
    // The first sentence is the one the question is about; it appears once, quoted, cleaned.
    expect(shown.match(/speedup/g)).toHaveLength(1);
    expect(shown).toMatch(/^\*From the abstract\*\n> /);
    expect(shown).not.toMatch(/[$\\]|\\href|mathcal/);
  });

  it("an answer from Hugging Face's summary is quoted once, under that source", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "paperboy-answer-")), "day.jsonl");
    const entry = {
      id: "pb-routing",
      title: "Routing",
      abstract: "We study routing. Results are reported in the appendix.",
      date: "2025-03-09",
      source_summary: "The method cuts routing latency by 40% on commodity hardware.",
    };
    writeFileSync(file, `${JSON.stringify(entry)}\n`);
    engine.ingest([file]);
    const ctx = { platform: "slack" as const, workspace: "T1", channel: "C1", user: "U1", at: new Date() };
    const [answer] = await bot.handle("ask pb-routing how much does it cut latency?", ctx);
    const shown = mrkdwnTexts(validate(answer as Reply)[0] as never)
      .slice(1)
      .join("\n");
    expect(shown.match(/40%/g)).toHaveLength(1);
    expect(shown).toMatch(/^\*From Hugging Face's summary\*\n> The method cuts routing latency/);
    expect(shown).not.toMatch(/From the abstract|summary says/);
  });
});
