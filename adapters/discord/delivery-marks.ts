/**
 * Delivery marks in Discord: every message of a roundup names its delivery and part in the footer
 * of its last embed ("paperboy roundup 2026-02-02 · part 1/3"; in the content when the embeds are
 * full) and carries a nonce Discord enforces for a few minutes (nonce.ts). A process that takes over a claim
 * reads the channel's messages since the delivery's due time and posts only the parts not there.
 */
import type { APIEmbed } from "discord.js";
import type { DeliveryMark } from "../../src/bot/adapter.js";
import { CONTENT_MAX, EMBEDS_TOTAL_MAX, FOOTER_MAX } from "./limits.js";
import { type DiscordMessage, embedSize } from "./message.js";

export function markText(mark: DeliveryMark, part: number, parts: number): string {
  return `paperboy ${mark.label} · part ${part}/${parts}`;
}

/** The message with its mark, within Discord's limits; unchanged when no place has room. */
export function withMark(m: DiscordMessage, text: string): DiscordMessage {
  const last = m.embeds.at(-1);
  if (last) {
    const footer = last.footer?.text ? `${last.footer.text} · ${text}` : text;
    const total = m.embeds.reduce((n, e) => n + embedSize(e), 0) - (last.footer?.text.length ?? 0);
    if (footer.length <= FOOTER_MAX && total + footer.length <= EMBEDS_TOTAL_MAX) {
      const marked: APIEmbed = { ...last, footer: { ...last.footer, text: footer } };
      return { ...m, embeds: [...m.embeds.slice(0, -1), marked] };
    }
  }
  // Small print under the content ("-# " is Discord's subtext).
  const content = m.content ? `${m.content}\n-# ${text}` : `-# ${text}`;
  if (content.length <= CONTENT_MAX) return { ...m, content };
  return m;
}

/** The part numbers of `mark` found in messages' footers and contents. */
export function partsIn(texts: readonly string[], mark: DeliveryMark): number[] {
  const prefix = `paperboy ${mark.label} · part `;
  const parts: number[] = [];
  for (const t of texts) {
    let at = t.indexOf(prefix);
    while (at !== -1) {
      const m = /^(\d+)\/\d+/.exec(t.slice(at + prefix.length));
      if (m) parts.push(Number(m[1]));
      at = t.indexOf(prefix, at + prefix.length);
    }
  }
  return parts;
}
