/**
 * The weekly digest as terminal text: the week and its opening line, the biggest topics (count,
 * best papers, the first one's TL;DR), what this channel discussed most, and the reading queue.
 * Digest and user text is made terminal-safe; the chart, when there is one, is a file the console
 * adapter writes (its path is printed under the digest).
 */

import type { WeeklyReply } from "../../src/bot/replies.js";
import { clip } from "../../src/text/clip.js";
import type { Style } from "./render.js";
import type { TerminalText } from "./roundup-text.js";
import { wrap } from "./roundup-text.js";

/** Characters of a title on a digest line. */
export const WEEKLY_TITLE_MAX = 160;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function weeklyText(r: WeeklyReply, s: Style, t: TerminalText): string {
  const safe = t.safe;
  const lines = [
    s.bold(`The week of ${r.from} to ${r.until}${r.late ? " (posted late)" : ""}`),
    safe(r.headline),
  ];
  if (r.topics.length) {
    lines.push("", s.accent("Topics of the week"));
    for (const topic of r.topics) {
      lines.push(`${s.bold(safe(clip(topic.label, 80)))} ${s.dim(`· ${plural(topic.count, "paper")}`)}`);
      for (const p of topic.papers) {
        const marks = [
          p.id,
          ...(p.code.length ? ["code"] : []),
          ...(p.upvotes !== null ? [`▲ ${p.upvotes}`] : []),
        ];
        lines.push(`  • ${safe(clip(p.title, WEEKLY_TITLE_MAX))}  ${s.dim(safe(marks.join(" · ")))}`);
        if (p.tldr) lines.push(wrap(safe(p.tldr), "      ", t.width));
      }
    }
    if (r.moreTopics > 0) lines.push(s.dim(`…and ${plural(r.moreTopics, "more topic")}.`));
  }
  lines.push("", s.accent("Most discussed here"));
  if (!r.discussed.length) lines.push("Nothing was discussed or noted here this week.");
  for (const d of r.discussed) {
    const what = [
      d.threads ? plural(d.threads, "thread") : "",
      d.questions ? plural(d.questions, "question") : "",
      d.notes ? plural(d.notes, "note") : "",
      d.reactions ? plural(d.reactions, "reaction") : "",
    ].filter(Boolean);
    lines.push(`  • ${safe(clip(d.paper.title, WEEKLY_TITLE_MAX))}  ${s.dim(safe(d.paper.id))}`);
    lines.push(`      ${s.dim(what.join(", "))}`);
  }
  const q = r.queue;
  lines.push(
    "",
    s.accent("Reading queue"),
    `${q.queued} waiting, ${q.claimed} being read; this week ${plural(q.added, "paper")} added, ${q.read} read.`,
  );
  return lines.join("\n");
}
