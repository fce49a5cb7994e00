/**
 * Posting to Slack without posting twice. @slack/web-api retries a call whose request failed (a
 * timeout, a dropped connection, a 5xx); for chat.postMessage, chat.postEphemeral and a file
 * upload's completion that repeats a message Slack may already have stored. So posts go through a
 * client that retries only what Slack is known not to have processed (a 429 after its Retry-After,
 * a connection never opened), and a post whose outcome is unknown is looked for in the channel
 * (its mark, read back) before it is posted again.
 */
import { webApi } from "@slack/bolt";
import { ErrorCode, PaperboyError } from "../../src/errors.js";
import type { Logger } from "../../src/logger.js";
import { RETRY_POLICY } from "./app.js";
import { ClientsByToken } from "./clients-by-token.js";
import { describeFailure } from "./slack-errors.js";

/** Network failures raised before the request left this machine: Slack cannot have seen it. */
const NEVER_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** The error @slack/web-api throws to retry after a 429's Retry-After (a plain Error, no code). */
const RATE_LIMIT_RETRY = /^A rate limit was exceeded/;

/** Whether a failed Web API request certainly did not reach Slack (safe to send again). */
function neverSent(err: unknown): boolean {
  const e = err as { code?: unknown; original?: { code?: unknown; cause?: { code?: unknown } } } | null;
  if (e?.code !== "slack_webapi_request_error") return false;
  const code = e.original?.cause?.code ?? e.original?.code;
  return typeof code === "string" && NEVER_SENT.has(code);
}

/**
 * A failure after which Slack may have stored the post: the request went out and no answer came
 * back (a timeout, a connection dropped mid-call), or Slack answered 5xx. A 429 or an `ok:false`
 * answer is certain: nothing was stored.
 */
export function outcomeUnknown(err: unknown): boolean {
  const e = err as { code?: unknown; statusCode?: unknown } | null;
  if (e?.code === "slack_webapi_request_error") return !neverSent(err);
  return e?.code === "slack_webapi_http_error" && typeof e.statusCode === "number" && e.statusCode >= 500;
}

/**
 * The posting clients' retries: the same backoff as other calls, but a failure whose outcome is
 * unknown ends the call (p-retry stops when onFailedAttempt throws); the caller reads back.
 */
export const POST_RETRY_POLICY = {
  ...RETRY_POLICY,
  onFailedAttempt(err: Error): void {
    if (RATE_LIMIT_RETRY.test(err.message) || neverSent(err)) return;
    throw err;
  },
};

/** The options of a client that posts: the app's, with POST_RETRY_POLICY. */
export function postingOptions(options: webApi.WebClientOptions): webApi.WebClientOptions {
  return { ...options, retryConfig: POST_RETRY_POLICY };
}

/**
 * The posting client for each token (one per token, like the app's, a bounded set:
 * clients-by-token.ts), made from the client a request came with; `onCreate` sees each new one
 * (serve counts their 429s).
 */
export class PostingClients {
  private readonly byToken: ClientsByToken;

  constructor(
    options: webApi.WebClientOptions,
    onCreate: (client: webApi.WebClient) => void = () => {},
    max?: number,
  ) {
    this.byToken = new ClientsByToken((token) => {
      const poster = new webApi.WebClient(token || undefined, postingOptions(options));
      onCreate(poster);
      return poster;
    }, max);
  }

  for(client: webApi.WebClient): webApi.WebClient {
    return this.byToken.get(client.token ?? "");
  }

  /** How many posting clients are kept. */
  get size(): number {
    return this.byToken.size;
  }
}

/** Posts of one message at most: the first, and re-posts after Slack was read back without it. */
export const MAX_POST_ATTEMPTS = 3;

export interface PostOnce<T> {
  /** What is posted, for the log (channel, part…). */
  what: Record<string, unknown>;
  post(): Promise<T>;
  /**
   * Looks for the post in Slack by its mark: what was found, or null when it is not there; throws
   * when Slack cannot be read (no history scope, not in the channel). Null: it carries no mark.
   */
  find: (() => Promise<T | null>) | null;
  /**
   * When it cannot be told whether Slack has it: "repost" once (an answer someone waits for: a
   * second copy is the lesser evil), "skip" it as posted (a roundup part: one part possibly
   * missing, and logged, beats the whole roundup again) or "give-up" and throw (a file, a thread
   * card: the asker is told to look).
   */
  unknown: "repost" | "skip" | "give-up";
  logger: Logger;
}

/**
 * Posts once: a certain failure is thrown as it is; after an unknown outcome the post is looked
 * for and, found, returned as posted; not found, posted again; unknowable, per `unknown` (null
 * when skipped).
 */
export async function postOnce<T>(o: PostOnce<T>): Promise<T | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await o.post();
    } catch (err) {
      if (!outcomeUnknown(err)) throw err;
      const reason = describeFailure(err);
      let found: T | null | undefined;
      try {
        found = o.find ? await o.find() : undefined;
      } catch (readErr) {
        o.logger.warn(
          { ...o.what, reason: describeFailure(readErr) },
          "could not read Slack back to see whether a post got through (the app needs channels:history and groups:history, and to be in the channel)",
        );
      }
      if (found) {
        o.logger.info({ ...o.what, reason }, "Slack did not answer a post but has it; not posting it again");
        return found;
      }
      if (found === null && attempt < MAX_POST_ATTEMPTS) {
        o.logger.info(
          { ...o.what, reason, attempt },
          "Slack did not answer a post and does not have it; posting it again",
        );
        continue;
      }
      if (found === undefined && o.unknown === "repost" && attempt === 1) {
        o.logger.warn(
          { ...o.what, reason },
          "Slack did not answer a post and it cannot be read back; posting it once more (it may appear twice)",
        );
        continue;
      }
      if (found === undefined && o.unknown === "skip") {
        o.logger.warn(
          { ...o.what, reason },
          "Slack did not answer a post and it cannot be read back; not posting it again (it may be missing)",
        );
        return null;
      }
      o.logger.warn({ ...o.what, reason, attempt }, "Slack did not answer a post; not posting it again");
      throw new PaperboyError(
        ErrorCode.Platform,
        `Slack did not confirm a post (${reason}); it may or may not have reached the channel, so it was not sent again. Check the channel before asking again.`,
        { key: typeof o.what.channel === "string" ? `slack.${o.what.channel}` : "slack" },
        { cause: err },
      );
    }
  }
}
