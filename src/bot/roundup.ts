/**
 * The roundup reply for a day (or a range), with a channel's keyword filters applied: what a
 * reader takes in within 30 seconds. A one-line opening names the biggest topics; each topic lists
 * its papers one line each, best first (`src/topics`), and only its first papers carry a TL;DR.
 */
import { dateInZone } from "../clock.js";
import { channelInterest } from "../interests/channel-interests.js";
import { INTEREST_MODEL } from "../interests/model.js";
import { channelOrder, featured } from "../interests/order.js";
import type { Paperboy, Roundup, RoundupTopic } from "../paperboy.js";
import { displayText } from "../summary/latex.js";
import type { Paper } from "../types.js";
import { paperUrl } from "./cards.js";
import type { RoundupPaper, RoundupReply, RoundupTopicReply } from "./replies.js";

/** Papers of a topic shown with their TL;DR; the others are one click away. */
export const ROUNDUP_TLDRS_PER_TOPIC = 2;
/** Topics the opening line names; the rest are counted. */
export const HEADLINE_TOPICS = 3;
/** The heading of the papers picked for the channel by its reactions. */
export const FOR_CHANNEL_LABEL = "For this channel";

/** "2,000": made once at start (its first use loads ICU's number data, ~10 ms, mid-roundup). */
const COUNT = new Intl.NumberFormat("en-US");

function matchesFilter(paper: Paper, filters: readonly string[]): boolean {
  if (filters.length === 0) return true;
  const text = `${paper.title} ${paper.abstract}`.toLowerCase();
  return filters.some((f) => {
    const words = f
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    // Every word of a filter phrase, each at a word start ("prun" matches "pruning").
    return words.every((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${w}`, "u").test(text));
  });
}

/** "LLM agents" stays; "Video generation" reads "video generation" inside a sentence. */
function inSentence(label: string): string {
  const first = label.split(" ")[0] as string;
  return /^\p{Lu}\p{Ll}*(?:-\p{Ll}+)*$/u.test(first) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** "64 papers today: 11 on LLM agents, 10 on model efficiency, 7 on video generation, and 6 more topics". */
export function roundupHeadline(
  shown: number,
  topics: readonly RoundupTopicReply[],
  when: {
    today: boolean;
    date: string;
    until?: string;
    count: number;
    filtered: boolean;
    /** Papers grouped, when fewer than `count` (a day too large to group whole). */
    grouped?: number;
  },
): string {
  const n = (x: number) => COUNT.format(x);
  const papers = `${n(shown)} paper${shown === 1 ? "" : "s"}`;
  const of = when.filtered ? ` of ${n(when.count)}` : "";
  const span = when.until
    ? ` from ${when.date} to ${when.until}`
    : when.today
      ? " today"
      : ` on ${when.date}`;
  // Too many to group: say which were, and where the others are.
  const capped =
    when.grouped !== undefined && when.grouped < when.count
      ? {
          before: `${n(when.count)} papers${span}, too many to group: the ${n(when.grouped)} most upvoted`,
          after: ` The other ${n(when.count - when.grouped)} are in the day's list.`,
        }
      : null;
  const picked = topics.find((t) => t.forChannel);
  const named = topics.filter((t) => !t.other && !t.forChannel);
  const opening = capped ? capped.before : `${papers}${of}${span}`;
  if (named.length === 0) return `${opening}.${capped?.after ?? ""}`;
  const parts = named.slice(0, HEADLINE_TOPICS).map((t) => `${t.papers.length} on ${inSentence(t.label)}`);
  if (picked) parts.unshift(`${picked.papers.length} picked for this channel`);
  const more = named.length - HEADLINE_TOPICS;
  if (more > 0) parts.push(`and ${more} more topic${more === 1 ? "" : "s"}`);
  return `${opening}: ${parts.join(", ")}.${capped?.after ?? ""}`;
}

/**
 * A paper's line from the one the roundup job wrote (display title, key, TL;DR: computed off the
 * main thread in `serve`); a TL;DR the job did not write (a paper picked for the channel) is
 * summarized here.
 */
function roundupPaper(engine: Paperboy, roundup: Roundup, paper: Paper, withTldr: boolean): RoundupPaper {
  const line = roundup.lines.get(paper.id);
  const out: RoundupPaper = {
    id: paper.id,
    title: line?.title ?? displayText(paper.title),
    url: paperUrl(paper),
    code: paper.code,
    upvotes: paper.upvotes,
  };
  if (line) out.pk = line.pk;
  if (withTldr) out.tldr = line?.tldr ?? engine.summary(paper).tldr;
  return out;
}

export function buildRoundup(
  engine: Paperboy,
  date: string,
  options: {
    until?: string;
    filters?: readonly string[];
    late?: boolean;
    /** The day's topics when already computed (the scheduler posts one day to many channels). */
    roundup?: Roundup;
    /**
     * The channel the roundup is for: when its people reacted to papers, the papers most like what
     * they liked come first ("For this channel") and each topic is in the channel's order.
     */
    forChannel?: { platform: string; channel: string };
  } = {},
): RoundupReply {
  const filters = options.filters ?? [];
  const roundup = options.roundup ?? engine.roundup(date, options.until);
  const filtered = roundup.topics.map((t) => ({
    ...t,
    papers: t.papers.filter((p) => matchesFilter(p, filters)),
  }));
  const { picked, ordered } = personalize(engine, roundup, filtered, options.forChannel);
  const topics: RoundupTopicReply[] = ordered
    .map((t) => {
      const papers = t.papers;
      // Other holds what fits nowhere: its papers are listed, not introduced.
      const tldrs = t.other && roundup.topics.length > 1 ? 0 : ROUNDUP_TLDRS_PER_TOPIC;
      return {
        label: t.label,
        other: t.other,
        papers: papers.map((p, i) => roundupPaper(engine, roundup, p, i < tldrs)),
      };
    })
    .filter((t) => t.papers.length > 0);
  if (picked.length)
    topics.unshift({
      label: FOR_CHANNEL_LABEL,
      other: false,
      forChannel: true,
      papers: picked.map((p) => roundupPaper(engine, roundup, p, true)),
    });
  const shown = topics.reduce((n, t) => n + t.papers.length, 0);
  const today = dateInZone(engine.clock.now(), engine.timeZone) === date;
  const reply: RoundupReply = {
    kind: "roundup",
    date,
    count: roundup.count,
    shown,
    headline: roundupHeadline(shown, topics, {
      today: today && !options.until,
      date,
      ...(options.until ? { until: options.until } : {}),
      count: roundup.count,
      filtered: filters.length > 0,
      grouped: roundup.grouped,
    }),
    topics,
  };
  if (options.until) reply.until = options.until;
  if (filters.length) reply.filters = [...filters];
  if (options.late) reply.late = true;
  return reply;
}

/**
 * The channel's picks and its order within each topic, from its reactions (src/interests). The
 * picks leave their topics (a paper is listed once); a topic they empty is dropped. Without
 * reactions, or for no channel, the topics are returned as they are.
 */
function personalize(
  engine: Paperboy,
  roundup: Roundup,
  topics: readonly RoundupTopic[],
  where: { platform: string; channel: string } | undefined,
): { picked: Paper[]; ordered: readonly RoundupTopic[] } {
  const interest = where ? channelInterest(engine, where, engine.clock.now()) : null;
  if (!interest) return { picked: [], ordered: topics };
  const all = topics.flatMap((t) => t.papers);
  const items = all.map((p) => {
    const pk = roundup.lines.get(p.id)?.pk ?? engine.papers.resolve(p.id);
    return { interest: pk === null ? 0 : interest(pk), upvotes: p.upvotes };
  });
  const score = new Map(all.map((p, i) => [p.id, items[i] as { interest: number; upvotes: number | null }]));
  const picked = featured(items, INTEREST_MODEL).map((i) => all[i] as Paper);
  const pickedIds = new Set(picked.map((p) => p.id));
  const ordered = topics.map((t) => {
    const rest = t.papers.filter((p) => !pickedIds.has(p.id));
    const order = channelOrder(
      rest.map((p) => score.get(p.id) as { interest: number; upvotes: number | null }),
      INTEREST_MODEL,
    );
    return { ...t, papers: order.map((i) => rest[i] as Paper) };
  });
  return { picked, ordered };
}
