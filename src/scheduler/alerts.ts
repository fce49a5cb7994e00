/**
 * The scheduler's alert job. When the archive has changed (a digest arrived, by this process's
 * fetch or any other ingest) or the watches have, the new papers of the recent digest days are
 * matched against every watch of the channels this process serves; each channel gets one post per
 * digest day listing its new matches. Each post and its papers are claimed in one transaction
 * (WatchStore.claimAlert), so a paper is alerted once per channel across restarts and any number
 * of schedulers; a failed post is retried with the roundup's backoff.
 */
import { alertReply, findAlerts } from "../alerts/alerts.js";
import { ScheduledPostStore } from "../archive/scheduled-posts.js";
import { WatchStore } from "../archive/watches.js";
import { addDays, dateInZone } from "../clock.js";
import { claimOptions, mayRetryPost, type PostRunner, postClaimed } from "./scheduled-post.js";

export class AlertJob {
  /** The archive revision and watch set last matched by this process ("": never). */
  private matched = "";

  constructor(
    private readonly run: PostRunner,
    /** The zone whose "today" bounds the recent days (the scheduler's). */
    private readonly timezone: string,
  ) {}

  async tick(now: Date): Promise<void> {
    const { engine } = this.run;
    const platforms = [...this.run.adapters.keys()];
    if (platforms.length === 0) return;
    const watchStore = engine.store(WatchStore);
    const posts = engine.store(ScheduledPostStore);
    await this.retry(now, platforms);
    const state = `${engine.papers.revision()}|${watchStore.fingerprint()}`;
    if (state === this.matched) return;
    const watches = watchStore.all(platforms);
    if (watches.length === 0) {
      this.matched = state;
      return;
    }
    // New to a watch: papers of the digest days still within catch-up reach, first seen after it was made.
    const firstDay = addDays(dateInZone(now, this.timezone), -this.run.lookbackDays);
    // ISO times sort as strings (Math.min would not take them).
    const oldestWatch = watches.map((w) => w.createdAt).sort()[0] as string;
    const papers = watchStore.recentPapers(firstDay, oldestWatch);
    if (papers.length === 0) {
      this.matched = state;
      return;
    }
    const started = performance.now();
    const alerts = findAlerts(engine, watches, papers);
    this.run.logger.debug(
      {
        watches: watches.length,
        papers: papers.length,
        channels: alerts.size,
        ms: Math.round(performance.now() - started),
      },
      "watches matched",
    );
    const byChannel = new Map<string, typeof watches>();
    for (const w of watches) {
      const key = `${w.platform}:${w.channel}`;
      byChannel.set(key, [...(byChannel.get(key) ?? []), w]);
    }
    // Channels post side by side; one channel's days in date order.
    await Promise.all(
      [...alerts].map(async ([key, channel]) => {
        for (const [date, matches] of [...channel.byDate].sort(([a], [b]) => (a < b ? -1 : 1))) {
          const claimed = watchStore.claimAlert(
            channel.place,
            date,
            matches,
            claimOptions(this.run, now, false),
          );
          if (!claimed) continue; // every paper was alerted already, here or elsewhere
          const reply = alertReply(engine, date, claimed.matches, byChannel.get(key) ?? []);
          await postClaimed(this.run, posts, claimed.post, [reply], { papers: claimed.matches.length });
        }
      }),
    );
    // Only once every claim is made: a tick that failed half-way matches again next time.
    this.matched = state;
  }

  /** Alert posts that failed (or whose claimant died) are posted again with the papers they hold. */
  private async retry(now: Date, platforms: readonly string[]): Promise<void> {
    const { engine } = this.run;
    const posts = engine.store(ScheduledPostStore);
    const watchStore = engine.store(WatchStore);
    for (const row of posts.unsettled("alert", platforms)) {
      if (!mayRetryPost(this.run, row, now)) continue;
      const claimed = posts.claim(row, row.workspace, claimOptions(this.run, now, row.late));
      if (!claimed) continue;
      const matches = watchStore.alertPapers(row, row.slot);
      const date = row.slot.split(".")[0] as string;
      const reply = alertReply(engine, date, matches, watchStore.list(row));
      await postClaimed(this.run, posts, claimed, [reply], { papers: matches.length, retry: true });
    }
  }
}
