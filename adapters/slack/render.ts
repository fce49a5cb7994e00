/**
 * Reply → Block Kit messages. Every text field of a reply is untrusted plain text: it is escaped
 * here and cut to Slack's limits; a reply longer than one message is split over several.
 */
import type {
  AnswerReply,
  FileReply,
  HelpReply,
  NoteItem,
  NotesReply,
  NoticeReply,
  PaperCard,
  PaperLite,
  PaperMemory,
  QueueItem,
  QueueReply,
  ReminderReply,
  Reply,
  ResultList,
  SettingsReply,
} from "../../src/bot/replies.js";
import { interestsLine, queueState, replySummary, sourceSummaryLabel } from "../../src/bot/replies.js";
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
  PAPER_BLOCK_PREFIX,
  type SlackMessage,
  safe,
  section,
  sections,
} from "./blocks.js";
import { mentionText } from "./discussion-link.js";
import { escapeMrkdwn } from "./escape.js";
import {
  MAX_ACTION_ELEMENTS,
  MAX_BLOCKS_PER_MESSAGE,
  MAX_FALLBACK_TEXT,
  MAX_SECTION_TEXT,
  NOTE_LIST_CHARS,
  NOTE_PREVIEW_CHARS,
} from "./limits.js";
import { roundupMessages } from "./roundup-blocks.js";
import { weeklyBlocks } from "./weekly-blocks.js";

/** Action ids by purpose; the handler reads the command from the button's value. */
export const ACTION_IDS = {
  command: (kind: string) => `${ACTION_PREFIX}${kind}`,
  link: (i: number) => `${ACTION_PREFIX}link_${i}`,
  item: (i: number) => `${ACTION_PREFIX}item_${i}`,
  more: `${ACTION_PREFIX}more`,
  queueSelect: `${ACTION_PREFIX}queue_select`,
  claimSelect: `${ACTION_PREFIX}claim_select`,
  queueItem: (i: number) => `${ACTION_PREFIX}queue_${i}`,
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
    case "notes":
      return notesBlocks(reply);
    case "queue":
      return queueBlocks(reply);
    case "file":
      return fileBlocks(reply);
    case "reminder":
      return reminderBlocks(reply);
    case "weekly":
      return weeklyBlocks(reply);
  }
}

// ---- team memory ----

const SLACK_USER = /^[UW][A-Z0-9]+$/;

function who(n: { author: string; authorName?: string }): string {
  return safe(n.authorName ?? n.author, 80);
}

function noteLine(n: NoteItem, max: number): string {
  return `*#${n.n}* ${who(n)}, ${safe(n.date)}: ${safe(n.text.replace(/\s+/g, " "), max)}`;
}

function memoryBlocks(m: PaperMemory): Block[] {
  const lines: string[] = [];
  for (const d of m.discussions) lines.push(`• ${mentionText(d)}`);
  if (m.discussionsTotal > m.discussions.length)
    lines.push(`• …and ${m.discussionsTotal - m.discussions.length} earlier`);
  if (m.queue) lines.push(`• Reading queue: ${safe(queueState(m.queue))}`);
  const blocks: Block[] = [];
  if (lines.length) blocks.push(...sections(`*Team memory*\n${lines.join("\n")}`));
  if (m.notes.length) {
    const more = m.notesTotal > m.notes.length ? ` (newest ${m.notes.length} of ${m.notesTotal})` : "";
    blocks.push(
      ...sections(`*Notes*${more}\n${m.notes.map((n) => `• ${noteLine(n, NOTE_PREVIEW_CHARS)}`).join("\n")}`),
    );
  }
  return blocks;
}

function notesBlocks(r: NotesReply): Block[] {
  const range = r.items.length ? ` (${r.offset + 1}–${r.offset + r.items.length} of ${r.total})` : "";
  const blocks: Block[] = [section(`*${safe(r.title)}*${range}`)];
  if (!r.items.length) blocks.push(section(safe(r.emptyText)));
  for (const n of r.items)
    blocks.push(
      section(`*${safe(n.paperTitle, 200)}* \`${safe(n.paperId)}\`\n${noteLine(n, NOTE_LIST_CHARS)}`),
    );
  if (r.next) {
    const more = commandButton(ACTION_IDS.more, r.next.label, r.next.command);
    if (more) blocks.push({ type: "actions", elements: [more] });
  }
  return blocks;
}

function queueLine(q: QueueItem): string {
  return `*${safe(q.paperTitle, 300)}* \`${safe(q.paperId)}\`\n${safe(queueState(q))}`;
}

function queueBlocks(r: QueueReply): Block[] {
  const blocks: Block[] = [section(`*Reading queue*: ${r.openTotal} open, ${r.doneTotal} read`)];
  if (!r.openTotal && !r.doneTotal)
    blocks.push(
      section(
        "Nothing queued yet: `/papers queue add <id>` adds a paper, `/papers queue claim <id>` says you'll read it.",
      ),
    );
  r.open.forEach((q, i) => {
    const next = q.actions[0];
    const button = next ? commandButton(ACTION_IDS.queueItem(i), next.label, next.command) : null;
    blocks.push(section(queueLine(q), button ?? undefined));
  });
  if (r.openTotal > r.open.length)
    blocks.push(
      context([`…and ${r.openTotal - r.open.length} more: \`/papers export queue\` lists them all`]),
    );
  if (r.done.length)
    blocks.push(
      ...sections(
        `*Recently read*\n${r.done.map((q) => `• ${queueLine(q).replace("\n", " · ")}`).join("\n")}`,
      ),
    );
  return blocks;
}

/** What stands in for the files where none can be uploaded (a channel post, an upload that failed). */
function fileBlocks(r: FileReply): Block[] {
  return [section(`${safe(r.text)}\n_Files: ${safe(r.files.map((f) => f.name).join(", "))}_`)];
}

function reminderBlocks(r: ReminderReply): Block[] {
  // The one message that notifies someone on purpose: the claimer, by the platform's own id.
  const whom = SLACK_USER.test(r.user) ? `<@${r.user}>` : safe(r.userName ?? r.user, 80);
  const blocks: Block[] = [
    section(
      `:alarm_clock: ${whom}, on ${safe(r.claimedOn)} (${r.days} days ago) you said you would read *${safe(r.paper.title, 300)}* \`${safe(r.paper.id)}\`. Mark it read when you have, with a note if you like: \`/papers queue done ${safe(r.paper.id)} &lt;note&gt;\`.`,
    ),
  ];
  const done = commandButton(ACTION_IDS.command("done"), "Mark read", `queue done ${r.paper.id}`);
  const drop = commandButton(ACTION_IDS.command("drop"), "Drop it", `queue drop ${r.paper.id}`);
  const buttons = [done, drop].filter((b): b is Button => b !== null);
  if (buttons.length) blocks.push({ type: "actions", elements: buttons });
  return blocks;
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
  // The paper's id on the card, for reactions on it (which name only the message).
  const blocks: Block[] = [header(card.title, `${PAPER_BLOCK_PREFIX}${card.id}`)];
  const meta = [`*${safe(card.date)}*`, `\`${safe(card.id)}\``];
  const authors = authorsLine(card.authors);
  if (authors) meta.push(safe(authors));
  if (card.url) {
    const l = link(card.url, "paper");
    if (l) meta.push(l);
  }
  blocks.push(...sections(`*TL;DR* ${safe(card.tldr, Number.POSITIVE_INFINITY)}`));
  // Results in numbers, or (without numbers) findings in words: the same list under its heading.
  for (const [heading, items] of [
    ["Key results", card.keyResults],
    ["Findings", card.findings ?? []],
  ] as const) {
    if (!items.length) continue;
    const lines = items.map((k) => `• ${escapeMrkdwn(k)}`).join("\n");
    blocks.push(...sections(`*${heading}*\n${lines}`));
  }
  if (card.sourceSummary) {
    const label = escapeMrkdwn(sourceSummaryLabel(card.sourceSummary));
    blocks.push(...sections(`*${label}* ${safe(card.sourceSummary.text, Number.POSITIVE_INFINITY)}`));
  }
  if (card.abstract) blocks.push(...sections(`*Abstract*\n${escapeMrkdwn(card.abstract)}`));
  if (card.memory) blocks.push(...memoryBlocks(card.memory));
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
  if (item.fromNote !== undefined)
    lines.push(`_from a note:_ ${safe(item.fromNote.replace(/\s+/g, " "), NOTE_PREVIEW_CHARS)}`);
  if (item.watches?.length) lines.push(`_matches:_ ${safe(item.watches.join("; "), NOTE_PREVIEW_CHARS)}`);
  const about = item.fromNote !== undefined ? undefined : (item.snippet ?? item.tldr);
  if (about) lines.push(safe(about));
  const menu = overflow(ACTION_IDS.item(index), [
    { label: "Show", command: `show ${item.id}` },
    { label: "TL;DR", command: `summary ${item.id}` },
    { label: "Related", command: `related ${item.id}` },
    { label: "Discuss", command: `discuss ${item.id}` },
    { label: "Add to queue", command: `queue add ${item.id}` },
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

/** A quoted sentence's share of a section, so a few quotes stay one quote block each. */
const MAX_QUOTE = Math.floor(MAX_SECTION_TEXT / 3) - 20;

/** The paper's sentences as one quote under their source: said once, whether answer or evidence. */
function quoteBlocks(a: AnswerReply): Block[] {
  const from = safe(`From ${a.evidenceFrom ?? "the abstract"}`, 100);
  return sections(`*${from}*\n${a.evidence.map((e) => `> ${safe(e, MAX_QUOTE)}`).join("\n")}`);
}

function answerBlocks(a: AnswerReply): Block[] {
  // An answer that only says its evidence is shown as the quote alone, not twice.
  const blocks: Block[] =
    a.quoted && a.evidence.length ? [] : [...sections(safe(a.text, Number.POSITIVE_INFINITY))];
  if (a.evidence.length) blocks.push(...quoteBlocks(a));
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
  const extras: string[] = [];
  if (s.weekly)
    extras.push(
      `Weekly digest: every *${safe(s.weekly.day)}* at *${safe(s.weekly.time)}* (${safe(s.timezone)}).`,
    );
  else if (s.quietNotices !== undefined)
    extras.push("No weekly digest: `/papers subscribe weekly` starts one.");
  if (s.quietNotices !== undefined)
    extras.push(s.quietNotices ? "Quiet days: a one-line notice." : "Quiet days: nothing is posted.");
  if (s.watches !== undefined)
    extras.push(
      s.watches
        ? `Watches: ${s.watches} (\`/papers watches\` lists them).`
        : "Watches: none (`/papers watch <words>` adds one).",
    );
  if (extras.length) blocks.push(context(extras));
  if (s.interests) blocks.push(context([safe(interestsLine(s.interests))]));
  return blocks;
}

/**
 * Replies only the asker needs (errors, usage, help, settings) are shown to them alone; a public
 * notice (someone claimed a paper, saved a note) is for the whole channel.
 */
export function isPrivate(reply: Reply): boolean {
  if (reply.kind === "notice") return !reply.public;
  return reply.kind === "help" || reply.kind === "settings";
}
