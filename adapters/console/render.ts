/**
 * Replies as terminal text. Untrusted text is stripped of control characters and escape
 * sequences (a digest must not be able to move the cursor or recolor the terminal); colors are
 * used only on a TTY.
 */
import {
  type DiscussionRef,
  discussionSize,
  discussionVerb,
  interestsLine,
  type NoteItem,
  type PaperCard,
  type PaperLite,
  type PaperMemory,
  type QueueItem,
  queueState,
  type Reply,
  sourceSummaryLabel,
} from "../../src/bot/replies.js";
import { roundupText } from "./roundup-text.js";
import { weeklyText } from "./weekly-text.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal control sequences is the point
const ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: see above
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Plain, safe terminal text: no escape sequences, no control characters (newlines kept). */
export function terminalSafe(text: string): string {
  return text.replace(ANSI, "").replace(CONTROL, "");
}

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  accent(s: string): string;
  warn(s: string): string;
  error(s: string): string;
}

const plain: Style = { bold: (s) => s, dim: (s) => s, accent: (s) => s, warn: (s) => s, error: (s) => s };
const colored: Style = {
  bold: (s) => `\u001B[1m${s}\u001B[22m`,
  dim: (s) => `\u001B[2m${s}\u001B[22m`,
  accent: (s) => `\u001B[36m${s}\u001B[39m`,
  warn: (s) => `\u001B[33m${s}\u001B[39m`,
  error: (s) => `\u001B[31m${s}\u001B[39m`,
};

export function styleFor(isTTY: boolean): Style {
  return isTTY ? colored : plain;
}

export const WIDTH = 100;

function wrap(text: string, indent = "", width = WIDTH): string {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out.join("\n");
}

/** The console is one channel: an earlier discussion is "here", and has no link. */
function mention(d: DiscussionRef): string {
  const size = discussionSize(d);
  const where = d.here ? "in this channel" : `in #${d.channel}`;
  return `${discussionVerb(d)} ${where}${size ? ` (${size})` : ""}`;
}

/** A note, its text cut for a card or a list (the full text is in `export notes`). */
function noteLine(n: NoteItem, s: Style, max = 600, withPaper = false): string {
  const text = terminalSafe(n.text.length > max ? `${n.text.slice(0, max - 1)}…` : n.text);
  const paper = withPaper ? ` on ${terminalSafe(n.paperTitle)} (${n.paperId})` : "";
  return `${s.dim(`#${n.n} ${terminalSafe(n.authorName ?? n.author)}, ${n.date}${paper}:`)} ${text}`;
}

function memory(m: PaperMemory, s: Style): string[] {
  const lines = ["", s.accent("Team memory:")];
  for (const d of m.discussions) lines.push(`- ${mention(d)}`);
  if (m.discussionsTotal > m.discussions.length)
    lines.push(`- …and ${m.discussionsTotal - m.discussions.length} earlier`);
  if (m.queue) lines.push(`- reading queue: ${terminalSafe(queueState(m.queue))}`);
  if (m.notes.length) {
    lines.push(`Notes (${m.notesTotal}):`);
    for (const n of m.notes) lines.push(wrap(noteLine(n, s), "  ").replace(/^ {2}/, "- "));
  }
  return lines;
}

function lite(p: PaperLite, n: number | null, s: Style): string {
  const lines = [
    `${n === null ? "-" : `${n}.`} ${s.bold(terminalSafe(p.title))}  ${s.dim(`${p.id} · ${p.date}`)}`,
  ];
  if (p.discussed) lines.push(`   ${s.accent(`💬 ${mention(p.discussed)}`)}`);
  if (p.fromNote !== undefined) lines.push(wrap(`from a note: ${terminalSafe(p.fromNote)}`, "   "));
  if (p.watches?.length) lines.push(wrap(s.accent(`matches: ${terminalSafe(p.watches.join("; "))}`), "   "));
  const body = p.fromNote !== undefined ? undefined : (p.snippet ?? p.tldr);
  if (body) lines.push(wrap(terminalSafe(body), "   "));
  if (p.code[0]) lines.push(`   ${s.accent(terminalSafe(p.code[0]))}`);
  return lines.join("\n");
}

function card(c: PaperCard, s: Style): string {
  const lines = [
    s.bold(terminalSafe(c.title)),
    s.dim(`${c.id} · ${c.date}${c.url ? ` · ${terminalSafe(c.url)}` : ""}`),
  ];
  if (c.authors.length)
    lines.push(
      s.dim(wrap(terminalSafe(c.authors.slice(0, 12).join(", ")) + (c.authors.length > 12 ? ", …" : ""))),
    );
  lines.push("", wrap(`TL;DR: ${terminalSafe(c.tldr)}`));
  // Results in numbers, or (without numbers) findings in words: the same list under its heading.
  for (const [heading, items] of [
    ["Key results:", c.keyResults],
    ["Findings:", c.findings ?? []],
  ] as const) {
    if (!items.length) continue;
    lines.push("", heading);
    for (const r of items) lines.push(wrap(`- ${terminalSafe(r)}`, "  ").replace(/^ {2}/, ""));
  }
  if (c.sourceSummary)
    lines.push("", wrap(`${sourceSummaryLabel(c.sourceSummary)}: ${terminalSafe(c.sourceSummary.text)}`));
  if (c.abstract) lines.push("", wrap(terminalSafe(c.abstract)));
  for (const u of c.code) lines.push(`code: ${s.accent(terminalSafe(u))}`);
  if (c.memory) lines.push(...memory(c.memory, s));
  if (c.actions.length) lines.push(s.dim(`next: ${c.actions.map((a) => a.command).join(" | ")}`));
  return lines.join("\n");
}

/** The weekly digest, quiet-day notices and watches, as `settings` lists them. */
function settingsExtras(r: Extract<Reply, { kind: "settings" }>): string[] {
  const out: string[] = [];
  if (r.weekly)
    out.push(`Weekly digest: every ${r.weekly.day} at ${r.weekly.time} (${terminalSafe(r.timezone)}).`);
  else if (r.weekly === undefined && r.quietNotices === undefined) return out;
  else out.push("No weekly digest (`subscribe weekly [day] [HH:MM]` starts one).");
  if (r.quietNotices !== undefined)
    out.push(
      r.quietNotices
        ? "Quiet days: a one-line notice."
        : "Quiet days: nothing is posted (`subscribe quiet on` for a notice).",
    );
  if (r.watches !== undefined)
    out.push(
      r.watches
        ? `Watches: ${r.watches} (\`watches\` lists them).`
        : "Watches: none (`watch <words>` adds one).",
    );
  return out;
}

export function renderReply(reply: Reply, s: Style): string {
  switch (reply.kind) {
    case "paper":
      return card(reply, s);
    case "thread":
      return `${card(reply.card, s)}\n\n${s.accent(terminalSafe(reply.intro))}`;
    case "results": {
      const head = s.bold(terminalSafe(reply.title));
      if (!reply.items.length) {
        const dym = reply.didYouMean ? ` Did you mean "${terminalSafe(reply.didYouMean)}"?` : "";
        return `${head}\n${terminalSafe(reply.emptyText ?? "Nothing found.")}${dym}`;
      }
      const items = reply.items.map((p, i) => lite(p, reply.offset + i + 1, s));
      const range = `${reply.offset + 1}–${reply.offset + reply.items.length} of ${reply.total}`;
      // The console has no button: `more` does what the list's "More" would.
      const more = reply.next
        ? `\n${s.dim(`next page: \`more\` (or \`${terminalSafe(reply.next.command)}\`)`)}`
        : "";
      return `${head} ${s.dim(`(${range})`)}\n${items.join("\n")}${more}`;
    }
    case "roundup":
      return roundupText(reply, s, { safe: terminalSafe, width: WIDTH });
    case "weekly":
      return weeklyText(reply, s, { safe: terminalSafe, width: WIDTH });
    case "answer": {
      const head = s.dim(`On "${terminalSafe(reply.paperTitle)}" (${reply.paperId}):`);
      const body = wrap(terminalSafe(reply.text));
      return `${head}\n${reply.unanswered ? s.warn(body) : body}`;
    }
    case "notice": {
      const text = terminalSafe(reply.text);
      return reply.level === "error" ? s.error(text) : reply.level === "warning" ? s.warn(text) : text;
    }
    case "help": {
      const width = Math.max(...reply.commands.map((c) => c.usage.length));
      return [
        terminalSafe(reply.intro),
        ...reply.commands.map((c) => `  ${c.usage.padEnd(width)}  ${s.dim(c.summary)}`),
        reply.footer ? `\n${reply.footer}` : "",
      ]
        .filter((l) => l !== "")
        .join("\n");
    }
    case "notes": {
      const head = s.bold(terminalSafe(reply.title));
      if (!reply.items.length) return `${head}\n${terminalSafe(reply.emptyText)}`;
      const range = `${reply.offset + 1}–${reply.offset + reply.items.length} of ${reply.total}`;
      const items = reply.items.map((n) => wrap(noteLine(n, s, 2000, true), "  ").replace(/^ {2}/, "- "));
      const more = reply.next ? `\n${s.dim(`more: ${terminalSafe(reply.next.command)}`)}` : "";
      return `${head} ${s.dim(`(${range})`)}\n${items.join("\n")}${more}`;
    }
    case "queue": {
      const item = (q: QueueItem) =>
        `- ${s.bold(terminalSafe(q.paperTitle))}  ${s.dim(q.paperId)}\n   ${terminalSafe(queueState(q))}${q.actions.length ? s.dim(` · next: ${q.actions.map((a) => a.command).join(" | ")}`) : ""}`;
      const lines = [s.bold(`Reading queue: ${reply.openTotal} open, ${reply.doneTotal} read`)];
      if (!reply.openTotal && !reply.doneTotal)
        lines.push(
          "Nothing queued yet: `queue add <id>` adds a paper, `queue claim <id>` says you'll read it.",
        );
      lines.push(...reply.open.map(item));
      if (reply.openTotal > reply.open.length)
        lines.push(
          s.dim(`…and ${reply.openTotal - reply.open.length} more (\`export queue\` lists them all)`),
        );
      if (reply.done.length) lines.push(s.accent("Recently read:"), ...reply.done.map(item));
      return lines.join("\n");
    }
    case "file":
      // The console adapter writes the files and prints where; this is the line without them.
      return `${terminalSafe(reply.text)}`;
    case "reminder":
      return `${s.warn("Reminder:")} you said you would read ${s.bold(terminalSafe(reply.paper.title))} (${reply.paper.id}) on ${reply.claimedOn}, ${reply.days} days ago. \`queue done ${reply.paper.id} [note]\` when read, or \`queue drop ${reply.paper.id}\`.`;
    case "settings": {
      const state = reply.subscribed
        ? `Daily roundup here at ${reply.time} (${terminalSafe(reply.timezone)})${reply.filters.length ? `, topics: ${terminalSafe(reply.filters.join(", "))}` : ""}.`
        : "This channel is not subscribed to the daily roundup (`subscribe` to start).";
      if (reply.changed) return terminalSafe(reply.changed);
      const learned = reply.interests ? [s.dim(terminalSafe(interestsLine(reply.interests)))] : [];
      return [state, ...settingsExtras(reply), ...learned].join("\n");
    }
  }
}
