/**
 * The roundup as Block Kit, laid out to be read in 30 seconds: the day as a header, a one-line
 * opening, then per topic its label and count, its first papers with their TL;DR (each paper one
 * section, with Discuss/Related/Show in its menu) and the rest one line each, five to a section
 * whose menu offers each one's TL;DR. A paper's title and TL;DR share one section, and a topic
 * starts a new message rather than being split, unless it is longer than a message itself (then it
 * continues under its label, "continued"). Every text from the digest is escaped (`safe`, `link`).
 */

import type { RoundupPaper, RoundupReply, RoundupTopicReply } from "../../src/bot/replies.js";
import { clip } from "../../src/text/clip.js";
import {
  ACTION_PREFIX,
  type Block,
  commandSelect,
  context,
  header,
  link,
  overflow,
  type SlackMessage,
  safe,
  section,
} from "./blocks.js";
import { mentionText } from "./discussion-link.js";
import {
  MAX_BLOCKS_PER_MESSAGE,
  MAX_FALLBACK_TEXT,
  MAX_OVERFLOW_OPTIONS,
  MAX_SELECT_OPTIONS,
} from "./limits.js";

/** Characters of a paper's title in a roundup line (a title is a line, not a paragraph). */
export const ROUNDUP_TITLE_MAX = 250;
/** Characters of a TL;DR under a topic's first papers. */
export const ROUNDUP_TLDR_MAX = 700;
/** Papers listed per section after a topic's first ones: one overflow menu holds their TL;DRs. */
export const ROUNDUP_LINES_PER_SECTION = MAX_OVERFLOW_OPTIONS;

function paperLine(p: RoundupPaper): string {
  const title = clip(p.title, ROUNDUP_TITLE_MAX);
  // `link` escapes its label; without a url the title is escaped as any text.
  const linked = p.url ? link(p.url, title) : null;
  const parts = [`*${linked ?? safe(title)}*`];
  const code = p.code[0] ? link(p.code[0], "code") : null;
  if (code) parts.push(code);
  else if (p.code.length) parts.push("code");
  if (p.upvotes !== null) parts.push(`▲ ${p.upvotes}`);
  // Already discussed in this channel: when, how much, and a link to the thread.
  if (p.discussed) parts.push(`:speech_balloon: ${mentionText(p.discussed)}`);
  return parts.join("  ·  ");
}

function menuFor(p: RoundupPaper, index: string): ReturnType<typeof overflow> {
  return overflow(`${ACTION_PREFIX}roundup_${index}`, [
    { label: "Discuss", command: `discuss ${p.id}` },
    { label: "Related papers", command: `related ${p.id}` },
    { label: "Show the paper", command: `show ${p.id}` },
    { label: "Add to queue", command: `queue add ${p.id}` },
    { label: "I'll read it", command: `queue claim ${p.id}` },
  ]);
}

/** "Add to queue…" and "I'll read it…" menus over the roundup's papers (every line, not only the first). */
function queueMenus(r: RoundupReply): Block | null {
  const papers = r.topics.flatMap((t) => t.papers).slice(0, MAX_SELECT_OPTIONS);
  const menus = [
    commandSelect(
      `${ACTION_PREFIX}queue_select`,
      "Add to queue…",
      papers.map((p) => ({ label: p.title, command: `queue add ${p.id}` })),
    ),
    commandSelect(
      `${ACTION_PREFIX}claim_select`,
      "I'll read it…",
      papers.map((p) => ({ label: p.title, command: `queue claim ${p.id}` })),
    ),
  ].filter((m): m is NonNullable<typeof m> => m !== null);
  return menus.length ? { type: "actions", elements: menus } : null;
}

/** A topic's label and count; "(continued)" atop a message that goes on with it. */
function heading(topic: RoundupTopicReply, continued: boolean): Block {
  const count = `${topic.papers.length} paper${topic.papers.length === 1 ? "" : "s"}`;
  return section(`*${safe(topic.label, 200)}*${continued ? " (continued)" : ""}  ·  ${count}`);
}

/** The blocks of one topic: its heading, its introduced papers, then the others by fives. */
function topicBlocks(topic: RoundupTopicReply, t: number): Block[] {
  const blocks: Block[] = [heading(topic, false)];
  const introduced = topic.papers.filter((p) => p.tldr !== undefined);
  const listed = topic.papers.filter((p) => p.tldr === undefined);
  introduced.forEach((p, i) => {
    const menu = menuFor(p, `${t}_${i}`);
    blocks.push(section(`${paperLine(p)}\n> ${safe(p.tldr ?? "", ROUNDUP_TLDR_MAX)}`, menu ?? undefined));
  });
  for (let i = 0; i < listed.length; i += ROUNDUP_LINES_PER_SECTION) {
    const group = listed.slice(i, i + ROUNDUP_LINES_PER_SECTION);
    const menu = overflow(
      `${ACTION_PREFIX}roundup_tldr_${t}_${i}`,
      group.map((p) => ({ label: `TL;DR: ${p.title}`, command: `summary ${p.id}` })),
    );
    blocks.push(section(group.map((p) => `•  ${paperLine(p)}`).join("\n"), menu ?? undefined));
  }
  return blocks;
}

function openingBlocks(r: RoundupReply): Block[] {
  const span = r.until ? `${r.date} to ${r.until}` : r.date;
  const blocks: Block[] = [
    header(`Papers of ${span}${r.late ? " (posted late)" : ""}`),
    section(safe(r.headline)),
  ];
  if (r.filters?.length)
    blocks.push(context([`Filtered to this channel's topics: ${safe(r.filters.join(", "), 500)}`]));
  if (!r.topics.length) blocks.push(section("No papers match this channel's topics today."));
  return blocks;
}

/**
 * Messages of at most `MAX_BLOCKS_PER_MESSAGE` blocks. A topic that does not fit in what is left of
 * a message starts the next one; one longer than a whole message is split between papers.
 */
export function roundupMessages(r: RoundupReply): SlackMessage[] {
  const messages: Block[][] = [openingBlocks(r)];
  r.topics.forEach((topic, t) => {
    const blocks = topicBlocks(topic, t);
    let current = messages[messages.length - 1] as Block[];
    if (blocks.length <= MAX_BLOCKS_PER_MESSAGE) {
      if (current.length + blocks.length > MAX_BLOCKS_PER_MESSAGE) {
        current = [];
        messages.push(current);
      }
      current.push(...blocks);
      return;
    }
    // A topic that may go past the end of the current message should not start at its very end.
    if (current.length > MAX_BLOCKS_PER_MESSAGE - 3) {
      current = [];
      messages.push(current);
    }
    // Longer than a message: the heading, then paper sections; each later message repeats the heading.
    const [first, ...papers] = blocks as [Block, ...Block[]];
    current.push(first);
    for (const b of papers) {
      if (current.length >= MAX_BLOCKS_PER_MESSAGE) {
        current = [heading(topic, true)];
        messages.push(current);
      }
      current.push(b);
    }
  });
  const menus = queueMenus(r);
  if (menus) {
    const last = messages[messages.length - 1] as Block[];
    if (last.length < MAX_BLOCKS_PER_MESSAGE) last.push(menus);
    else messages.push([menus]);
  }
  return messages
    .filter((blocks) => blocks.length > 0)
    .map((blocks, i) => ({
      text: safe(i === 0 ? r.headline : `(continued) ${r.headline}`, MAX_FALLBACK_TEXT),
      blocks,
    }));
}
