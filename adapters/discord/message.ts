/**
 * A Discord message as we send it, and the arithmetic that keeps it within Discord's limits:
 * embed sizes, packing embeds into messages, and building a text block from lines under a budget.
 */
import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  APIStringSelectComponent,
} from "discord.js";
import { EMBEDS_PER_MESSAGE, EMBEDS_TOTAL_MAX } from "./limits.js";

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>[];
  /**
   * Nothing paperboy posts may ping anyone: `parse` is always empty. The one exception is a queue
   * reminder, which notifies the one user who claimed the paper (`users`, by the platform's id).
   */
  allowedMentions: { parse: []; users?: string[] };
  /** Files attached to the message (an export). */
  files?: { attachment: Buffer; name: string }[];
}

export function message(parts: Partial<Omit<DiscordMessage, "allowedMentions">>): DiscordMessage {
  const m: DiscordMessage = {
    embeds: parts.embeds ?? [],
    components: parts.components ?? [],
    allowedMentions: { parse: [] },
  };
  if (parts.content) m.content = parts.content;
  if (parts.files?.length) m.files = parts.files;
  return m;
}

/** The characters Discord counts toward the 6000 of a message's embeds. */
export function embedSize(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += embed.footer?.text.length ?? 0;
  n += embed.author?.name.length ?? 0;
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/**
 * Spreads embeds over as few messages as fit (≤ 10 embeds and ≤ 6000 characters each). The content
 * goes on the first message, the buttons on the last. Every embed must fit alone (the renderers
 * guarantee it).
 */
export function pack(
  content: string | undefined,
  embeds: APIEmbed[],
  components: DiscordMessage["components"] = [],
): DiscordMessage[] {
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const s = embedSize(e);
    if (current.length && (current.length === EMBEDS_PER_MESSAGE || size + s > EMBEDS_TOTAL_MAX)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(e);
    size += s;
  }
  if (current.length || groups.length === 0) groups.push(current);
  return groups.map((g, i) =>
    message({
      ...(i === 0 && content ? { content } : {}),
      embeds: g,
      components: i === groups.length - 1 ? components : [],
    }),
  );
}

/**
 * Joins already-escaped lines with `sep` into blocks of at most `max` characters each; a line that
 * is itself too long must have been cut by the caller.
 */
export function blocks(lines: readonly string[], max: number, sep = "\n"): string[] {
  const out: string[] = [];
  let cur = "";
  for (const line of lines) {
    const next = cur ? `${cur}${sep}${line}` : line;
    if (next.length <= max) cur = next;
    else {
      if (cur) out.push(cur);
      cur = line.slice(0, max);
    }
  }
  if (cur) out.push(cur);
  return out;
}
