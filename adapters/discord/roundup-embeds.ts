/**
 * The roundup as Discord messages, laid out to be read in 30 seconds: the day and a one-line
 * opening as the first message's content, then one embed per topic (label and count as its title)
 * listing its papers one line each, numbered, linked and marked with code and upvotes, the first
 * ones with their TL;DR under them (↳). The other papers' TL;DRs are a button away: "TL;DR 7"
 * under the message that lists paper 7. A paper's lines never straddle two embeds or messages; a
 * topic longer than an embed continues in the next, "(cont.)". Digest text is escaped (`fitText`).
 * Each message also has "Add to queue…" and "I'll read it…" menus over the papers it lists (so a
 * message lists at most a menu's 25 papers), and a paper the channel discussed before says so.
 */
import {
  type APIButtonComponent,
  type APIEmbed,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { RoundupPaper, RoundupReply } from "../../src/bot/replies.js";
import { type ButtonCommands, selectId } from "./buttons.js";
import { mentionText } from "./discussion-link.js";
import { fitText, plainText, safeUrl } from "./escape.js";
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
  SELECT_VALUE_MAX,
} from "./limits.js";
import { type DiscordMessage, embedSize, message } from "./message.js";

const COLOR = { topic: 0xfaa61a, other: 0x99aab5 };
/** Characters of a paper's title in a roundup line. */
export const ROUNDUP_TITLE_MAX = 250;
/** Characters of a TL;DR under a topic's first papers. */
export const ROUNDUP_TLDR_MAX = 600;
/** Rows of a message taken by its "Add to queue…" and "I'll read it…" menus. */
export const QUEUE_MENU_ROWS = 2;
/** "TL;DR n" buttons under one message: the rows the queue menus leave. */
export const ROUNDUP_BUTTONS_MAX = BUTTONS_PER_ROW * (ROWS_PER_MESSAGE - QUEUE_MENU_ROWS);
/** Papers one message lists: what one menu offers, so each paper is in its message's menus. */
export const ROUNDUP_PAPERS_PER_MESSAGE = SELECT_OPTIONS_MAX;

/** A url for a markdown link `[text](url)`: parentheses would end it early. */
function linkUrl(url: string): string | null {
  const safe = safeUrl(url);
  return safe ? safe.replace(/\(/g, "%28").replace(/\)/g, "%29") : null;
}

function paperLines(p: RoundupPaper, n: number): string {
  const title = fitText(p.title, ROUNDUP_TITLE_MAX);
  const url = p.url ? linkUrl(p.url) : null;
  const parts = [`**${n}.** ${url ? `**[${title}](${url})**` : `**${title}**`}`];
  const code = p.code[0] ? linkUrl(p.code[0]) : null;
  if (code) parts.push(`[code](${code})`);
  else if (p.code.length) parts.push("code");
  if (p.upvotes !== null) parts.push(`▲ ${p.upvotes}`);
  // Already discussed in this channel: when, how much, and a link to the thread.
  const line = parts.join(" · ") + (p.discussed ? `\n💬 ${mentionText(p.discussed)}` : "");
  return p.tldr === undefined ? line : `${line}\n↳ ${fitText(p.tldr, ROUNDUP_TLDR_MAX)}`;
}

interface TopicEmbed {
  embed: APIEmbed;
  topic: RoundupReply["topics"][number];
  /** Papers listed without their TL;DR in this embed: number and id. */
  listed: { n: number; id: string }[];
  /** Every paper of this embed, for the message's queue menus. */
  papers: RoundupPaper[];
}

function header(r: RoundupReply): string {
  const span = r.until ? `${r.date} to ${r.until}` : r.date;
  const lines = [
    `**Papers of ${span}**${r.late ? " (posted late: paperboy was offline at the scheduled time)" : ""}`,
  ];
  lines.push(fitText(r.headline, 1200));
  if (r.filters?.length) lines.push(`Filtered to: ${fitText(r.filters.join(", "), 400)}`);
  return fitText(lines.join("\n"), CONTENT_MAX, (t) => t);
}

function topicEmbeds(r: RoundupReply): TopicEmbed[] {
  const out: TopicEmbed[] = [];
  let n = 0;
  for (const topic of r.topics) {
    const count = `${topic.papers.length} paper${topic.papers.length === 1 ? "" : "s"}`;
    const title = fitText(`${topic.label} · ${count}`, EMBED_TITLE_MAX - 10);
    const items = topic.papers.map((p) => {
      n += 1;
      return { text: paperLines(p, n), n, p };
    });
    // Whole papers per embed: a paper's lines never straddle two.
    let part: typeof items = [];
    let length = 0;
    const flush = () => {
      if (!part.length) return;
      out.push({
        embed: {
          title: out.length && out.at(-1)?.topic === topic ? `${title} (cont.)` : title,
          description: part.map((i) => i.text).join("\n"),
          color: topic.other ? COLOR.other : COLOR.topic,
        },
        topic,
        listed: part.filter((i) => i.p.tldr === undefined).map((i) => ({ n: i.n, id: i.p.id })),
        papers: part.map((i) => i.p),
      });
      part = [];
      length = 0;
    };
    for (const item of items) {
      const added = (part.length ? 1 : 0) + item.text.length;
      const listedHere = part.filter((i) => i.p.tldr === undefined).length;
      // An embed never holds more papers than its message's menus, nor more TL;DR buttons than it has.
      const over =
        length + added > EMBED_DESCRIPTION_MAX ||
        part.length >= ROUNDUP_PAPERS_PER_MESSAGE ||
        (item.p.tldr === undefined && listedHere >= ROUNDUP_BUTTONS_MAX);
      if (part.length && over) flush();
      length += (part.length ? 1 : 0) + item.text.length;
      part.push(item);
    }
    flush();
  }
  return out;
}

function tldrButtons(listed: { n: number; id: string }[], ids: ButtonCommands): DiscordMessage["components"] {
  const buttons: APIButtonComponent[] = listed.slice(0, ROUNDUP_BUTTONS_MAX).map((l) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: fitText(`TL;DR ${l.n}`, BUTTON_LABEL_MAX, (t) => t),
    custom_id: ids.encode(`summary ${l.id}`),
  }));
  const rows: DiscordMessage["components"] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + BUTTONS_PER_ROW) });
  }
  return rows;
}

/** "Add to queue…" and "I'll read it…" over a message's papers, numbered as the message lists them. */
function queueMenus(papers: RoundupPaper[], first: number): DiscordMessage["components"] {
  const usable = papers.filter((p) => p.id.length <= SELECT_VALUE_MAX).slice(0, SELECT_OPTIONS_MAX);
  if (usable.length === 0) return [];
  return (
    [
      ["queue add", "Add to queue…"],
      ["queue claim", "I'll read it…"],
    ] as const
  ).map(([verb, label]) => {
    const menu: APIStringSelectComponent = {
      type: ComponentType.StringSelect,
      custom_id: selectId(verb, first),
      placeholder: fitText(label, SELECT_PLACEHOLDER_MAX, plainText),
      min_values: 1,
      max_values: 1,
      options: usable.map((p) => ({ label: fitText(p.title, SELECT_LABEL_MAX, plainText), value: p.id })),
    };
    return { type: ComponentType.ActionRow, components: [menu] };
  });
}

/**
 * Messages of at most `EMBEDS_PER_MESSAGE` embeds and `EMBEDS_TOTAL_MAX` characters, each with the
 * TL;DR buttons of the papers it lists; a message also closes once it has a full set of buttons,
 * so every listed paper keeps its button.
 */
export function roundupMessages(r: RoundupReply, ids: ButtonCommands): DiscordMessage[] {
  const embeds = topicEmbeds(r);
  if (embeds.length === 0) {
    return [
      message({
        content: header(r),
        embeds: [{ description: "No papers of this day match this channel's topics.", color: COLOR.other }],
      }),
    ];
  }
  const messages: DiscordMessage[] = [];
  let group: TopicEmbed[] = [];
  let size = 0;
  const close = () => {
    if (!group.length) return;
    const listed = group.flatMap((g) => g.listed);
    messages.push(
      message({
        ...(messages.length === 0 ? { content: header(r) } : {}),
        embeds: group.map((g) => g.embed),
        components: [
          ...tldrButtons(listed, ids),
          ...queueMenus(
            group.flatMap((g) => g.papers),
            messages.length,
          ),
        ],
      }),
    );
    group = [];
    size = 0;
  };
  for (const e of embeds) {
    const s = embedSize(e.embed);
    const listed = group.reduce((k, g) => k + g.listed.length, 0);
    const papers = group.reduce((k, g) => k + g.papers.length, 0);
    const full =
      group.length === EMBEDS_PER_MESSAGE ||
      size + s > EMBEDS_TOTAL_MAX ||
      (listed > 0 && listed + e.listed.length > ROUNDUP_BUTTONS_MAX) ||
      (papers > 0 && papers + e.papers.length > ROUNDUP_PAPERS_PER_MESSAGE);
    if (full) close();
    group.push(e);
    size += s;
  }
  close();
  return messages;
}
