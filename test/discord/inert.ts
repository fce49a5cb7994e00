/** Test-side checks that rendered Discord text is inert: no live mention, no markup from the data. */
import { expect } from "vitest";
import type { DiscordMessage } from "../../adapters/discord/message.js";

/** Every text of a message Discord renders as markdown. */
export function markdownTexts(m: DiscordMessage): string[] {
  const out: string[] = [];
  if (m.content) out.push(m.content);
  for (const e of m.embeds) {
    if (e.title) out.push(e.title);
    if (e.description) out.push(e.description);
    for (const f of e.fields ?? []) out.push(f.name, f.value);
  }
  return out;
}

/** Discord's escape rule: a backslash makes the next non-alphanumeric character literal. */
export function readBack(text: string): string {
  return text.replace(/\u200b/g, "").replace(/\\([^0-9A-Za-z\s])/g, "$1");
}

const URL_RE = /<?https?:\/\/[^\s<]+[^<.,:;"')\]\s]>?/g;
/**
 * Our own masked links, `[text](https://…)` (the roundup links its titles): the text inside is
 * escaped data, so a data "[" (always escaped) can never open one. Their text is checked as text.
 */
const OWN_LINK = /(?<!\\)\[((?:\\.|[^\]\\])*)\]\(https?:\/\/[^\s()]+\)/g;

/** Asserts that `text` has no live mention and no markdown except our own bold pairs. */
export function expectInert(rendered: string): void {
  const text = rendered.replace(OWN_LINK, "$1");
  expect(text).not.toMatch(/@(everyone|here)/i);
  expect(text).not.toMatch(/<[@#][!&]?\d+>/);
  expect(text).not.toMatch(/<@/);
  const bare = text.replace(URL_RE, " ").replace(/\\[^0-9A-Za-z\s]/g, "");
  expect(bare).not.toMatch(/\|\||`|~~|__/);
  // A masked link needs a live "[": every "[" from the data must be escaped.
  expect(text.replace(URL_RE, " ")).not.toMatch(/(^|[^\\])(\\\\)*\[/);
  expect(bare).not.toMatch(/^\s*(>|-#|#{1,3} )/m);
  expect((bare.match(/\*\*/g) ?? []).length % 2).toBe(0);
  expect(bare.replace(/\*\*/g, "")).not.toMatch(/[*_]/);
}
