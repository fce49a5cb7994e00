/**
 * Every default that more than one part of paperboy relies on, in one place: the config schema
 * shows them to operators, and the bot, the CLI and the adapters fall back to the same values when
 * they run without a config file (tests, `chat`).
 */
export const DEFAULTS = {
  /** The archive, when neither --db, PAPERBOY_DB nor storage.db names one. */
  dbPath: "./data/paperboy.db",
  /** The zone of "today" and of channels that subscribe without naming one. */
  timezone: "UTC",
  /** When a channel's daily roundup is posted, when `subscribe` names no time. */
  roundupTime: "09:00",
  /** When the day's digest is first fetched. */
  fetchAt: "07:00",
  /** Commands per user and per channel: a burst of `capacity`, then `refillPerMinute`. */
  rateLimits: {
    perUser: { capacity: 10, refillPerMinute: 20 },
    perChannel: { capacity: 30, refillPerMinute: 60 },
  },
  /** An answer not ready by then is preceded by a "working…" notice. */
  deadlineMs: 2_000,
  /** Results per page in chat (a day's list shows twice as many). */
  pageSize: 5,
  /** The public port: HTTP-receiving adapters (Slack's request URL) and a bare liveness /healthz. */
  port: 3_000,
  /** The operations port (the detailed /healthz, /metrics), on loopback unless configured. */
  opsPort: 9_464,
  opsHost: "127.0.0.1",
  /** Days after "I'll read it" before the scheduler reminds the claimer (once); 0: never. */
  queueReminderDays: 7,
  /**
   * Minutes after a channel's posting time with still no papers before the day is called quiet (a
   * notice if the channel wants one; the roundup still follows if papers come).
   */
  quietAfterMinutes: 120,
  /** How long a stop waits for work in flight. */
  shutdownMs: 10_000,
} as const;
