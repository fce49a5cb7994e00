/**
 * The weekly digest as one Discord message: the week and its opening line as content, then one
 * embed whose fields are the biggest topics (count, best papers linked, the first one's TL;DR),
 * the channel's most discussed papers, and the reading queue. Every field is cut to
 * FIELD_VALUE_MAX and the fields together to what an embed holds (EMBEDS_TOTAL_MAX); digest text is
 * escaped (`fitText`) and pings no one.
 */
import type { APIEmbed, APIEmbedField } from "discord.js";
import type { RoundupPaper, WeeklyReply } from "../../src/bot/replies.js";
import { mentionText } from "./discussion-link.js";
import { fitText, safeUrl } from "./escape.js";
import {
  CONTENT_MAX,
  EMBED_FIELDS_MAX,
  EMBEDS_TOTAL_MAX,
  FIELD_NAME_MAX,
  FIELD_VALUE_MAX,
} from "./limits.js";
import { blocks, type DiscordMessage, message } from "./message.js";

const COLOR = 0xfaa61a;
/** Characters of a title in a digest line, and of the TL;DR under a topic's first paper. */
export const WEEKLY_TITLE_MAX = 200;
export const WEEKLY_TLDR_MAX = 300;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function linkUrl(url: string): string | null {
  const safe = safeUrl(url);
  return safe ? safe.replace(/\(/g, "%28").replace(/\)/g, "%29") : null;
}

function paperLine(p: RoundupPaper): string {
  const title = fitText(p.title, WEEKLY_TITLE_MAX);
  const url = p.url ? linkUrl(p.url) : null;
  const parts = [`• ${url ? `[${title}](${url})` : title}`];
  if (p.upvotes !== null) parts.push(`▲ ${p.upvotes}`);
  const line = parts.join(" · ");
  return p.tldr ? `${line}\n↳ ${fitText(p.tldr, WEEKLY_TLDR_MAX)}` : line;
}

export function renderWeekly(r: WeeklyReply): DiscordMessage {
  const content = fitText(
    `**The week of ${r.from} to ${r.until}**${r.late ? " (posted late)" : ""}\n${r.headline}`,
    CONTENT_MAX,
  );
  const wanted: { name: string; lines: string[] }[] = r.topics.map((t) => ({
    name: `${t.label} · ${plural(t.count, "paper")}`,
    lines: t.papers.map(paperLine),
  }));
  const discussed = r.discussed.map((d) => {
    const what = [
      d.threads ? plural(d.threads, "thread") : "",
      d.questions ? plural(d.questions, "question") : "",
      d.notes ? plural(d.notes, "note") : "",
      d.reactions ? plural(d.reactions, "reaction") : "",
    ].filter(Boolean);
    const where = d.paper.discussed ? ` · ${mentionText(d.paper.discussed)}` : "";
    return `• **${fitText(d.paper.title, WEEKLY_TITLE_MAX)}**: ${what.join(", ")}${where}`;
  });
  wanted.push({
    name: "Most discussed here",
    lines: discussed.length ? discussed : ["Nothing was discussed or noted here this week."],
  });
  const q = r.queue;
  wanted.push({
    name: "Reading queue",
    lines: [
      `${q.queued} waiting, ${q.claimed} being read; this week ${plural(q.added, "paper")} added, ${q.read} read.`,
    ],
  });
  const footer = r.moreTopics > 0 ? `…and ${plural(r.moreTopics, "more topic")}` : "";
  // Each field gets an even share of what the embed holds (whole lines; an overlong one is cut).
  const fields = wanted.slice(0, EMBED_FIELDS_MAX);
  const names = fields.map((f) => fitText(f.name, FIELD_NAME_MAX));
  const room = EMBEDS_TOTAL_MAX - footer.length - names.reduce((n, x) => n + x.length, 0) - 50;
  const share = Math.min(FIELD_VALUE_MAX, Math.floor(room / Math.max(1, fields.length)));
  const embedFields: APIEmbedField[] = fields.flatMap((f, i) => {
    const value = blocks(f.lines, share)[0] ?? "";
    return value ? [{ name: names[i] as string, value }] : [];
  });
  const embed: APIEmbed = { color: COLOR, fields: embedFields };
  if (footer) embed.footer = { text: footer };
  return message({ content, embeds: [embed] });
}
