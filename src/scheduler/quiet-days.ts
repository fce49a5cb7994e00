/**
 * Quiet days: the source published no papers for a day (a weekend, a holiday: the API answers an
 * empty list). A subscribed channel never gets an empty roundup; once its posting time is
 * `quietAfterMinutes` past with still nothing (and the last fetch was answered, not failed: an
 * outage is no quiet day), the day is recorded as quiet for it and, if the
 * channel asked (`subscribe quiet on`), it gets one short notice. A quiet day stays open: when
 * its papers appear later (within the catch-up lookback), the scheduler posts its roundup then,
 * once, through the daily roundup's own delivery claim. The record and the notice share one
 * exactly-once row (scheduled_posts, kind "quiet", slot = the day).
 */

import { ChannelDigestStore } from "../archive/channel-digests.js";
import type { ChannelSettings } from "../archive/channels.js";
import { ScheduledPostStore } from "../archive/scheduled-posts.js";
import { announce } from "../bot/replies.js";
import { addDays, dateInZone } from "../clock.js";
import { claimOptions, mayRetryPost, type PostRunner, postClaimed, skipPost } from "./scheduled-post.js";
import { zonedInstant } from "./zoned-time.js";

/** A notice later than this after the day was called quiet says nothing useful; it is not sent. */
export const QUIET_NOTICE_WINDOW_MS = 6 * 60 * 60_000;

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "Saturday 2026-02-07". */
function dayName(date: string): string {
  return `${WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]} ${date}`;
}

export function quietNotice(date: string): string {
  return `No papers for ${dayName(date)}: the source published none (weekends and holidays have none). If papers for that day appear later, its roundup will be posted then. \`subscribe quiet off\` stops these notices.`;
}

export class QuietDays {
  constructor(
    private readonly run: PostRunner,
    private readonly quietAfterMinutes: number,
    private readonly days: {
      /** Whether a digest day is in the archive. */
      has: (date: string) => boolean;
      /** Whether the last try to fetch the day failed (an outage, not a day without papers). */
      failing: (date: string) => boolean;
    },
  ) {}

  private has(date: string): boolean {
    return this.days.has(date);
  }

  private key(channel: ChannelSettings, date: string) {
    return { kind: "quiet" as const, platform: channel.platform, channel: channel.channel, slot: date };
  }

  private deadline(channel: ChannelSettings, date: string): number {
    return zonedInstant(date, channel.time, channel.timezone).getTime() + this.quietAfterMinutes * 60_000;
  }

  /** Whether the day was recorded quiet for the channel. */
  isQuiet(channel: ChannelSettings, date: string): boolean {
    return this.run.engine.store(ScheduledPostStore).get(this.key(channel, date)) !== null;
  }

  /**
   * Whether the catch-up must leave a past day without a digest open for now: it was recorded
   * quiet and is still within reach, or it is yesterday and its quiet-day decision is still to be
   * made (a late posting time whose deadline falls after midnight).
   */
  holds(channel: ChannelSettings, date: string, back: number, now: Date): boolean {
    if (back >= this.run.lookbackDays) return false;
    if (this.isQuiet(channel, date)) return true;
    return back === 1 && now.getTime() < this.deadline(channel, date) + QUIET_NOTICE_WINDOW_MS;
  }

  /** Past quiet days of the channel still within reach whose roundup may yet be posted. */
  awaiting(channel: ChannelSettings, today: string): string[] {
    const out: string[] = [];
    for (let back = 1; back < this.run.lookbackDays; back++) {
      const date = addDays(today, -back);
      if (this.isQuiet(channel, date)) out.push(date);
    }
    return out;
  }

  /** Records today's (and yesterday's) quiet days of subscribed channels; posts the notices wanted. */
  async tick(now: Date, channels: readonly ChannelSettings[]): Promise<void> {
    const { engine } = this.run;
    const posts = engine.store(ScheduledPostStore);
    const platforms = [...this.run.adapters.keys()];
    await this.retry(now, platforms);
    const wanted = engine.store(ChannelDigestStore).quietNotices(platforms);
    const work: Promise<unknown>[] = [];
    for (const channel of channels) {
      if (!this.run.adapters.has(channel.platform)) continue;
      const today = dateInZone(now, channel.timezone);
      for (const date of [today, addDays(today, -1)]) {
        const dueAt = zonedInstant(date, channel.time, channel.timezone);
        if (channel.updatedAt !== undefined && Date.parse(channel.updatedAt) > dueAt.getTime()) continue;
        const deadline = this.deadline(channel, date);
        if (now.getTime() < deadline || this.has(date) || this.days.failing(date)) continue;
        const delivery = engine.deliveries.get({
          platform: channel.platform,
          channel: channel.channel,
          date,
        });
        if (delivery || this.isQuiet(channel, date)) continue;
        const key = this.key(channel, date);
        if (!wanted.has(`${channel.platform}:${channel.channel}`)) {
          skipPost(this.run, posts, key, channel.workspace, "quiet day; notices are off", now);
          continue;
        }
        if (now.getTime() >= deadline + QUIET_NOTICE_WINDOW_MS) {
          skipPost(this.run, posts, key, channel.workspace, "quiet day; too late for a notice", now);
          continue;
        }
        const claimed = posts.claim(key, channel.workspace, claimOptions(this.run, now, false));
        if (claimed) work.push(postClaimed(this.run, posts, claimed, [announce(quietNotice(date))]));
      }
    }
    await Promise.all(work);
  }

  private async retry(now: Date, platforms: readonly string[]): Promise<void> {
    const posts = this.run.engine.store(ScheduledPostStore);
    for (const row of posts.unsettled("quiet", platforms)) {
      if (!mayRetryPost(this.run, row, now)) continue;
      // Papers may have come meanwhile: then the roundup says it all, and the notice is dropped.
      if (this.has(row.slot)) continue;
      const claimed = posts.claim(row, row.workspace, claimOptions(this.run, now, row.late));
      if (claimed) await postClaimed(this.run, posts, claimed, [announce(quietNotice(row.slot))]);
    }
  }
}
