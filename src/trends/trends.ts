/**
 * The archive's topics over time, as numbers: papers per topic per week for the last N weeks.
 * Each week's papers are grouped by the roundup's own topics (engine.roundup over the week, cached
 * per range), then the weeks' topics are linked into lines by their papers (link-topics.ts), never
 * by label text. The lines with the most papers are kept; a channel's watched ones always are, and
 * are marked so the chart can highlight them.
 * Cost: one roundup (topics) per week, cached by the engine: a few seconds for 8 full weeks on a
 * fresh process, nothing for the weeks already asked for.
 */
import { ArchiveError, ErrorCode, InvalidArgumentError } from "../errors.js";
import type { Paperboy } from "../paperboy.js";
import type { Paper } from "../types.js";
import { linkTopics, type PeriodTopic } from "./link-topics.js";
import { topicVectors } from "./topic-vectors.js";

export const DEFAULT_WEEKS = 8;
export const MIN_WEEKS = 2;
export const MAX_WEEKS = 26;
/** Lines on one chart: more can't be told apart by colour. */
export const MAX_LINES = 8;

export interface TrendsOptions {
  /** How many weeks, ending with the week of `until`; default DEFAULT_WEEKS. */
  weeks?: number;
  /** YYYY-MM-DD in the last week; default the archive's newest digest day. */
  until?: string;
  /**
   * The channel's watches (search phrases; every word at a word start of a paper's title or
   * abstract): the line holding most of each watch's papers is kept and highlighted.
   */
  watched?: readonly string[];
}

export interface TrendWeek {
  /** Monday and Sunday, YYYY-MM-DD (digest days). */
  start: string;
  end: string;
  papers: number;
}

export interface TrendLine {
  /** The label its largest week's topic had (made unique among the lines). */
  label: string;
  /** Papers per week, in `weeks` order. */
  counts: number[];
  total: number;
  watched: boolean;
}

export interface Trends {
  weeks: TrendWeek[];
  lines: TrendLine[];
  /** Topics over the weeks not drawn (fewer papers than the lines kept). */
  hidden: number;
  /** Papers in the weeks. */
  papers: number;
}

const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Mondays of the `weeks` weeks ending with the week of `until` (oldest first). */
export function weekStarts(until: string, weeks: number): string[] {
  const t = Date.parse(`${until}T00:00:00Z`);
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: weeks }, (_, i) => isoDay(monday - (weeks - 1 - i) * 7 * DAY_MS));
}

/** Every word of a watch phrase at a word start of the paper's title or abstract ("prun" → "pruning"). */
function matchesWatch(paper: Paper, watches: readonly RegExp[][]): boolean {
  const text = `${paper.title} ${paper.abstract}`;
  return watches.some((words) => words.every((w) => w.test(text)));
}

function watchPatterns(watched: readonly string[]): RegExp[][] {
  return watched
    .map((phrase) =>
      phrase
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "iu")),
    )
    .filter((words) => words.length > 0);
}

export function topicTrends(engine: Paperboy, options: TrendsOptions = {}): Trends {
  const weeks = options.weeks ?? DEFAULT_WEEKS;
  if (!Number.isInteger(weeks) || weeks < MIN_WEEKS || weeks > MAX_WEEKS)
    throw new InvalidArgumentError(
      `trends: ${weeks} weeks is out of range: give a whole number of weeks from ${MIN_WEEKS} to ${MAX_WEEKS}`,
      { key: "weeks" },
    );
  const until = options.until ?? engine.latestDay();
  if (until === null)
    throw new ArchiveError(
      ErrorCode.UnknownDay,
      "trends: the archive has no papers yet: ingest a digest first (paperboy ingest <file>)",
    );
  const starts = weekStarts(until, weeks);
  const trendWeeks: TrendWeek[] = [];
  const periods: PeriodTopic[][] = [];
  const papers = new Map<number, Paper>();
  for (const start of starts) {
    const end = isoDay(Date.parse(`${start}T00:00:00Z`) + 6 * DAY_MS);
    const roundup = engine.roundup(start, end);
    trendWeeks.push({ start, end, papers: roundup.count });
    // The catch-all "Other" group is no topic to follow over time.
    periods.push(
      roundup.topics
        .filter((t) => !t.other)
        .map((t) => {
          const pks: number[] = [];
          for (const p of t.papers) {
            const pk = engine.papers.resolve(p.id);
            if (pk === null) continue;
            papers.set(pk, p);
            pks.push(pk);
          }
          return { label: t.label, pks };
        }),
    );
  }
  const series = linkTopics(periods, topicVectors(engine));
  // Each watch marks the line that holds most of its papers (a narrow watch lives inside a broad
  // topic; a broad one should not light up every line that mentions it once).
  const watchedLines = new Set<number>();
  for (const watch of watchPatterns(options.watched ?? [])) {
    let best = -1;
    let bestCount = 0;
    series.forEach((s, i) => {
      const n = s.pks.filter((pk) => matchesWatch(papers.get(pk) as Paper, [watch])).length;
      if (n > bestCount) {
        best = i;
        bestCount = n;
      }
    });
    if (best >= 0) watchedLines.add(best);
  }
  const lines = series.map((s, i) => ({
    label: s.label,
    counts: s.counts,
    total: s.counts.reduce((a, b) => a + b, 0),
    watched: watchedLines.has(i),
  }));
  // Watched lines first, then the biggest; ties by first appearance (the series' order).
  const kept = lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => Number(b.l.watched) - Number(a.l.watched) || b.l.total - a.l.total || a.i - b.i)
    .slice(0, MAX_LINES)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.l);
  const seen = new Map<string, number>();
  for (const line of kept) {
    const n = (seen.get(line.label) ?? 0) + 1;
    seen.set(line.label, n);
    if (n > 1) line.label = `${line.label} (${n})`;
  }
  return {
    weeks: trendWeeks,
    lines: kept,
    hidden: lines.length - kept.length,
    papers: trendWeeks.reduce((a, w) => a + w.papers, 0),
  };
}
