/**
 * Token buckets per user and per channel, on the injected clock. A burst of `capacity` commands
 * is fine; beyond it commands come back at `refillPerMinute`. The buckets live in the archive
 * (src/archive/rate-buckets.ts), so every replica on a shared archive draws from the same ones.
 */
import type { RateBucketStore } from "../archive/rate-buckets.js";
import type { Clock } from "../clock.js";
import { DEFAULTS } from "../defaults.js";

export type { BucketOptions } from "../archive/rate-buckets.js";

import type { BucketOptions } from "../archive/rate-buckets.js";

export interface RateLimitOptions {
  perUser: BucketOptions;
  perChannel: BucketOptions;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = DEFAULTS.rateLimits;

export class RateLimiter {
  constructor(
    private readonly clock: Clock,
    private readonly buckets: RateBucketStore,
    private readonly options: RateLimitOptions = DEFAULT_RATE_LIMITS,
  ) {}

  /**
   * null when allowed; else which limit was hit and how long to wait. The channel's bucket is only
   * drawn from once the user's allowed the command (a limited user costs the channel nothing).
   */
  check(user: string, channel: string): { scope: "user" | "channel"; retryAfterMs: number } | null {
    const now = this.clock.now().getTime();
    const u = this.buckets.take(`user:${user}`, this.options.perUser, now);
    if (u > 0) return { scope: "user", retryAfterMs: u };
    const c = this.buckets.take(`channel:${channel}`, this.options.perChannel, now);
    if (c > 0) return { scope: "channel", retryAfterMs: c };
    return null;
  }
}
