/**
 * The `serve` config the ops benches share: Slack over HTTP, no scheduler, and rate limits far
 * above any bench's traffic (a bench measures the bot, not its limiter).
 */
export const BENCH_SLACK_SERVE = {
  slack: { enabled: true, mode: "http" },
  schedule: { enabled: false },
} as const;

export const BENCH_RATE_LIMITS = {
  perUser: { capacity: 1000, refillPerMinute: 1000 },
  perChannel: { capacity: 1000, refillPerMinute: 1000 },
} as const;
