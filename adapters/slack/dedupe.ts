/**
 * Drops requests Slack delivers more than once: Events API retries (`X-Slack-Retry-Num`, same
 * `event_id`) and replays of a signed command or button press (same `trigger_id`). Bolt itself
 * processes every delivery, so without this a slow answer would be posted twice. Ids are kept in
 * memory and in the archive (`persist`), so a replay after a restart is dropped too, for as long
 * as its timestamp could still pass the freshness check. Commands and buttons (they carry a
 * response_url) are checked by the archive's owed answers instead when serve provides them
 * (handlers.ts): the same unique id, recorded before the ack.
 */
import { LRUCache } from "lru-cache";
import type { Clock } from "../../src/clock.js";
import { DEDUPE_MAX_IDS, DEDUPE_TTL_MS } from "./limits.js";

/** Where ids outlive the process (the archive's seen_requests). */
export interface SeenIdStore {
  first(id: string, nowMs: number, windowMs: number): boolean;
}

export class SeenIds {
  private readonly seen: LRUCache<string, true>;
  private readonly ttlMs: number;

  constructor(
    private readonly clock: Clock,
    options: {
      ttlMs?: number;
      max?: number;
      persist?: SeenIdStore;
      onPersistFailed?: (err: unknown) => void;
    } = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEDUPE_TTL_MS;
    this.persist = options.persist;
    this.onPersistFailed = options.onPersistFailed;
    this.seen = new LRUCache<string, true>({
      max: options.max ?? DEDUPE_MAX_IDS,
      ttl: this.ttlMs,
      // The injected clock decides when an id is forgotten, so tests can move time.
      perf: { now: () => clock.now().getTime() },
      ttlResolution: 0,
    });
  }

  private readonly persist: SeenIdStore | undefined;
  private readonly onPersistFailed: ((err: unknown) => void) | undefined;

  /** True the first time an id is seen (within the ttl); false for a repeat. */
  first(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.set(id, true);
    if (!this.persist) return true;
    try {
      return this.persist.first(id, this.clock.now().getTime(), this.ttlMs);
    } catch (err) {
      // A read-only or full archive: memory alone still drops repeats until a restart.
      this.onPersistFailed?.(err);
      return true;
    }
  }
}

/** The id that identifies one delivery of a Slack request, if it has one. */
export function deliveryId(body: Record<string, unknown>): string | null {
  if (typeof body.event_id === "string") return `event:${body.event_id}`;
  if (typeof body.trigger_id === "string") return `trigger:${body.trigger_id}`;
  return null;
}
