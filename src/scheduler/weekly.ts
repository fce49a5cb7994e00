/**
 * The weekly digest job: each channel that asked for one (`subscribe weekly [day] [HH:MM]`) gets
 * its week (the seven digest days before the posting day) at its local time on its weekday, once,
 * claimed like the daily roundup (scheduled_posts, kind "weekly", slot = the posting day). Catch-up
 * as for daily roundups: a digest missed earlier the same local day is posted late (or skipped
 * when catch-up is off); one missed on an earlier day is recorded as skipped, with a log line.
 */
import { ChannelDigestStore, type ChannelDigests, type WeeklySchedule } from "../archive/channel-digests.js";
import { ScheduledPostStore } from "../archive/scheduled-posts.js";
import type { ImageAttachment } from "../bot/replies.js";
import { buildWeekly, isEmptyWeek } from "../bot/weekly.js";
import { addDays, dateInZone } from "../clock.js";
import { DEFAULTS } from "../defaults.js";
import { claimOptions, mayRetryPost, type PostRunner, postClaimed, skipPost } from "./scheduled-post.js";
import { zonedInstant } from "./zoned-time.js";

/**
 * Where the weekly digest's topic-trends chart comes from: a PNG of the archive's topics over the
 * weeks up to `until`, with the channel's watched topics highlighted; null when there is none.
 * The scheduler works without one (the digest then has no picture).
 */
export type WeeklyChartProvider = (input: {
  platform: string;
  channel: string;
  from: string;
  until: string;
}) => Promise<ImageAttachment | null>;

/** ISO weekday of a YYYY-MM-DD date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The latest posting day of the schedule on or before `today`, and its instant. */
export function lastPostingDay(
  weekly: WeeklySchedule,
  today: string,
  timezone: string,
  now: Date,
): { date: string; dueAt: Date } {
  let date = addDays(today, -((isoWeekday(today) - weekly.day + 7) % 7));
  let dueAt = zonedInstant(date, weekly.time, timezone);
  if (now < dueAt) {
    date = addDays(date, -7);
    dueAt = zonedInstant(date, weekly.time, timezone);
  }
  return { date, dueAt };
}

export class WeeklyJob {
  constructor(
    private readonly run: PostRunner,
    /** The zone of a channel that never chose one. */
    private readonly defaultZone: string,
    private readonly chart: WeeklyChartProvider | null = null,
  ) {}

  private zoneOf(c: ChannelDigests): string {
    return this.run.engine.channels.get(c)?.timezone ?? this.defaultZone ?? DEFAULTS.timezone;
  }

  async tick(now: Date): Promise<void> {
    const { engine } = this.run;
    const channels = engine.store(ChannelDigestStore).weekly([...this.run.adapters.keys()]);
    await Promise.all(channels.map((c) => this.channel(c, now)));
  }

  private async channel(c: ChannelDigests, now: Date): Promise<void> {
    const weekly = c.weekly as WeeklySchedule;
    const { engine, logger } = this.run;
    const posts = engine.store(ScheduledPostStore);
    const zone = this.zoneOf(c);
    const today = dateInZone(now, zone);
    const { date, dueAt } = lastPostingDay(weekly, today, zone, now);
    // Set (or moved) after that posting time: the first digest is the next one.
    if (weekly.since && Date.parse(weekly.since) > dueAt.getTime()) return;
    const key = { kind: "weekly" as const, platform: c.platform, channel: c.channel, slot: date };
    const row = posts.get(key);
    if (row && !mayRetryPost(this.run, row, now)) return;
    if (!row && date !== today) {
      skipPost(
        this.run,
        posts,
        key,
        c.workspace,
        "missed: paperboy was not running at the posting time",
        now,
      );
      return;
    }
    const late = now.getTime() - dueAt.getTime() > this.run.lateAfterMinutes * 60_000;
    if (!row && late && !this.run.catchUp) {
      skipPost(this.run, posts, key, c.workspace, "missed and catch-up is off", now);
      return;
    }
    const span = {
      from: addDays(date, -7),
      until: addDays(date, -1),
      start: zonedInstant(addDays(date, -7), "00:00", zone).toISOString(),
      end: zonedInstant(date, "00:00", zone).toISOString(),
    };
    const reply = buildWeekly(engine, c, span, { late });
    if (!row && isEmptyWeek(reply)) {
      skipPost(this.run, posts, key, c.workspace, "nothing to report: no papers and no activity", now);
      return;
    }
    const claimed = posts.claim(key, c.workspace, claimOptions(this.run, now, late));
    if (!claimed) return;
    if (this.chart) {
      try {
        const image = await this.chart({
          platform: c.platform,
          channel: c.channel,
          from: span.from,
          until: span.until,
        });
        if (image) reply.chart = image;
      } catch (err) {
        // A digest without its picture is still the digest.
        logger.warn({ ...key, err: err instanceof Error ? err.message : String(err) }, "weekly chart failed");
      }
    }
    await postClaimed(this.run, posts, claimed, [reply], { papers: reply.count });
  }
}
