/**
 * The daily roundup job. `tick(now)` does everything: fetch the day's digest when due, post each
 * subscribed channel's roundup once its local time has come, retry failed posts, skip (and log)
 * days missed during downtime. It decides from the injected clock alone, so tests drive DST
 * changes and outages by calling `tick` with a manual clock; in production croner calls it every
 * minute. Exactly-once comes from the deliveries table, not from timing: each (channel, date) is
 * claimed in the transaction that decides to post.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { Cron } from "croner";
import type { ChannelSettings } from "../archive/channels.js";
import { mayTakeOver, type TakeOverOptions } from "../archive/claim-rules.js";
import type { Delivery, DeliveryKey } from "../archive/deliveries.js";
import type { Adapter } from "../bot/adapter.js";
import { buildRoundup } from "../bot/roundup.js";
import { addDays, type Clock, dateInZone } from "../clock.js";
import { DEFAULTS } from "../defaults.js";
import type { DigestSource } from "../fetch/source.js";
import type { Logger } from "../logger.js";
import { redactSecrets } from "../logger.js";
import { sendReminders } from "../memory/reminders.js";
import { markDiscussed } from "../memory/roundup-marks.js";
import type { Paperboy, Roundup } from "../paperboy.js";
import { AlertJob } from "./alerts.js";
import { DayFetcher } from "./day-fetcher.js";
import { QuietDays } from "./quiet-days.js";
import { failedTryDue, postRetryDelay, type RetryPolicy } from "./retry-policy.js";
import type { PostRunner } from "./scheduled-post.js";
import { type WeeklyChartProvider, WeeklyJob } from "./weekly.js";
import { zonedInstant } from "./zoned-time.js";

export interface SchedulerSettings {
  /** The zone of `fetchAt`. */
  timezone: string;
  /** HH:MM: when the day's digest is fetched even if no channel is due yet. */
  fetchAt: string;
  fetchRetryMinutes: number;
  lateAfterMinutes: number;
  catchUp: { enabled: boolean; lookbackDays: number };
  postRetries: RetryPolicy;
  /** Days after "I'll read it" before the claimer is reminded, once; 0: never. Default 7. */
  queueReminderDays?: number;
  /**
   * Minutes after a channel's posting time with still no digest before the day is called quiet
   * (a notice if the channel wants one; its roundup still follows if papers come). Default 120.
   */
  quietAfterMinutes?: number;
}

export interface SchedulerOptions {
  engine: Paperboy;
  adapters: readonly Adapter[];
  source: DigestSource | null;
  settings: SchedulerSettings;
  clock: Clock;
  logger: Logger;
  /** Names this process in delivery claims. Default: a random id. */
  instanceId?: string;
  /** A claim older than this is taken to be from a dead process. Default 15 minutes. */
  leaseMs?: number;
  /** Cron pattern (with seconds) of the real-time ticker. Default: every minute on the minute. */
  tickPattern?: string;
  /** The weekly digest's topic-trends chart; without one the digest has no picture. */
  weeklyChart?: WeeklyChartProvider;
}

export interface DeliveryEvent {
  key: DeliveryKey;
  late: boolean;
  attempts: number;
  messages?: string[];
  error?: string;
  reason?: string;
}

const DEFAULT_LEASE_MS = 15 * 60_000;

export class Scheduler extends EventEmitter {
  readonly instanceId: string;
  private readonly fetcher: DayFetcher;
  private readonly quiet: QuietDays;
  private readonly fetchFailing = new Set<string>();
  private readonly weekly: WeeklyJob;
  private readonly alerts: AlertJob;
  private readonly adapters = new Map<string, Adapter>();
  private readonly posting = new Set<string>();
  private readonly ticks = new Set<Promise<void>>();
  private cron: Cron | null = null;
  private unwatch: (() => void) | null = null;

  constructor(private readonly options: SchedulerOptions) {
    super();
    this.instanceId = options.instanceId ?? `pb-${randomUUID().slice(0, 8)}`;
    for (const a of options.adapters) this.adapters.set(a.platform, a);
    this.fetcher = new DayFetcher(options.engine, options.source, {
      retryMs: options.settings.fetchRetryMinutes * 60_000,
      clock: options.clock,
      logger: options.logger,
    });
    // Fetch outcomes are scheduler events too, so callers (and tests) listen in one place.
    for (const name of ["fetched", "not-published", "fetch-failed"]) {
      this.fetcher.on(name, (e) => this.emit(name, e));
    }
    // A day whose last fetch failed is an outage, not a quiet day: no "nothing published" notice.
    this.fetcher.on("fetch-failed", (e: { date: string }) => this.fetchFailing.add(e.date));
    for (const name of ["fetched", "not-published"])
      this.fetcher.on(name, (e: { date: string }) => this.fetchFailing.delete(e.date));
    const { settings } = options;
    // Alerts, weekly digests and quiet-day notices post through the same adapters, claims and
    // retry policy as the roundup (scheduled-post.ts).
    const runner: PostRunner = {
      engine: options.engine,
      adapters: this.adapters,
      instanceId: this.instanceId,
      clock: options.clock,
      logger: options.logger,
      policy: settings.postRetries,
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      lookbackDays: settings.catchUp.lookbackDays,
      catchUp: settings.catchUp.enabled,
      lateAfterMinutes: settings.lateAfterMinutes,
      emit: (name, event) => this.emit(name, event),
    };
    this.quiet = new QuietDays(runner, settings.quietAfterMinutes ?? DEFAULTS.quietAfterMinutes, {
      has: (date) => this.fetcher.has(date),
      failing: (date) => this.fetchFailing.has(date),
    });
    this.weekly = new WeeklyJob(runner, settings.timezone, options.weeklyChart ?? null);
    this.alerts = new AlertJob(runner, settings.timezone);
  }

  /** Ticks now (catch-up after a restart), then every minute; watches a folder source. */
  start(): void {
    if (this.cron) return;
    this.cron = new Cron(this.options.tickPattern ?? "0 * * * * *", () => {
      void this.tick();
    });
    this.unwatch =
      this.options.source?.watch?.(() => {
        this.fetcher.reset();
        void this.tick();
      }) ?? null;
    void this.tick();
  }

  /** Stops ticking and waits for ticks in progress (their posts) to finish. */
  async stop(): Promise<void> {
    this.cron?.stop();
    this.cron = null;
    this.unwatch?.();
    this.unwatch = null;
    await Promise.allSettled([...this.ticks]);
  }

  /** One pass over every subscribed channel at the clock's current time. Never throws. */
  tick(): Promise<void> {
    const run = this.runTick().catch((err: unknown) => {
      this.options.logger.error({ err: redactSecrets(String(err)) }, "scheduler tick failed");
      this.emit("error-logged", err);
    });
    this.ticks.add(run);
    void run.finally(() => this.ticks.delete(run));
    return run;
  }

  private async runTick(): Promise<void> {
    const { engine, settings, clock } = this.options;
    const now = clock.now();
    const dates = new Set<string>();
    const today = dateInZone(now, settings.timezone);
    if (now >= zonedInstant(today, settings.fetchAt, settings.timezone)) dates.add(today);

    const due: { channel: ChannelSettings; key: DeliveryKey; dueAt: Date; delayed: boolean }[] = [];
    const subscribed = engine.channels.subscribed();
    for (const channel of subscribed) {
      if (!this.adapters.has(channel.platform)) continue; // another process serves it
      const date = dateInZone(now, channel.timezone);
      this.skipMissed(channel, date, now);
      // A quiet day whose papers came later gets its roundup then (quiet-days.ts).
      for (const past of this.quiet.awaiting(channel, date)) {
        const key = { platform: channel.platform, channel: channel.channel, date: past };
        const row = engine.deliveries.get(key);
        if (row && !this.mayRetry(row, now)) continue;
        due.push({ channel, key, dueAt: zonedInstant(past, channel.time, channel.timezone), delayed: true });
        dates.add(past);
      }
      const dueAt = zonedInstant(date, channel.time, channel.timezone);
      if (now < dueAt || subscribedAfter(channel, dueAt)) continue;
      const key = { platform: channel.platform, channel: channel.channel, date };
      const row = engine.deliveries.get(key);
      if (row && !this.mayRetry(row, now)) continue;
      due.push({ channel, key, dueAt, delayed: this.quiet.isQuiet(channel, date) });
      dates.add(date);
    }
    await Promise.all([...dates].map((d) => this.fetcher.ensure(d)));
    // Topics are the costly part of a roundup: computed once per day (off the main thread in
    // serve), shared by channels.
    const dayTopics = (date: string): Promise<Roundup> => engine.prepareRoundup(date);
    await Promise.all(
      due
        .filter((d) => this.fetcher.has(d.key.date))
        .map((d) => this.deliver(d.channel, d.key, d.dueAt, now, dayTopics, d.delayed)),
    );
    // Quiet days, weekly digests and alerts ride on the same tick; one failing stops no other.
    for (const [name, job] of [
      ["quiet days", () => this.quiet.tick(now, subscribed)],
      ["weekly digests", () => this.weekly.tick(now)],
      ["alerts", () => this.alerts.tick(now)],
    ] as const) {
      try {
        await job();
      } catch (err) {
        this.options.logger.error({ err: redactSecrets(String(err)) }, `scheduler ${name} failed`);
        this.emit("error-logged", err);
      }
    }
    // The reading queue's reminders ride on the same tick (and the same injected clock).
    const reminders = await sendReminders(
      engine,
      this.adapters,
      now,
      settings.queueReminderDays ?? DEFAULTS.queueReminderDays,
      this.options.logger,
    );
    for (const e of reminders.sent) this.emit("reminded", e);
    for (const e of reminders.failed) this.emit("remind-failed", e);
    this.options.logger.debug({ at: now.toISOString(), due: due.length }, "scheduler tick");
    this.emit("tick", { at: now, due: due.length });
  }

  /** Past days with no delivery are recorded as skipped, once, with a log line. */
  private skipMissed(channel: ChannelSettings, today: string, now: Date): void {
    const { lookbackDays } = this.options.settings.catchUp;
    for (let back = 1; back <= lookbackDays; back++) {
      const date = addDays(today, -back);
      const dueAt = zonedInstant(date, channel.time, channel.timezone);
      if (subscribedAfter(channel, dueAt)) break;
      const key = { platform: channel.platform, channel: channel.channel, date };
      if (this.options.engine.deliveries.get(key)) continue;
      // A quiet day stays open for its late papers (quiet-days.ts).
      if (!this.fetcher.has(date) && this.quiet.holds(channel, date, back, now)) continue;
      if (this.fetcher.has(date) && back < lookbackDays && this.quiet.isQuiet(channel, date)) continue;
      const reason = this.fetcher.has(date)
        ? "missed: paperboy was not running at the posting time"
        : "no digest was published for the day";
      if (this.options.engine.deliveries.skip(key, reason, now)) {
        this.options.logger.warn({ ...key, reason }, "roundup skipped");
        this.emit("skipped", { key, late: false, attempts: 0, reason } satisfies DeliveryEvent);
      }
    }
  }

  private mayRetry(row: Delivery, now: Date): boolean {
    return mayTakeOver(row, this.takeOverOptions(now));
  }

  private takeOverOptions(now: Date): TakeOverOptions<Delivery> {
    const policy = this.options.settings.postRetries;
    return {
      now,
      retryFailed: (row) => failedTryDue(row, now, policy),
      leaseMs: this.options.leaseMs ?? DEFAULT_LEASE_MS,
    };
  }

  private async deliver(
    channel: ChannelSettings,
    key: DeliveryKey,
    dueAt: Date,
    now: Date,
    dayTopics: (date: string) => Promise<Roundup>,
    /** The day was quiet at its time and its papers came later: posted whether or not catch-up is on. */
    delayed = false,
  ): Promise<void> {
    const { engine, settings, logger } = this.options;
    const adapter = this.adapters.get(channel.platform) as Adapter;
    const id = `${key.platform}:${key.channel}:${key.date}`;
    if (this.posting.has(id)) return;
    const late = now.getTime() - dueAt.getTime() > settings.lateAfterMinutes * 60_000;
    if (late && !settings.catchUp.enabled && !delayed) {
      if (engine.deliveries.skip(key, "missed and catch-up is off", now)) {
        logger.warn({ ...key }, "roundup skipped: missed and catch-up is off");
        this.emit("skipped", { key, late, attempts: 0, reason: "catch-up is off" } satisfies DeliveryEvent);
      }
      return;
    }
    const claim = engine.deliveries.claim(key, {
      ...this.takeOverOptions(now),
      by: this.instanceId,
      late,
    });
    if (!claim) return; // someone else has it, or it is done
    this.posting.add(id);
    try {
      const reply = markDiscussed(
        engine,
        buildRoundup(engine, key.date, {
          filters: channel.filters,
          late,
          roundup: await dayTopics(key.date),
          forChannel: channel,
        }),
        channel,
      );
      // A claim taken over (or a retry after a failure) may follow a post that got out before its
      // process died: the platform's history says which parts are there already.
      const messages = await adapter.post(
        { platform: channel.platform, workspace: channel.workspace, channel: channel.channel },
        [reply],
        { id, label: `roundup ${key.date}`, since: dueAt, resume: claim.attempts > 1 },
      );
      engine.deliveries.markSent(key, this.instanceId, this.options.clock.now());
      logger.info({ ...key, late, attempts: claim.attempts, shown: reply.shown }, "roundup posted");
      this.emit("posted", { key, late, attempts: claim.attempts, messages } satisfies DeliveryEvent);
    } catch (err) {
      const error = redactSecrets(err instanceof Error ? err.message : String(err));
      engine.deliveries.markFailed(key, this.instanceId, error);
      const event: DeliveryEvent = { key, late, attempts: claim.attempts, error };
      if (claim.attempts >= settings.postRetries.attempts) {
        logger.error({ ...key, attempts: claim.attempts, error }, "roundup failed; giving up for the day");
        this.emit("gave-up", event);
      } else {
        const retryInMs = postRetryDelay(claim.attempts, settings.postRetries);
        logger.warn(
          { ...key, attempts: claim.attempts, error, retryInMs },
          "roundup post failed; will retry",
        );
        this.emit("post-failed", event);
      }
    } finally {
      this.posting.delete(id);
    }
  }
}

/** A channel (re)configured after a posting time does not owe that post. */
function subscribedAfter(channel: ChannelSettings, dueAt: Date): boolean {
  return channel.updatedAt !== undefined && Date.parse(channel.updatedAt) > dueAt.getTime();
}
