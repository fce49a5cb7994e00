/**
 * Getting a day's digest into the archive before its roundups are due. A day that is not published
 * yet is tried again every `retryMs` (the same day only: the caller stops asking when the day is
 * over); concurrent callers share one fetch in flight.
 */
import { EventEmitter } from "node:events";
import type { Clock } from "../clock.js";
import { isNotPublishedYet } from "../fetch/errors.js";
import { fetchAndIngest } from "../fetch/fetch-day.js";
import type { DigestSource } from "../fetch/source.js";
import type { Logger } from "../logger.js";
import type { Paperboy } from "../paperboy.js";

export type DayState = "ready" | "waiting" | "unpublished" | "failed";

export class DayFetcher extends EventEmitter {
  private readonly lastTry = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<DayState>>();

  constructor(
    private readonly engine: Paperboy,
    private readonly source: DigestSource | null,
    private readonly options: { retryMs: number; clock: Clock; logger: Logger },
  ) {
    super();
  }

  has(date: string): boolean {
    return this.engine.papers.dayPks(date).length > 0;
  }

  /** Forget when each day was last tried (a watched folder changed: look again now). */
  reset(): void {
    this.lastTry.clear();
  }

  /** Makes sure `date` is in the archive, fetching it when due; says where it stands. */
  ensure(date: string): Promise<DayState> {
    if (this.has(date)) return Promise.resolve("ready");
    const running = this.inFlight.get(date);
    if (running) return running;
    const now = this.options.clock.now().getTime();
    const last = this.lastTry.get(date);
    if (!this.source || (last !== undefined && now - last < this.options.retryMs)) {
      return Promise.resolve("waiting");
    }
    this.lastTry.set(date, now);
    const run = this.fetch(date).finally(() => this.inFlight.delete(date));
    this.inFlight.set(date, run);
    return run;
  }

  private async fetch(date: string): Promise<DayState> {
    const { logger } = this.options;
    const source = this.source as DigestSource;
    try {
      const report = await fetchAndIngest(this.engine, source, date);
      const file = report.files[0];
      if (!file || file.error) {
        logger.error(
          { date, source: source.description, error: file?.error },
          "fetched digest could not be ingested",
        );
        this.emit("fetch-failed", { date, error: file?.error?.message ?? "nothing to ingest" });
        return "failed";
      }
      logger.info({ date, papers: file.papers, added: file.added }, "digest fetched");
      // A refit of the search's semantic space (due when the archive has doubled) happens here,
      // with the fetch, rather than inside some user's search later on.
      this.engine.searchService.warmUp();
      this.emit("fetched", { date, papers: file.papers });
      return this.has(date) ? "ready" : "failed";
    } catch (err) {
      if (isNotPublishedYet(err)) {
        logger.info(
          { date, source: source.description, retryInMs: this.options.retryMs },
          "digest not published yet",
        );
        this.emit("not-published", { date });
        return "unpublished";
      }
      const message = err instanceof Error ? err.message : String(err);
      logger.error({ date, source: source.description, err: message }, "digest fetch failed");
      this.emit("fetch-failed", { date, error: message });
      return "failed";
    }
  }
}
