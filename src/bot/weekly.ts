/**
 * The weekly digest reply for a channel: the week's topics (the range roundup of its digest days),
 * the papers the channel discussed most (threads, questions, notes), and its reading queue. What a
 * team reads on Monday morning in a minute; the papers themselves are a click away.
 */
import { PaperHistoryStore } from "../archive/paper-history.js";
import { WeekActivityStore } from "../archive/week-activity.js";
import { addDays } from "../clock.js";
import { discussionRef } from "../memory/views.js";
import type { Paperboy, Roundup } from "../paperboy.js";
import { paperLite, paperUrl } from "./cards.js";
import type { DiscussedPaper, RoundupPaper, WeeklyReply, WeeklyTopic } from "./replies.js";

/** Topics the digest lists, and papers per topic; the rest are counted. */
export const WEEKLY_TOPICS = 8;
export const WEEKLY_PAPERS_PER_TOPIC = 3;
/** Most-discussed papers listed. */
export const WEEKLY_DISCUSSED = 5;

export interface WeekSpan {
  /** First and last digest day of the week, inclusive. */
  from: string;
  until: string;
  /** The instants bounding the channel's activity (ISO; `start` inclusive, `end` exclusive). */
  start: string;
  end: string;
}

function lower(label: string): string {
  const first = label.split(" ")[0] as string;
  return /^\p{Lu}\p{Ll}*(?:-\p{Ll}+)*$/u.test(first) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

export function buildWeekly(
  engine: Paperboy,
  place: { platform: string; channel: string },
  span: WeekSpan,
  options: { late?: boolean; roundup?: Roundup } = {},
): WeeklyReply {
  const roundup = options.roundup ?? engine.roundup(span.from, span.until);
  const named = roundup.topics.filter((t) => !t.other).sort((a, b) => b.papers.length - a.papers.length);
  const topics: WeeklyTopic[] = named.slice(0, WEEKLY_TOPICS).map((t) => ({
    label: t.label,
    count: t.papers.length,
    papers: t.papers.slice(0, WEEKLY_PAPERS_PER_TOPIC).map((p, i): RoundupPaper => {
      const out: RoundupPaper = {
        id: p.id,
        title: paperLite(engine, p, { tldr: false }).title,
        url: paperUrl(p),
        code: p.code,
        upvotes: p.upvotes,
      };
      // The topic's best paper says what the topic was about this week.
      if (i === 0) out.tldr = engine.summary(p).tldr;
      return out;
    }),
  }));
  const activity = engine.store(WeekActivityStore);
  const top = activity.discussed(place, span.start, span.end, WEEKLY_DISCUSSED);
  const papers = engine.papersAt(top.map((a) => a.paperPk));
  const byPk = new Map(top.map((a, i) => [a.paperPk, papers[i]]));
  const history = engine.store(PaperHistoryStore).mentions(
    place,
    top.map((a) => a.paperPk),
  );
  const discussed: DiscussedPaper[] = top.flatMap((a) => {
    const paper = byPk.get(a.paperPk);
    if (!paper) return [];
    const lite = paperLite(engine, paper, { tldr: false });
    const mentions = history.get(a.paperPk);
    const best = mentions?.find((m) => m.thread !== null) ?? mentions?.[0];
    if (best) lite.discussed = discussionRef(best, place);
    return [
      { paper: lite, threads: a.threads, questions: a.questions, notes: a.notes, reactions: a.reactions },
    ];
  });
  let days = 0;
  for (let d = span.from; d <= span.until; d = addDays(d, 1)) if (engine.papers.dayPks(d).length > 0) days++;
  const biggest = topics
    .slice(0, 3)
    .map((t) => `${lower(t.label)} (${t.count})`)
    .join(", ");
  const headline =
    roundup.count === 0
      ? "No digest was published this week."
      : `${roundup.count} paper${roundup.count === 1 ? "" : "s"} over ${days} digest day${days === 1 ? "" : "s"}${biggest ? `; biggest topics: ${biggest}` : ""}.`;
  const reply: WeeklyReply = {
    kind: "weekly",
    from: span.from,
    until: span.until,
    days,
    count: roundup.count,
    headline,
    topics,
    moreTopics: Math.max(0, named.length - topics.length),
    discussed,
    queue: activity.queue(place, span.start, span.end),
  };
  if (options.late) reply.late = true;
  return reply;
}

/** True when the week has nothing to say: no papers, no discussion, no queue. */
export function isEmptyWeek(reply: WeeklyReply): boolean {
  const q = reply.queue;
  return reply.count === 0 && reply.discussed.length === 0 && q.queued + q.claimed + q.added + q.read === 0;
}
