/** The roundup reply for a day, with a channel's keyword filters applied. */
import type { Paperboy, Roundup } from "../paperboy.js";
import type { Paper } from "../types.js";
import { paperLite } from "./cards.js";
import type { RoundupReply } from "./replies.js";

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

export function buildRoundup(
  engine: Paperboy,
  date: string,
  options: {
    filters?: readonly string[];
    late?: boolean;
    /** The day's topics when already computed (the scheduler posts one day to many channels). */
    roundup?: Roundup;
  } = {},
): RoundupReply {
  const filters = options.filters ?? [];
  const roundup = options.roundup ?? engine.roundup(date);
  const topics = roundup.topics
    .map((t) => ({
      label: t.label,
      papers: t.papers.filter((p) => matchesFilter(p, filters)).map((p) => paperLite(engine, p)),
    }))
    .filter((t) => t.papers.length > 0);
  const reply: RoundupReply = {
    kind: "roundup",
    date,
    count: roundup.count,
    shown: topics.reduce((n, t) => n + t.papers.length, 0),
    topics,
  };
  if (filters.length) reply.filters = [...filters];
  if (options.late) reply.late = true;
  return reply;
}
