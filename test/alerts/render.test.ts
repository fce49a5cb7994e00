/**
 * The weekly digest and alert lines on every platform: within each platform's limits with
 * oversized data, and inert (no ping, no markup) with hostile text in titles, labels and watches.
 */
import { describe, expect, it } from "vitest";
import { renderReply as consoleRender, styleFor } from "../../adapters/console/render.js";
import { ButtonCommands } from "../../adapters/discord/buttons.js";
import {
  CONTENT_MAX,
  EMBED_FIELDS_MAX,
  EMBEDS_TOTAL_MAX,
  FIELD_NAME_MAX,
  FIELD_VALUE_MAX,
} from "../../adapters/discord/limits.js";
import { embedSize } from "../../adapters/discord/message.js";
import { renderReplies } from "../../adapters/discord/render.js";
import { MAX_BLOCKS_PER_MESSAGE, MAX_HEADER_TEXT, MAX_SECTION_TEXT } from "../../adapters/slack/limits.js";
import { renderReply as slackRender } from "../../adapters/slack/render.js";
import type { ResultList, WeeklyReply } from "../../src/bot/replies.js";
import { expectInert, markdownTexts } from "../discord/inert.js";
import { controlSequences, mrkdwnTexts, SlackMessageSchema } from "../support/slack-blockkit.js";

const long = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");
const HOSTILE = "<!channel> @everyone <@U024BE7LH> *bold* `code` [x](https://evil.example) \u001b[31m";

function hugeWeek(): WeeklyReply {
  return {
    kind: "weekly",
    from: "2026-02-02",
    until: "2026-02-08",
    days: 5,
    count: 5000,
    headline: `5000 papers over 5 digest days; biggest topics: ${long(HOSTILE, 50)}`,
    topics: Array.from({ length: 8 }, (_, t) => ({
      label: `Topic ${t} ${HOSTILE} ${long("label", 100)}`,
      count: 600,
      papers: Array.from({ length: 3 }, (_, i) => ({
        id: `pb-${t}-${i}`,
        title: `${HOSTILE} ${long("title", 200)}`,
        url: i === 0 ? "https://arxiv.org/abs/2601.23265" : null,
        code: [],
        upvotes: 12,
        ...(i === 0 ? { tldr: `${HOSTILE} ${long("tldr", 400)}` } : {}),
      })),
    })),
    moreTopics: 40,
    discussed: Array.from({ length: 5 }, (_, i) => ({
      paper: { id: `pb-d${i}`, title: `${HOSTILE} ${long("discussed", 200)}`, date: "2026-02-03", code: [] },
      threads: 1,
      questions: 40,
      notes: 3,
      reactions: 0,
    })),
    queue: { queued: 3, claimed: 2, added: 4, read: 1 },
  };
}

const ALERT: ResultList = {
  kind: "results",
  title: "New papers for this channel's watches (2026-02-02)",
  items: Array.from({ length: 10 }, (_, i) => ({
    id: `pb-a${i}`,
    title: `${HOSTILE} paper ${i}`,
    date: "2026-02-02",
    code: [],
    tldr: long("tldr", 50),
    watches: [`#1 ${HOSTILE}`, `#2 ${long("w", 60)}`],
  })),
  total: 14,
  offset: 0,
  next: { kind: "more", label: "More", command: "watches 1" },
};

describe("the weekly digest and alerts render within limits and inert", () => {
  it("on Slack: one message under the block limit, every section and header cut, no live mention", () => {
    for (const reply of [hugeWeek(), ALERT]) {
      const messages = slackRender(reply);
      expect(messages).toHaveLength(1);
      for (const m of messages) {
        expect(SlackMessageSchema.safeParse(m).success).toBe(true);
        expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
        for (const b of m.blocks as { type: string; text?: { text: string } }[]) {
          if (b.type === "section") expect(b.text?.text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
          if (b.type === "header") expect(b.text?.text.length).toBeLessThanOrEqual(MAX_HEADER_TEXT);
        }
        for (const text of mrkdwnTexts(m))
          for (const seq of controlSequences(text)) expect(seq).toMatch(/^<https:\/\/[^|>]+\|[^>]*>$/);
      }
    }
    const alert = JSON.stringify(slackRender(ALERT));
    expect(alert).toContain("_matches:_ #1 &lt;!channel&gt;");
  });

  it("on Discord: one message within every embed limit, text escaped, nobody pinged", () => {
    const ids = new ButtonCommands();
    for (const reply of [hugeWeek(), ALERT]) {
      const [m, ...rest] = renderReplies([reply], ids);
      expect(rest).toEqual([]);
      if (!m) throw new Error("no message");
      expect(m.allowedMentions).toEqual({ parse: [] });
      expect(m.content?.length ?? 0).toBeLessThanOrEqual(CONTENT_MAX);
      expect(m.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(EMBEDS_TOTAL_MAX);
      for (const e of m.embeds) {
        expect(e.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_FIELDS_MAX);
        for (const f of e.fields ?? []) {
          expect(f.name.length).toBeLessThanOrEqual(FIELD_NAME_MAX);
          expect(f.value.length).toBeLessThanOrEqual(FIELD_VALUE_MAX);
        }
      }
      for (const text of markdownTexts(m)) expectInert(text);
    }
    const [week] = renderReplies([hugeWeek()], ids);
    // Every topic, the discussion and the queue are there, each cut to its share.
    expect(week?.embeds[0]?.fields?.map((f) => f.name.slice(0, 7))).toEqual([
      ...Array.from({ length: 8 }, (_, t) => `Topic ${t}`),
      "Most di",
      "Reading",
    ]);
  });

  it("on the console: no escape sequence from the data, and every section present", () => {
    const text = consoleRender(hugeWeek(), styleFor(false));
    expect(text).not.toContain("\u001b");
    expect(text).toContain("The week of 2026-02-02 to 2026-02-08");
    expect(text).toContain("…and 40 more topics.");
    expect(text).toContain("Most discussed here");
    expect(text).toContain("1 thread, 40 questions, 3 notes");
    expect(text).toContain("3 waiting, 2 being read; this week 4 papers added, 1 read.");
    expect(consoleRender(ALERT, styleFor(false))).toContain("matches: #1 <!channel> @everyone");
  });
});
