/**
 * Token buckets per user and per channel, on the injected clock. A burst of `capacity` commands
 * is fine; beyond it commands come back at `refillPerMinute`.
 */
import type { Clock } from "../clock.js";
import { DEFAULTS } from "../defaults.js";

export interface BucketOptions {
  capacity: number;
  refillPerMinute: number;
}

export interface RateLimitOptions {
  perUser: BucketOptions;
  perChannel: BucketOptions;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = DEFAULTS.rateLimits;

interface Bucket {
  tokens: number;
  at: number;
}

class Buckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(private readonly options: BucketOptions) {}

  /** Milliseconds until a token is free; 0 means one was taken now. */
  take(key: string, now: number): number {
    const { capacity, refillPerMinute } = this.options;
    const perMs = refillPerMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perMs);
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.prune(now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / perMs);
  }

  /** Full buckets carry no information; dropping them keeps memory flat over months. */
  private prune(now: number): void {
    const perMs = this.options.refillPerMinute / 60_000;
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * perMs >= this.options.capacity) this.buckets.delete(key);
    }
  }
}

export class RateLimiter {
  private readonly users: Buckets;
  private readonly channels: Buckets;

  constructor(
    private readonly clock: Clock,
    options: RateLimitOptions = DEFAULT_RATE_LIMITS,
  ) {
    this.users = new Buckets(options.perUser);
    this.channels = new Buckets(options.perChannel);
  }

  /** null when allowed; else which limit was hit and how long to wait. */
  check(user: string, channel: string): { scope: "user" | "channel"; retryAfterMs: number } | null {
    const now = this.clock.now().getTime();
    const u = this.users.take(user, now);
    if (u > 0) return { scope: "user", retryAfterMs: u };
    const c = this.channels.take(channel, now);
    if (c > 0) return { scope: "channel", retryAfterMs: c };
    return null;
  }
}
