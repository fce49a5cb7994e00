/**
 * Reply → Discord messages: embeds for papers, lists, answers and roundups; buttons for actions.
 * Every text that came from a digest or a user goes through escapeText/plainText and is cut to the
 * limits in limits.ts; the only markup here is our own (bold titles, bullets, autolinks).
 */
import {
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import {
  type Action,
  type AnswerReply,
  type FileReply,
  fileBytes,
  type HelpReply,
  interestsLine,
  type NoteItem,
  type NotesReply,
  type NoticeReply,
  type PaperCard,
  type PaperLite,
  type PaperMemory,
  type QueueReply,
  queueState,
  type ReminderReply,
  type Reply,
  type ResultList,
  type RoundupReply,
  type SettingsReply,
  sourceSummaryLabel,
} from "../../src/bot/replies.js";
import type { ButtonCommands } from "./buttons.js";
import { mentionText } from "./discussion-link.js";
import { escapeText, fitText, plainText, safeUrl } from "./escape.js";
import {
  ATTACHMENTS_MAX_BYTES,
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW,
  CONTENT_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELDS_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_TOTAL_MAX,
  FIELD_NAME_MAX,
  FIELD_VALUE_MAX,
  FOOTER_MAX,
  NOTE_PREVIEW_MAX,
  ROWS_PER_MESSAGE,
} from "./limits.js";
import { blocks, type DiscordMessage, embedSize, message } from "./message.js";
import { roundupMessages } from "./roundup-embeds.js";
import { renderWeekly } from "./weekly-embed.js";

const COLOR = {
  paper: 0x5865f2,
  list: 0x3ba55d,
  roundup: 0xfaa61a,
  answer: 0x9b59b6,
  muted: 0x99aab5,
  memory: 0x2d7d9a,
};
const NOTICE_ICON: Record<NoticeReply["level"], string> = { info: "ℹ️", warning: "⚠️", error: "❌" };
/** A footer is a one-line caption; keeping it short leaves the 6000 for the content. */
const FOOTER_BUDGET = 300;

const plain = (t: string, max: number) => fitText(t, max, plainText);

function buttons(actions: readonly Action[], ids: ButtonCommands): DiscordMessage["components"] {
  const all: APIButtonComponent[] = actions.map((a) => ({
    type: ComponentType.Button,
    style: a.kind === "more" ? ButtonStyle.Primary : ButtonStyle.Secondary,
    label: plain(a.label, BUTTON_LABEL_MAX),
    custom_id: ids.encode(a.command),
  }));
  const rows: DiscordMessage["components"] = [];
  for (let i = 0; i < all.length && rows.length < ROWS_PER_MESSAGE; i += BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: all.slice(i, i + BUTTONS_PER_ROW) });
  }
  return rows;
}

/** Lines as one field value within the field limit (whole lines only; an overlong one is cut). */
function fieldValue(lines: readonly string[]): string {
  return blocks(lines, FIELD_VALUE_MAX)[0] ?? "";
}

function field(name: string, lines: readonly string[]): APIEmbedField | null {
  const value = fieldValue(lines);
  return value ? { name: fitText(name, FIELD_NAME_MAX), value } : null;
}

function links(urls: readonly string[]): string[] {
  return urls
    .map(safeUrl)
    .filter((u): u is string => u !== null)
    .map((u) => `<${u}>`);
}

/** Fills in the description last, with whatever of the 6000 the other parts left. */
function withDescription(embed: APIEmbed, describe: (budget: number) => string): APIEmbed {
  const budget = Math.min(EMBED_DESCRIPTION_MAX, EMBEDS_TOTAL_MAX - embedSize(embed));
  const description = describe(Math.max(0, budget));
  return description ? { ...embed, description } : embed;
}

export function renderCard(card: PaperCard, ids: ButtonCommands): DiscordMessage {
  const fields = [
    field(
      "Key results",
      card.keyResults.map((r) => `• ${fitText(r, FIELD_VALUE_MAX - 2)}`),
    ),
    field(
      "Findings",
      (card.findings ?? []).map((r) => `• ${fitText(r, FIELD_VALUE_MAX - 2)}`),
    ),
    card.sourceSummary
      ? field(sourceSummaryLabel(card.sourceSummary), [fitText(card.sourceSummary.text, FIELD_VALUE_MAX)])
      : null,
    field("Authors", [fitText(card.authors.join(", "), FIELD_VALUE_MAX)]),
    field("Code", links(card.code)),
    field("Links", links(card.links.filter((l) => !card.code.includes(l)))),
    ...(card.memory ? memoryFields(card.memory) : []),
  ].filter((f): f is APIEmbedField => f !== null && f.value !== "");
  const url = card.url ? safeUrl(card.url) : null;
  const base: APIEmbed = {
    title: fitText(card.title, EMBED_TITLE_MAX),
    color: COLOR.paper,
    fields: fields.slice(0, EMBED_FIELDS_MAX),
    footer: { text: plain(`${card.id} · ${card.date}`, Math.min(FOOTER_MAX, FOOTER_BUDGET)) },
    ...(url ? { url } : {}),
  };
  const embed = withDescription(base, (budget) => {
    const label = "**TL;DR** ";
    if (!card.abstract) return label + fitText(card.tldr, budget - label.length);
    const tldr = label + fitText(card.tldr, Math.min(1000, Math.floor(budget / 3)) - label.length);
    const rest = budget - tldr.length - 2;
    return rest > 40 ? `${tldr}\n\n${fitText(card.abstract, rest)}` : tldr;
  });
  return message({ embeds: [embed], components: buttons(card.actions, ids) });
}

// ---- team memory ----

const SNOWFLAKE = /^\d{17,20}$/;

function noteLine(n: NoteItem, max: number): string {
  return `**#${n.n}** ${fitText(n.authorName ?? n.author, 80)}, ${n.date}: ${fitText(n.text.replace(/\s+/g, " "), max)}`;
}

function memoryFields(m: PaperMemory): (APIEmbedField | null)[] {
  const lines = m.discussions.map((d) => `• ${mentionText(d)}`);
  if (m.discussionsTotal > m.discussions.length)
    lines.push(`• …and ${m.discussionsTotal - m.discussions.length} earlier`);
  if (m.queue) lines.push(`• Reading queue: ${escapeText(queueState(m.queue))}`);
  const more = m.notesTotal > m.notes.length ? ` (newest ${m.notes.length} of ${m.notesTotal})` : "";
  return [
    field("Team memory", lines),
    field(
      `Notes${more}`,
      m.notes.map((n) => `• ${noteLine(n, NOTE_PREVIEW_MAX)}`),
    ),
  ];
}

function itemLines(item: PaperLite, n: number, budget: number): string {
  const head = `**${n}. ${fitText(item.title, Math.min(300, budget))}**`;
  const meta = `${escapeText(item.id)} · ${item.date}${item.code.length ? " · code" : ""}`;
  const found = item.watches?.length ? `matches: ${item.watches.join("; ")}\n` : "";
  const body =
    found +
    (item.fromNote !== undefined ? `from a note: ${item.fromNote}` : (item.snippet ?? item.tldr ?? ""));
  const room = budget - head.length - meta.length - 2;
  return room > 20 && body ? `${head}\n${meta}\n${fitText(body, room)}` : `${head}\n${meta}`;
}

export function renderResults(list: ResultList, ids: ButtonCommands): DiscordMessage {
  const actions: Action[] = [];
  if (list.didYouMean)
    actions.push({
      kind: "more",
      label: `Search "${list.didYouMean}"`,
      command: `search ${list.didYouMean}`,
    });
  if (list.next) actions.push(list.next);
  const shown = list.items.length;
  const base: APIEmbed = {
    title: fitText(list.title, EMBED_TITLE_MAX),
    color: COLOR.list,
    footer: {
      text: shown
        ? `${list.offset + 1}–${list.offset + shown} of ${list.total}`
        : plain(list.didYouMean ? `Did you mean "${list.didYouMean}"?` : "No results", FOOTER_BUDGET),
    },
  };
  const embed = withDescription(base, (budget) => {
    if (!shown) return fitText(list.emptyText ?? "Nothing found.", budget);
    const each = Math.floor((budget - 2 * shown) / shown);
    return blocks(
      list.items.map((item, i) => itemLines(item, list.offset + i + 1, each)),
      budget,
      "\n\n",
    )[0] as string;
  });
  return message({ embeds: [embed], components: buttons(actions, ids) });
}

/** A roundup: see roundup-embeds.ts for its layout. */
export function renderRoundup(r: RoundupReply, ids: ButtonCommands): DiscordMessage[] {
  return roundupMessages(r, ids);
}

export function renderAnswer(a: AnswerReply): DiscordMessage {
  const from = `From ${a.evidenceFrom ?? "the abstract"}`;
  const evidence = field(
    from,
    a.evidence.map((s) => `• “${fitText(s, FIELD_VALUE_MAX - 4)}”`),
  );
  const base: APIEmbed = {
    title: fitText(`Q: ${a.question}`, EMBED_TITLE_MAX),
    color: a.unanswered ? COLOR.muted : COLOR.answer,
    footer: { text: plain(`${a.paperTitle} (${a.paperId})`, FOOTER_BUDGET) },
    ...(evidence ? { fields: [evidence] } : {}),
  };
  if (a.quoted && a.evidence.length) {
    // An answer that only says its evidence is said once: quoted, in the description.
    const { fields: _evidence, ...quote } = base;
    const heading = `**${fitText(from, 100)}**`;
    const share = (budget: number) => Math.floor((budget - heading.length - 2) / a.evidence.length) - 5;
    return message({
      embeds: [
        withDescription(
          quote,
          (budget) =>
            `${heading}\n${a.evidence.map((e) => `• “${fitText(e, Math.max(1, share(budget)))}”`).join("\n")}`,
        ),
      ],
    });
  }
  return message({ embeds: [withDescription(base, (budget) => fitText(a.text, budget))] });
}

export function renderNotice(n: NoticeReply): DiscordMessage {
  const icon = NOTICE_ICON[n.level];
  return message({ content: `${icon} ${fitText(n.text, CONTENT_MAX - icon.length - 1)}` });
}

/** Help lines are one-liners; these caps keep all commands inside one embed's 6000. */
const HELP_USAGE_MAX = 120;
const HELP_SUMMARY_MAX = 200;

export function renderHelp(h: HelpReply): DiscordMessage {
  const base: APIEmbed = {
    title: "paperboy",
    color: COLOR.paper,
    ...(h.footer ? { footer: { text: plain(h.footer, FOOTER_BUDGET) } } : {}),
  };
  const fields: APIEmbedField[] = [];
  let room = EMBEDS_TOTAL_MAX - embedSize(base) - 200;
  for (const c of h.commands.slice(0, EMBED_FIELDS_MAX)) {
    const f = {
      name: fitText(`/papers ${c.usage}`, Math.min(FIELD_NAME_MAX, HELP_USAGE_MAX)),
      value: fitText(c.summary, Math.min(FIELD_VALUE_MAX, HELP_SUMMARY_MAX)),
    };
    room -= f.name.length + f.value.length;
    if (room < 0) break;
    fields.push(f);
  }
  return message({ embeds: [withDescription({ ...base, fields }, (budget) => fitText(h.intro, budget))] });
}

export function renderSettings(s: SettingsReply): DiscordMessage {
  const base: APIEmbed = {
    title: "Daily roundup in this channel",
    color: COLOR.muted,
    fields: [
      { name: "Subscribed", value: s.subscribed ? "yes" : "no", inline: true },
      { name: "Time", value: fitText(`${s.time} (${s.timezone})`, FIELD_VALUE_MAX), inline: true },
      { name: "Topics", value: s.filters.length ? fitText(s.filters.join(", "), FIELD_VALUE_MAX) : "all" },
      ...(s.quietNotices !== undefined
        ? [
            {
              name: "Weekly digest",
              value: s.weekly ? fitText(`${s.weekly.day} ${s.weekly.time}`, FIELD_VALUE_MAX) : "no",
              inline: true,
            },
            { name: "Quiet-day notice", value: s.quietNotices ? "yes" : "no", inline: true },
          ]
        : []),
      ...(s.watches !== undefined ? [{ name: "Watches", value: String(s.watches), inline: true }] : []),
      ...(s.interests
        ? [{ name: "Interests", value: fitText(interestsLine(s.interests), FIELD_VALUE_MAX, plainText) }]
        : []),
    ],
  };
  return message({
    embeds: [withDescription(base, (budget) => (s.changed ? fitText(s.changed, budget) : ""))],
  });
}

export function renderNotes(r: NotesReply, ids: ButtonCommands): DiscordMessage {
  const shown = r.items.length;
  const base: APIEmbed = {
    title: fitText(r.title, EMBED_TITLE_MAX),
    color: COLOR.memory,
    footer: { text: shown ? `${r.offset + 1}–${r.offset + shown} of ${r.total}` : "No notes" },
  };
  const embed = withDescription(base, (budget) => {
    if (!shown) return fitText(r.emptyText, budget);
    const each = Math.floor((budget - 2 * shown) / shown);
    const items = r.items.map((n) => {
      const head = `**${fitText(n.paperTitle, 200)}** · ${escapeText(n.paperId)}`;
      return `${head}\n${noteLine(n, Math.max(40, each - head.length - 40))}`;
    });
    return blocks(items, budget, "\n\n")[0] as string;
  });
  return message({ embeds: [embed], components: r.next ? buttons([r.next], ids) : [] });
}

export function renderQueue(r: QueueReply, ids: ButtonCommands): DiscordMessage {
  const line = (q: QueueReply["open"][number]) =>
    `**${fitText(q.paperTitle, 200)}** · ${escapeText(q.paperId)}\n${escapeText(queueState(q))}`;
  const base: APIEmbed = {
    title: `Reading queue: ${r.openTotal} open, ${r.doneTotal} read`,
    ...(r.openTotal > r.open.length
      ? {
          footer: {
            text: `…and ${r.openTotal - r.open.length} more: /papers export what:queue lists them all`,
          },
        }
      : {}),
    color: COLOR.memory,
    fields: r.done.length
      ? [
          field(
            "Recently read",
            r.done.map((q) => `• ${line(q).replace("\n", " · ")}`),
          ),
        ].filter((f): f is APIEmbedField => f !== null)
      : [],
  };
  const embed = withDescription(base, (budget) =>
    r.openTotal || r.doneTotal
      ? (blocks(r.open.map(line), budget, "\n\n")[0] ?? "")
      : fitText(
          "Nothing queued yet: `/papers queue action:add` adds a paper, `action:claim` says you'll read it.",
          budget,
        ),
  );
  // A button for the first open papers' next step, as many as the rows hold.
  const actions = r.open.flatMap((q) =>
    q.actions[0] ? [{ ...q.actions[0], label: `${q.actions[0].label}: ${q.paperTitle}` }] : [],
  );
  return message({ embeds: [embed], components: buttons(actions, ids) });
}

export function renderFile(r: FileReply): DiscordMessage {
  const files = r.files.map((f) => ({ attachment: fileBytes(f), name: f.name }));
  const bytes = files.reduce((n, f) => n + f.attachment.length, 0);
  if (bytes > ATTACHMENTS_MAX_BYTES)
    return renderNotice({
      kind: "notice",
      level: "warning",
      text: `The export is ${Math.ceil(bytes / 1024 / 1024)} MB, over Discord's ${ATTACHMENTS_MAX_BYTES / 1024 / 1024} MB for files: export in parts (\`export week\` per week), or use \`paperboy export\` on the server.`,
    });
  return message({ content: fitText(r.text, CONTENT_MAX), files });
}

export function renderReminder(r: ReminderReply, ids: ButtonCommands): DiscordMessage {
  // The one message that notifies someone on purpose: the claimer, by id, and no one else.
  const mention = SNOWFLAKE.test(r.user) ? `<@${r.user}>` : fitText(r.userName ?? r.user, 80);
  const text = `⏰ ${mention}, on ${r.claimedOn} (${r.days} days ago) you said you would read **${fitText(r.paper.title, 300)}** (${escapeText(r.paper.id)}). Mark it read when you have, with a note if you like: \`/papers queue action:done id:${r.paper.id.replace(/`/g, "")} note:…\``;
  const m = message({
    content: fitText(text, CONTENT_MAX, (t) => t),
    components: buttons(
      [
        { kind: "done", label: "Mark read", command: `queue done ${r.paper.id}` },
        { kind: "more", label: "Drop it", command: `queue drop ${r.paper.id}` },
      ],
      ids,
    ),
  });
  if (SNOWFLAKE.test(r.user)) m.allowedMentions = { parse: [], users: [r.user] };
  return m;
}

/** The first message inside a discussion thread. */
export function renderIntro(text: string): DiscordMessage {
  return message({ content: fitText(text, CONTENT_MAX) });
}

/** Every reply as messages, in order. A `thread` reply renders as its card (the adapter opens the thread). */
export function renderReplies(replies: readonly Reply[], ids: ButtonCommands): DiscordMessage[] {
  return replies.flatMap((r) => renderOne(r, ids));
}

function renderOne(r: Reply, ids: ButtonCommands): DiscordMessage[] {
  switch (r.kind) {
    case "paper":
      return [renderCard(r, ids)];
    case "results":
      return [renderResults(r, ids)];
    case "roundup":
      return renderRoundup(r, ids);
    case "answer":
      return [renderAnswer(r)];
    case "notice":
      return [renderNotice(r)];
    case "help":
      return [renderHelp(r)];
    case "settings":
      return [renderSettings(r)];
    case "thread":
      return [renderCard(r.card, ids)];
    case "notes":
      return [renderNotes(r, ids)];
    case "queue":
      return [renderQueue(r, ids)];
    case "file":
      return [renderFile(r)];
    case "reminder":
      return [renderReminder(r, ids)];
    case "weekly":
      return [renderWeekly(r)];
  }
}
