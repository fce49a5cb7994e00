/**
 * Replies as terminal text. Untrusted text is stripped of control characters and escape
 * sequences (a digest must not be able to move the cursor or recolor the terminal); colors are
 * used only on a TTY.
 */
import type { PaperCard, PaperLite, Reply } from "../../src/bot/replies.js";
import { roundupText } from "./roundup-text.js";

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

function lite(p: PaperLite, n: number | null, s: Style): string {
  const lines = [
    `${n === null ? "-" : `${n}.`} ${s.bold(terminalSafe(p.title))}  ${s.dim(`${p.id} · ${p.date}`)}`,
  ];
  const body = p.snippet ?? p.tldr;
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
  if (c.keyResults.length) {
    lines.push("", "Key results:");
    for (const r of c.keyResults) lines.push(wrap(`- ${terminalSafe(r)}`, "  ").replace(/^ {2}/, ""));
  }
  if (c.abstract) lines.push("", wrap(terminalSafe(c.abstract)));
  for (const u of c.code) lines.push(`code: ${s.accent(terminalSafe(u))}`);
  if (c.actions.length) lines.push(s.dim(`next: ${c.actions.map((a) => a.command).join(" | ")}`));
  return lines.join("\n");
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
      const more = reply.next ? `\n${s.dim(`more: ${terminalSafe(reply.next.command)}`)}` : "";
      return `${head} ${s.dim(`(${range})`)}\n${items.join("\n")}${more}`;
    }
    case "roundup":
      return roundupText(reply, s, { safe: terminalSafe, width: WIDTH });
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
    case "settings": {
      const state = reply.subscribed
        ? `Daily roundup here at ${reply.time} (${terminalSafe(reply.timezone)})${reply.filters.length ? `, topics: ${terminalSafe(reply.filters.join(", "))}` : ""}.`
        : "This channel is not subscribed to the daily roundup (`subscribe` to start).";
      return reply.changed ? terminalSafe(reply.changed) : state;
    }
  }
}
