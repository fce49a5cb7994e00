/**
 * Drops requests Slack delivers more than once: Events API retries (`X-Slack-Retry-Num`, same
 * `event_id`) and replays of a signed command or button press (same `trigger_id`). Bolt itself
 * processes every delivery, so without this a slow answer would be posted twice.
 */
import { LRUCache } from "lru-cache";
import type { Clock } from "../../src/clock.js";
import { DEDUPE_MAX_IDS, DEDUPE_TTL_MS } from "./limits.js";

export class SeenIds {
  private readonly seen: LRUCache<string, true>;

  constructor(clock: Clock, options: { ttlMs?: number; max?: number } = {}) {
    this.seen = new LRUCache<string, true>({
      max: options.max ?? DEDUPE_MAX_IDS,
      ttl: options.ttlMs ?? DEDUPE_TTL_MS,
      // The injected clock decides when an id is forgotten, so tests can move time.
      perf: { now: () => clock.now().getTime() },
      ttlResolution: 0,
    });
  }

  /** True the first time an id is seen (within the ttl); false for a repeat. */
  first(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.set(id, true);
    return true;
  }
}

/** The id that identifies one delivery of a Slack request, if it has one. */
export function deliveryId(body: Record<string, unknown>): string | null {
  if (typeof body.event_id === "string") return `event:${body.event_id}`;
  if (typeof body.trigger_id === "string") return `trigger:${body.trigger_id}`;
  return null;
}
