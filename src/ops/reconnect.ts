/**
 * Trying again to reach a chat platform that could not be reached: a connection check repeated
 * with exponential backoff (1 s, 2 s, 4 s… up to 5 minutes) until it succeeds, or until the
 * platform answers that it will never work (a rejected token), or the adapter stops. Its timers
 * never hold a stopping process open.
 */

export interface ReconnectPolicy {
  /** The wait before the first retry; doubled after each failure. */
  baseMs: number;
  /** The longest wait between two tries. */
  maxMs: number;
}

export const DEFAULT_RECONNECT: ReconnectPolicy = { baseMs: 1_000, maxMs: 5 * 60_000 };

/** What one try found: connected, worth another try later, or not worth trying again. */
export type TryOutcome = "connected" | "retry" | "give-up";

/** The wait before retry number `retry` (0-based). */
export function reconnectDelay(retry: number, policy: ReconnectPolicy): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(retry, 30));
}

export class Reconnector {
  private timer: NodeJS.Timeout | null = null;
  private retries = 0;
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly attempt: () => Promise<TryOutcome>,
    private readonly policy: ReconnectPolicy = DEFAULT_RECONNECT,
  ) {}

  /** True while a retry is scheduled or running. */
  get active(): boolean {
    return this.timer !== null || this.running !== null;
  }

  /**
   * Schedules the next try (unless one is already pending) and returns its delay in ms; the
   * caller names it in its status ("retrying in 4 s").
   */
  schedule(): number {
    const ms = reconnectDelay(this.retries, this.policy);
    if (this.stopped || this.active) return ms;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.retries += 1;
      this.running = this.attempt()
        .catch((): TryOutcome => "retry")
        .then((outcome) => {
          this.running = null;
          if (outcome === "connected") this.retries = 0;
          if (outcome === "retry") this.schedule();
        });
    }, ms);
    this.timer.unref();
    return ms;
  }

  /** The wait before the next try, were one scheduled now. */
  nextDelayMs(): number {
    return reconnectDelay(this.retries, this.policy);
  }

  /** Forgets past failures (the platform answered by another path). */
  reset(): void {
    this.retries = 0;
  }

  /** No more tries; waits for one in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}

/** "4 s", "2 min": how long until the next try, for a status line. */
export function inWords(ms: number): string {
  return ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`;
}
