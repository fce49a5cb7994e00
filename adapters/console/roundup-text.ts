/**
 * The roundup as terminal text, read in 30 seconds: the day, a one-line opening, then per topic its
 * label and count, its first papers with their TL;DR and the rest one line each (id to act on, code
 * mark, upvotes). The last line says how to get any other paper's TL;DR. Digest text is made
 * terminal-safe and wrapped to the console's width.
 */

import { discussionSize, type RoundupPaper, type RoundupReply } from "../../src/bot/replies.js";
import { clip } from "../../src/text/clip.js";
import type { Style } from "./render.js";

/** What the console renderer lends: its escaping and its width (passed in, so no import cycle). */
export interface TerminalText {
  safe(text: string): string;
  width: number;
}

/** Characters of a title on a roundup line (the terminal wraps the rest of a line anyway). */
export const ROUNDUP_TITLE_MAX = 160;

/** Words of `text` on lines of at most `width` characters, each after `indent`. */
export function wrap(text: string, indent: string, width: number): string {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(indent + line);
  return out.join("\n");
}

function paperLine(p: RoundupPaper, s: Style, t: TerminalText): string {
  const terminalSafe = t.safe;
  const marks = [p.id, ...(p.code.length ? ["code"] : []), ...(p.upvotes !== null ? [`▲ ${p.upvotes}`] : [])];
  const bullet = p.tldr === undefined ? "  • " : "  ";
  const line = `${bullet}${s.bold(terminalSafe(clip(p.title, ROUNDUP_TITLE_MAX)))}  ${s.dim(terminalSafe(marks.join(" · ")))}`;
  // Already discussed here: say when, and how much (the console has one channel and no links).
  const seen = p.discussed
    ? `\n      ${s.accent(`💬 ${p.discussed.thread ? "discussed" : "noted"} here on ${p.discussed.date}${discussionSize(p.discussed) ? ` (${discussionSize(p.discussed)})` : ""}`)}`
    : "";
  return p.tldr === undefined
    ? `${line}${seen}`
    : `${line}${seen}\n${wrap(terminalSafe(p.tldr), "      ", t.width)}`;
}

export function roundupText(r: RoundupReply, s: Style, t: TerminalText): string {
  const terminalSafe = t.safe;
  const span = r.until ? `${r.date} to ${r.until}` : r.date;
  const lines = [s.bold(`Papers of ${span}${r.late ? " (posted late)" : ""}`), terminalSafe(r.headline)];
  if (r.filters?.length) lines.push(s.dim(`filtered to: ${terminalSafe(r.filters.join(", "))}`));
  if (!r.topics.length) lines.push("No papers match this channel's topics today.");
  const single = r.topics.length === 1 && r.topics[0]?.other;
  for (const topic of r.topics) {
    lines.push("");
    // A day too small or too blank to group is a plain list, without a heading.
    if (!single)
      lines.push(
        `${s.accent(terminalSafe(topic.label))} ${s.dim(`· ${topic.papers.length} paper${topic.papers.length === 1 ? "" : "s"}`)}`,
      );
    for (const p of topic.papers) lines.push(paperLine(p, s, t));
  }
  if (r.topics.some((t) => t.papers.some((p) => p.tldr === undefined)))
    lines.push("", s.dim("TL;DR of any paper: summary <id>"));
  return lines.join("\n");
}
