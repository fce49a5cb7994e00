import { describe, expect, it } from "vitest";
import { ButtonCommands } from "../../adapters/discord/buttons.js";
import {
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW,
  CONTENT_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_PER_MESSAGE,
  EMBEDS_TOTAL_MAX,
  ROWS_PER_MESSAGE,
  SELECT_LABEL_MAX,
  SELECT_OPTIONS_MAX,
  SELECT_PLACEHOLDER_MAX,
} from "../../adapters/discord/limits.js";
import { embedSize } from "../../adapters/discord/message.js";
import { renderRoundup } from "../../adapters/discord/render.js";
import { oversizedRoundup } from "../support/roundup-replies.js";
import { expectInert, markdownTexts } from "./inert.js";

const reply = oversizedRoundup();
const ids = new ButtonCommands();
const messages = renderRoundup(reply, ids);
const descriptions = messages.flatMap((m, mi) => m.embeds.map((e) => ({ mi, d: e.description ?? "", e })));
const entry = (id: string) => descriptions.filter((x) => x.d.includes(`abs/${id})`));

describe("Discord roundup: read in 30 seconds, within Discord's limits", () => {
  it("keeps every message within limits, the day and the opening line first", () => {
    for (const m of messages) {
      expect(m.allowedMentions).toEqual({ parse: [] });
      expect(m.content?.length ?? 0).toBeLessThanOrEqual(CONTENT_MAX);
      expect(m.embeds.length).toBeLessThanOrEqual(EMBEDS_PER_MESSAGE);
      expect(m.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(EMBEDS_TOTAL_MAX);
      for (const e of m.embeds) {
        expect(e.title?.length ?? 0).toBeLessThanOrEqual(EMBED_TITLE_MAX);
        expect(e.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
      }
      expect(m.components.length).toBeLessThanOrEqual(ROWS_PER_MESSAGE);
      for (const row of m.components) {
        expect(row.components.length).toBeLessThanOrEqual(BUTTONS_PER_ROW);
        for (const b of row.components) {
          if ("label" in b) expect((b.label ?? "").length).toBeLessThanOrEqual(BUTTON_LABEL_MAX);
          // The queue's select menus (one a row): placeholder and options within Discord's limits.
          if ("options" in b) {
            expect(row.components).toHaveLength(1);
            expect(b.placeholder?.length ?? 0).toBeLessThanOrEqual(SELECT_PLACEHOLDER_MAX);
            expect(b.options.length).toBeLessThanOrEqual(SELECT_OPTIONS_MAX);
            for (const o of b.options) expect(o.label.length).toBeLessThanOrEqual(SELECT_LABEL_MAX);
          }
        }
      }
    }
    expect(messages[0]?.content).toContain("**Papers of 2026-02-03**");
    expect(messages[0]?.content).toContain(reply.headline);
    expect(messages.slice(1).every((m) => m.content === undefined)).toBe(true);
  });

  it("lists every paper once, its title linked; the TL;DR (first two of a topic) in the same embed, right under it", () => {
    for (const t of reply.topics) {
      for (const p of t.papers) {
        const found = entry(p.id);
        expect(found, p.id).toHaveLength(1);
        const lines = (found[0] as { d: string }).d.split("\n");
        const at = lines.findIndex((l) => l.includes(`abs/${p.id})`));
        expect(lines[at]).toMatch(/^\*\*\d+\.\*\* \*\*\[/);
        if (p.tldr) expect(lines[at + 1]).toMatch(/^↳ /);
        else expect(lines[at + 1] ?? "").not.toMatch(/^↳ /);
      }
    }
  });

  it("gives every other paper a TL;DR button under the message that lists it", () => {
    for (const p of reply.topics.flatMap((t) => t.papers).filter((p) => !p.tldr)) {
      const { mi, d } = entry(p.id)[0] as { mi: number; d: string };
      const n = d
        .split("\n")
        .find((l) => l.includes(`abs/${p.id})`))
        ?.match(/^\*\*(\d+)\.\*\*/)?.[1];
      const buttons = messages[mi]?.components.flatMap((r) => r.components) as unknown as {
        label: string;
        custom_id: string;
      }[];
      const button = buttons.find((b) => b.label === `TL;DR ${n}`);
      expect(button, p.id).toBeDefined();
      expect(ids.decode(button?.custom_id as string)).toBe(`summary ${p.id}`);
    }
  });

  it("offers every paper in its message's Add to queue and I'll read it menus", () => {
    for (const p of reply.topics.flatMap((t) => t.papers)) {
      const { mi } = entry(p.id)[0] as { mi: number };
      const menus = (messages[mi]?.components ?? [])
        .flatMap((r) => r.components)
        .filter((c): c is Extract<typeof c, { options: unknown }> => "options" in c);
      expect(menus.map((m) => m.placeholder)).toEqual(["Add to queue…", "I'll read it…"]);
      for (const m of menus)
        expect(
          m.options.map((o) => o.value),
          p.id,
        ).toContain(p.id);
    }
  });

  it("continues a topic longer than an embed under its label, (cont.)", () => {
    const titles = descriptions.map((x) => x.e.title ?? "");
    expect(titles.filter((t) => t.startsWith("Topic 0 ") && t.endsWith("(cont.)")).length).toBeGreaterThan(0);
  });

  it("lets no digest text mention, link or style", () => {
    for (const m of messages) for (const text of markdownTexts(m)) expectInert(text);
  });
});
