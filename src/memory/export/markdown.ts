/**
 * An export as Markdown: for reading, pasting into a wiki, or keeping beside the papers. Digest and
 * user text is untrusted here too: it is escaped so a title or a note cannot inject markup, HTML
 * or a link, and links are built only from http(s) URLs.
 */
import type { NoteRecord } from "../../archive/notes.js";
import type { QueueEntry } from "../../archive/reading-queue.js";
import { displayText } from "../../summary/latex.js";
import { displayName } from "../people.js";
import type { ExportDoc, ExportPaper, ExportThread } from "./collect.js";

/** CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that mean something. */
const SPECIAL = /[\\`*_{}[\]<>()#+!|~&]/g;

/** Untrusted text as literal Markdown on one line. */
export function mdInline(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(SPECIAL, "\\$&");
}

/** Untrusted text as literal Markdown, keeping its line breaks; each line starts safely. */
function mdLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) =>
      line
        .trim()
        .replace(SPECIAL, "\\$&")
        // A line may not open a list, a heading, a quote or a thematic break of its own.
        .replace(/^([-=])/, "\\$1")
        .replace(/^(\d+)([.)])/, "$1\\$2"),
    )
    .filter((line, i, all) => line !== "" || (i > 0 && all[i - 1] !== ""));
}

/** An http(s) URL as a Markdown link destination, or null. */
function destination(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return null;
  }
}

function titleLink(p: ExportPaper): string {
  const dest = destination(p.url);
  return dest ? `[${mdInline(displayText(p.paper.title))}](${dest})` : mdInline(displayText(p.paper.title));
}

function authors(list: string[]): string {
  if (list.length === 0) return "";
  return mdInline(list.length > 6 ? `${list.slice(0, 6).join(", ")} et al.` : list.join(", "));
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "";
}

function queueLine(q: QueueEntry, many: boolean): string {
  const where = many ? ` (${mdInline(q.channel)} on ${mdInline(q.platform)})` : "";
  if (q.status === "done") return `read by ${mdInline(displayName(q.doneBy))} on ${day(q.doneAt)}${where}`;
  if (q.status === "claimed")
    return `${mdInline(displayName(q.claimedBy))} is reading it (since ${day(q.claimedAt)})${where}`;
  return `queued by ${mdInline(displayName(q.addedBy))} on ${day(q.addedAt)}${where}`;
}

function noteLines(n: NoteRecord): string[] {
  const [first = "", ...rest] = mdLines(n.text);
  const head = `- #${n.id} ${mdInline(n.authorName ?? n.author)}, ${day(n.createdAt)}: ${first}`;
  return [head, ...rest.map((l) => (l ? `  ${l}` : ""))];
}

function threadLines(t: ExportThread): string[] {
  const out = [`**Discussion** (opened ${day(t.since)}, ${t.messages.length} messages)`, ""];
  for (const m of t.messages) {
    const who = m.role === "bot" ? "paperboy" : mdInline(m.author);
    const [first = "", ...rest] = mdLines(m.text);
    out.push(`> **${m.role === "bot" ? "A" : "Q"}** (${who}): ${first}`);
    for (const l of rest) out.push(`> ${l}`);
    out.push(">");
  }
  if (out.at(-1) === ">") out.pop();
  return out;
}

function full(p: ExportPaper, manyChannels: boolean): string[] {
  const meta = [`\`${p.paper.id.replace(/`/g, "")}\``, p.paper.date, authors(p.paper.authors)].filter(
    Boolean,
  );
  const out = [`### ${titleLink(p)}`, "", meta.join(" · "), "", `**TL;DR** ${mdInline(p.tldr)}`];
  if (p.queue.length)
    out.push("", `**Reading queue:** ${p.queue.map((q) => queueLine(q, manyChannels)).join("; ")}`);
  if (p.notes.length) out.push("", `**Notes** (${p.notes.length})`, "", ...p.notes.flatMap(noteLines));
  for (const t of p.threads) out.push("", ...threadLines(t));
  return out;
}

function brief(p: ExportPaper, remembered: Set<string>): string {
  const seeAbove = remembered.has(p.paper.id) ? " (discussed: see above)" : "";
  return `- ${titleLink(p)} \`${p.paper.id.replace(/`/g, "")}\`${seeAbove}: ${mdInline(p.tldr)}`;
}

export function toMarkdown(doc: ExportDoc): string {
  const manyChannels =
    new Set(doc.papers.flatMap((p) => p.queue.map((q) => `${q.platform}:${q.channel}`))).size > 1;
  const notes = doc.papers.reduce((n, p) => n + p.notes.length, 0);
  const threads = doc.papers.reduce((n, p) => n + p.threads.length, 0);
  const out = [
    `# ${mdInline(doc.title)}`,
    "",
    `${mdInline(doc.scope)} · exported by paperboy on ${doc.generatedAt.slice(0, 10)} · ${doc.papers.length} paper${doc.papers.length === 1 ? "" : "s"}, ${notes} note${notes === 1 ? "" : "s"}, ${threads} discussion${threads === 1 ? "" : "s"}`,
  ];
  if (doc.omitted)
    out.push(
      "",
      `(${doc.omitted} more papers were left out; \`paperboy export\` on the command line has them all.)`,
    );
  if (doc.papers.length === 0) out.push("", "Nothing to export yet.");
  const remembered = new Set(
    doc.sections.filter((s) => !s.brief).flatMap((s) => s.papers.map((p) => p.paper.id)),
  );
  for (const s of doc.sections) {
    if (s.heading) out.push("", `## ${mdInline(s.heading)}`);
    if (s.brief) {
      out.push("", ...s.papers.map((p) => brief(p, remembered)));
      continue;
    }
    for (const p of s.papers) out.push("", ...full(p, manyChannels));
  }
  return `${out.join("\n")}\n`;
}
