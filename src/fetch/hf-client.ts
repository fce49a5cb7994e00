/**
 * A client for Hugging Face's `daily_papers` API (`GET <base>daily_papers?date=YYYY-MM-DD`).
 * Every try has a timeout; 5xx, 429, network errors, timeouts and cut-off JSON are retried with
 * backoff and jitter (429 waits what Retry-After says); other 4xx fail at once. An empty day is
 * not an error and not an empty roundup: it is NotPublishedYetError, for the caller to retry later.
 */
import type { Clock } from "../clock.js";
import { ErrorCode, FetchError } from "../errors.js";
import type { Logger } from "../logger.js";
import {
  type BackoffOptions,
  backoffDelay,
  type Random,
  realSleep,
  retryAfterMs,
  type Sleep,
} from "./backoff.js";
import { NotPublishedYetError } from "./errors.js";

export interface HfClientOptions {
  /** Base of the API, ending in "/" (HF_API_URL; tests point it at loopback). */
  baseUrl: string;
  timeoutMs: number;
  /** Retries after the first try. */
  retries: number;
  backoff: BackoffOptions;
  clock: Clock;
  logger: Logger;
  sleep?: Sleep;
  random?: Random;
  fetch?: typeof fetch;
  /** A Retry-After longer than this is cut to it, so one answer cannot stall a run for hours. */
  maxRetryAfterMs?: number;
  /**
   * Told of each retry before its wait, for a caller that shows progress to a person (`fetch` on
   * a terminal); the retry is then theirs to report, and is not logged. Default: a warn log line.
   */
  onRetry?: (retry: RetryNotice) => void;
}

/** A retry about to happen: why the last try failed, and how long until the next. */
export interface RetryNotice {
  date: string;
  /** The API's address, without the query. */
  url: string;
  /** The try about to be made (2 for the first retry) and how many there may be in all. */
  attempt: number;
  tries: number;
  waitMs: number;
  reason: string;
}

export interface DayAnswer {
  date: string;
  /** The API's JSON as received (a non-empty array). */
  text: string;
  entries: number;
}

/** Why a try failed and whether another may help. */
interface TryFailure {
  retryable: boolean;
  reason: string;
  waitMs?: number;
}

const USER_AGENT = "paperboy/0.1 (+https://github.com/paperboy)";

export class HfClient {
  private readonly sleep: Sleep;
  private readonly random: Random;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HfClientOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.fetchImpl = options.fetch ?? fetch;
  }

  dayUrl(date: string): URL {
    const url = new URL("daily_papers", this.options.baseUrl);
    url.searchParams.set("date", date);
    return url;
  }

  /** The day's entries; NotPublishedYetError when the day has none yet, FetchError when it fails. */
  async day(date: string, signal?: AbortSignal): Promise<DayAnswer> {
    const url = this.dayUrl(date);
    const shown = `${url.origin}${url.pathname}`;
    let last: TryFailure = { retryable: true, reason: "no try made" };
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      if (attempt > 0) {
        const wait = last.waitMs ?? backoffDelay(attempt - 1, this.options.backoff, this.random);
        if (this.options.onRetry) {
          this.options.onRetry({
            date,
            url: shown,
            attempt: attempt + 1,
            tries: this.options.retries + 1,
            waitMs: wait,
            reason: last.reason,
          });
        } else {
          this.options.logger.warn(
            { url: shown, date, attempt, waitMs: wait, reason: last.reason },
            "fetch retry",
          );
        }
        await this.sleep(wait, signal);
      }
      const outcome = await this.tryOnce(url, date, signal);
      if ("text" in outcome) return outcome;
      last = outcome;
      if (!last.retryable) break;
    }
    throw new FetchError(
      ErrorCode.Fetch,
      `cannot fetch the digest of ${date} from ${shown}: ${last.reason}${
        last.retryable ? ` (after ${this.options.retries + 1} tries)` : ""
      }; check HF_API_URL and the network, then run \`paperboy fetch --date ${date}\` again`,
    );
  }

  private async tryOnce(url: URL, date: string, outer?: AbortSignal): Promise<DayAnswer | TryFailure> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const res = await this.fetchImpl(url, {
        signal,
        headers: { accept: "application/json", "user-agent": USER_AGENT },
      });
      status = res.status;
      retryAfter = res.headers.get("retry-after");
      // The body is read under the same timeout: a server that stalls mid-answer is a timeout too.
      text = await res.text();
    } catch (err) {
      if (outer?.aborted) throw outer.reason;
      const name = (err as Error).name;
      return {
        retryable: true,
        reason:
          name === "TimeoutError" || timeout.aborted
            ? `no answer within ${this.options.timeoutMs} ms`
            : `network error (${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message})`,
      };
    }
    if (status === 429) {
      const asked = retryAfterMs(retryAfter, this.options.clock.now());
      const cap = this.options.maxRetryAfterMs ?? 10 * 60_000;
      return {
        retryable: true,
        reason: "rate limited (HTTP 429)",
        ...(asked !== null ? { waitMs: Math.min(asked, cap) } : {}),
      };
    }
    if (status >= 500) return { retryable: true, reason: `server error (HTTP ${status})` };
    if (status === 404) throw new NotPublishedYetError(date, url.origin);
    if (status < 200 || status >= 300) {
      return {
        retryable: false,
        reason: `the API refused the request (HTTP ${status}: ${text.slice(0, 80)})`,
      };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      // A 200 with cut-off JSON is a transfer that broke; another try usually gets it whole.
      return { retryable: true, reason: `the answer is not valid JSON (${text.length} bytes)` };
    }
    if (!Array.isArray(data)) {
      return { retryable: false, reason: "the answer is not a list of papers (is HF_API_URL the API base?)" };
    }
    if (data.length === 0) throw new NotPublishedYetError(date, url.origin);
    return { date, text, entries: data.length };
  }
}
