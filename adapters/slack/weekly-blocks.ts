/**
 * The weekly digest as Block Kit: a header with the week, the opening line, one section per topic
 * (its count, its best papers linked, the first one's TL;DR), the channel's most discussed papers
 * with links to their threads, and the reading queue. At most WEEKLY_TOPICS + a few blocks, so it
 * fits one message (MAX_BLOCKS_PER_MESSAGE); every text from a digest or a user is escaped here.
 */

import type { RoundupPaper, WeeklyReply } from "../../src/bot/replies.js";
import { clip } from "../../src/text/clip.js";
import { type Block, context, header, link, safe, section, sections } from "./blocks.js";
import { mentionText } from "./discussion-link.js";

/** Characters of a title in a digest line, and of the TL;DR under a topic's first paper. */
export const WEEKLY_TITLE_MAX = 200;
export const WEEKLY_TLDR_MAX = 500;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function paperLine(p: RoundupPaper): string {
  const title = clip(p.title, WEEKLY_TITLE_MAX);
  const linked = p.url ? link(p.url, title) : null;
  const parts = [`• ${linked ?? safe(title)}`, `\`${safe(p.id)}\``];
  if (p.upvotes !== null) parts.push(`▲ ${p.upvotes}`);
  const line = parts.join("  ·  ");
  return p.tldr ? `${line}\n      _${safe(clip(p.tldr, WEEKLY_TLDR_MAX))}_` : line;
}

export function weeklyBlocks(r: WeeklyReply): Block[] {
  const blocks: Block[] = [
    header(`The week of ${r.from} to ${r.until}${r.late ? " (posted late)" : ""}`),
    ...sections(safe(r.headline)),
  ];
  for (const t of r.topics)
    blocks.push(
      section(
        `*${safe(clip(t.label, 100))}* · ${plural(t.count, "paper")}\n${t.papers.map(paperLine).join("\n")}`,
      ),
    );
  if (r.moreTopics > 0) blocks.push(context([`…and ${plural(r.moreTopics, "more topic")}.`]));
  const discussed = r.discussed.map((d) => {
    const what = [
      d.threads ? plural(d.threads, "thread") : "",
      d.questions ? plural(d.questions, "question") : "",
      d.notes ? plural(d.notes, "note") : "",
      d.reactions ? plural(d.reactions, "reaction") : "",
    ].filter(Boolean);
    const where = d.paper.discussed ? `  ·  ${mentionText(d.paper.discussed)}` : "";
    return `• *${safe(clip(d.paper.title, WEEKLY_TITLE_MAX))}* \`${safe(d.paper.id)}\`: ${what.join(", ")}${where}`;
  });
  blocks.push(
    section(
      `*Most discussed here*\n${discussed.length ? discussed.join("\n") : "Nothing was discussed or noted here this week."}`,
    ),
  );
  const q = r.queue;
  blocks.push(
    section(
      `*Reading queue*: ${q.queued} waiting, ${q.claimed} being read; this week ${plural(q.added, "paper")} added, ${q.read} read.`,
    ),
  );
  return blocks;
}
