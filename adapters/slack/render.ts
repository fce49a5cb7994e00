/**
 * Reply → Block Kit messages. Every text field of a reply is untrusted plain text: it is escaped
 * here and cut to Slack's limits; a reply longer than one message is split over several.
 */
import type {
  AnswerReply,
  HelpReply,
  NoticeReply,
  PaperCard,
  PaperLite,
  Reply,
  ResultList,
  SettingsReply,
} from "../../src/bot/replies.js";
import { replySummary } from "../../src/bot/replies.js";
import {
  ACTION_PREFIX,
  type Block,
  type Button,
  commandButton,
  context,
  header,
  link,
  linkButton,
  overflow,
  type SlackMessage,
  safe,
  section,
  sections,
} from "./blocks.js";
import { escapeMrkdwn } from "./escape.js";
import { MAX_ACTION_ELEMENTS, MAX_BLOCKS_PER_MESSAGE, MAX_FALLBACK_TEXT } from "./limits.js";
import { roundupMessages } from "./roundup-blocks.js";

/** Action ids by purpose; the handler reads the command from the button's value. */
export const ACTION_IDS = {
  command: (kind: string) => `${ACTION_PREFIX}${kind}`,
  link: (i: number) => `${ACTION_PREFIX}link_${i}`,
  item: (i: number) => `${ACTION_PREFIX}item_${i}`,
  more: `${ACTION_PREFIX}more`,
} as const;

/** Renders one reply as one or more messages (more when it is over the block limit). */
export function renderReply(reply: Reply): SlackMessage[] {
  // A roundup packs its own messages: a topic is not cut between two of them.
  if (reply.kind === "roundup") return roundupMessages(reply);
  return pack(blocksOf(reply), replySummary(reply));
}

/** The first message inside a discussion thread. */
export function renderThreadIntro(intro: string): SlackMessage[] {
  return pack(sections(safe(intro, Number.POSITIVE_INFINITY)), intro);
}

function blocksOf(reply: Reply): Block[] {
  switch (reply.kind) {
    case "paper":
      return cardBlocks(reply);
    case "thread":
      return cardBlocks(reply.card);
    case "results":
      return resultBlocks(reply);
    case "roundup":
      return roundupMessages(reply).flatMap((m) => m.blocks);
    case "answer":
      return answerBlocks(reply);
    case "notice":
      return noticeBlocks(reply);
    case "help":
      return helpBlocks(reply);
    case "settings":
      return settingsBlocks(reply);
  }
}

/**
 * Splits blocks into messages of at most MAX_BLOCKS_PER_MESSAGE; later parts say they continue.
 * `summary` is the plain-text fallback, escaped here (Slack parses `text` as mrkdwn too).
 */
export function pack(blocks: Block[], summary: string): SlackMessage[] {
  const out: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += MAX_BLOCKS_PER_MESSAGE) {
    out.push({
      text: safe(i === 0 ? summary : `(continued) ${summary}`, MAX_FALLBACK_TEXT),
      blocks: blocks.slice(i, i + MAX_BLOCKS_PER_MESSAGE),
    });
  }
  return out.length ? out : [{ text: safe(summary || "(empty)", MAX_FALLBACK_TEXT), blocks: [] }];
}

function authorsLine(authors: string[]): string {
  if (authors.length === 0) return "";
  return authors.length > 3 ? `${authors.slice(0, 3).join(", ")} et al.` : authors.join(", ");
}

function hostLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, "")}${u.pathname.replace(/\/$/, "")}`;
  } catch {
    return url;
  }
}

function cardBlocks(card: PaperCard): Block[] {
  const blocks: Block[] = [header(card.title)];
  const meta = [`*${safe(card.date)}*`, `\`${safe(card.id)}\``];
  const authors = authorsLine(card.authors);
  if (authors) meta.push(safe(authors));
  if (card.url) {
    const l = link(card.url, "paper");
    if (l) meta.push(l);
  }
  blocks.push(...sections(`*TL;DR* ${safe(card.tldr, Number.POSITIVE_INFINITY)}`));
  if (card.keyResults.length) {
    const lines = card.keyResults.map((k) => `• ${escapeMrkdwn(k)}`).join("\n");
    blocks.push(...sections(`*Key results*\n${lines}`));
  }
  if (card.abstract) blocks.push(...sections(`*Abstract*\n${escapeMrkdwn(card.abstract)}`));
  const buttons: Button[] = [];
  for (const action of card.actions) {
    const b = commandButton(
      ACTION_IDS.command(action.kind),
      action.label,
      action.command,
      action.kind === "discuss" ? "primary" : undefined,
    );
    if (b) buttons.push(b);
  }
  const urls = [...(card.url ? [card.url] : []), ...card.code.filter((c) => c !== card.url)];
  urls.forEach((url, i) => {
    const b = linkButton(
      ACTION_IDS.link(i),
      i === 0 && card.url ? "Read the paper" : `Code: ${hostLabel(url)}`,
      url,
    );
    if (b) buttons.push(b);
  });
  if (buttons.length) blocks.push({ type: "actions", elements: buttons.slice(0, MAX_ACTION_ELEMENTS) });
  blocks.push(context(meta));
  return blocks;
}

function itemBlock(item: PaperLite, index: number): Block {
  const lines = [
    `*${safe(item.title)}*`,
    `\`${safe(item.id)}\` · ${safe(item.date)}${item.code.length ? " · code" : ""}`,
  ];
  const about = item.snippet ?? item.tldr;
  if (about) lines.push(safe(about));
  const menu = overflow(ACTION_IDS.item(index), [
    { label: "Show", command: `show ${item.id}` },
    { label: "TL;DR", command: `summary ${item.id}` },
    { label: "Related", command: `related ${item.id}` },
    { label: "Discuss", command: `discuss ${item.id}` },
  ]);
  return section(lines.join("\n"), menu ?? undefined);
}

function resultBlocks(list: ResultList): Block[] {
  const first = list.offset + 1;
  const last = list.offset + list.items.length;
  const range = list.items.length ? ` (${first}–${last} of ${list.total})` : "";
  const blocks: Block[] = [section(`*${safe(list.title)}*${range}`)];
  if (!list.items.length) {
    blocks.push(section(safe(list.emptyText ?? "Nothing found.")));
    if (list.didYouMean) {
      const b = commandButton(
        ACTION_IDS.command("search"),
        `Search "${list.didYouMean}"`,
        `search ${list.didYouMean}`,
      );
      blocks.push(section(`Did you mean *${safe(list.didYouMean)}*?`, b ?? undefined));
    }
  }
  list.items.forEach((item, i) => {
    blocks.push(itemBlock(item, list.offset + i));
  });
  if (list.next) {
    const more = commandButton(ACTION_IDS.more, list.next.label, list.next.command);
    if (more) blocks.push({ type: "actions", elements: [more] });
  }
  return blocks;
}

function answerBlocks(a: AnswerReply): Block[] {
  const blocks: Block[] = [...sections(safe(a.text, Number.POSITIVE_INFINITY))];
  if (a.evidence.length) {
    blocks.push(
      ...sections(`*From the abstract*\n${a.evidence.map((e) => `> ${escapeMrkdwn(e)}`).join("\n")}`),
    );
  }
  blocks.push(context([`Q: ${safe(a.question, 500)}`, `${safe(a.paperTitle, 300)} \`${safe(a.paperId)}\``]));
  return blocks;
}

const NOTICE_ICON = { info: ":information_source:", warning: ":warning:", error: ":x:" } as const;

function noticeBlocks(n: NoticeReply): Block[] {
  const blocks = sections(`${NOTICE_ICON[n.level]} ${safe(n.text, Number.POSITIVE_INFINITY)}`);
  if (n.code && n.level !== "info") blocks.push(context([`\`${safe(n.code)}\``]));
  return blocks;
}

function helpBlocks(h: HelpReply): Block[] {
  const lines = h.commands.map((c) => `\`/papers ${escapeMrkdwn(c.usage)}\` ${escapeMrkdwn(c.summary)}`);
  const blocks = [section(safe(h.intro)), ...sections(lines.join("\n"))];
  if (h.footer) blocks.push(context([safe(h.footer)]));
  return blocks;
}

function settingsBlocks(s: SettingsReply): Block[] {
  const state = s.subscribed
    ? `Daily roundup here at *${safe(s.time)}* (${safe(s.timezone)})${s.filters.length ? `, topics: ${safe(s.filters.join(", "))}` : ""}.`
    : "This channel is not subscribed to the daily roundup. `/papers subscribe` starts it.";
  const blocks: Block[] = [];
  if (s.changed) blocks.push(section(safe(s.changed)));
  blocks.push(section(state));
  return blocks;
}

/** Replies only the asker needs (errors, usage, help, settings) are shown to them alone. */
export function isPrivate(reply: Reply): boolean {
  return reply.kind === "notice" || reply.kind === "help" || reply.kind === "settings";
}
