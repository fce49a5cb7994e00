import { describe, expect, it } from "vitest";
import { MAX_BLOCKS_PER_MESSAGE, MAX_SECTION_TEXT } from "../../adapters/slack/limits.js";
import { renderReply } from "../../adapters/slack/render.js";
import { ROUNDUP_LINES_PER_SECTION } from "../../adapters/slack/roundup-blocks.js";
import { oversizedRoundup } from "../support/roundup-replies.js";
import { controlSequences, mrkdwnTexts, SlackMessageSchema } from "../support/slack-blockkit.js";

const reply = oversizedRoundup();
const messages = renderReply(reply);
const sections = (m: (typeof messages)[number]) => m.blocks.filter((b) => b.type === "section") as any[];
const where = (id: string) =>
  messages.flatMap((m, mi) =>
    sections(m)
      .filter((s) => s.text.text.includes(`abs/${id}|`))
      .map((s) => ({ mi, s })),
  );

describe("Slack roundup: read in 30 seconds, within Block Kit limits", () => {
  it("keeps every message valid and within limits, with a one-line opening under the day", () => {
    for (const m of messages) {
      const parsed = SlackMessageSchema.safeParse(m);
      expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 2))).toBe(
        true,
      );
      expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
      for (const s of sections(m)) expect(s.text.text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    }
    expect(messages[0]?.blocks[0]).toMatchObject({ type: "header", text: { text: "Papers of 2026-02-03" } });
    expect((messages[0]!.blocks[1] as any).text.text).toBe(reply.headline);
    expect(messages[0]?.text).toBe(reply.headline);
  });

  it("lists every paper once; a topic's first two with their TL;DR in the same section, the rest one line each", () => {
    for (const t of reply.topics) {
      for (const p of t.papers) {
        const found = where(p.id);
        expect(found, p.id).toHaveLength(1);
        const text = (found[0] as { s: any }).s.text.text as string;
        if (p.tldr) expect(text).toMatch(/\n> /);
        else expect(text).not.toContain("\n> ");
      }
    }
  });

  it("puts the others' TL;DRs one click away: each listing section's menu runs `summary <id>` for its papers", () => {
    for (const p of reply.topics.flatMap((t) => t.papers).filter((p) => !p.tldr)) {
      const { s } = where(p.id)[0] as { s: any };
      expect(s.accessory?.type).toBe("overflow");
      expect(s.accessory.options.map((o: any) => o.value)).toContain(`summary ${p.id}`);
      expect(s.accessory.options.length).toBeLessThanOrEqual(ROUNDUP_LINES_PER_SECTION);
    }
  });

  it("never cuts a topic that fits in a message; a topic longer than a message continues under its label", () => {
    expect(messages.length).toBeGreaterThan(1);
    for (const t of reply.topics) {
      const messagesOfTopic = new Set(t.papers.map((p) => where(p.id)[0]?.mi));
      expect(messagesOfTopic.size, t.label).toBe(1);
    }
    const first = reply.topics[0] as (typeof reply.topics)[number];
    const huge = {
      ...reply,
      topics: [{ ...first, papers: [...first.papers, ...first.papers, ...first.papers] }],
    };
    const parts = renderReply(huge);
    expect(parts.length).toBeGreaterThan(1);
    for (const m of parts) expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
    const heading = sections(parts[1] as (typeof parts)[number])[0]?.text.text;
    expect(heading).toMatch(/^\*Topic 0 .*\* \(continued\) {2}· {2}360 papers$/);
  });

  it("lets no digest text ping, link or style: mentions and markup arrive escaped", () => {
    for (const m of messages) {
      for (const text of mrkdwnTexts(m)) {
        expect(text).not.toMatch(/<!channel>|<!here>/);
        // Our own links only: everything Slack would parse as a mention or link points at arXiv or GitHub.
        for (const link of controlSequences(text))
          expect(link).toMatch(/^<https:\/\/(arxiv\.org|github\.com)\//);
      }
    }
  });
});
