/**
 * Posting to Slack without posting twice. @slack/web-api retries a call whose request failed (a
 * timeout, a dropped connection, a 5xx); for chat.postMessage, chat.postEphemeral and a file
 * upload's completion that repeats a message Slack may already have stored. So posts go through a
 * client that retries only what Slack is known not to have processed (a 429 after its Retry-After,
 * a connection never opened), and a post whose outcome is unknown is looked for in the channel
 * (its mark, read back) before it is posted again.
 */
import { webApi } from "@slack/bolt";
import { NEVER_SENT_CODES, type PostFailures, type PostOnce, postOnceOn } from "../post-once.js";
import { RETRY_POLICY } from "./app.js";
import { ClientsByToken } from "./clients-by-token.js";
import { describeFailure } from "./slack-errors.js";

export { MAX_POST_ATTEMPTS, type PostOnce } from "../post-once.js";

/** The error @slack/web-api throws to retry after a 429's Retry-After (a plain Error, no code). */
const RATE_LIMIT_RETRY = /^A rate limit was exceeded/;

/** Whether a failed Web API request certainly did not reach Slack (safe to send again). */
function neverSent(err: unknown): boolean {
  const e = err as { code?: unknown; original?: { code?: unknown; cause?: { code?: unknown } } } | null;
  if (e?.code !== "slack_webapi_request_error") return false;
  const code = e.original?.cause?.code ?? e.original?.code;
  return typeof code === "string" && NEVER_SENT_CODES.has(code);
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

/** Slack's failures, for the shared post-once rule. */
const SLACK: PostFailures = {
  platform: "Slack",
  outcomeUnknown,
  describe: describeFailure,
  readNeeds: "the app needs channels:history and groups:history, and to be in the channel",
};

/**
 * Posts once (adapters/post-once.ts): a certain failure is thrown as it is; after an unknown
 * outcome the post is looked for in Slack and, found, returned as posted; not found, posted again;
 * unknowable, per `unknown` (null when skipped).
 */
export function postOnce<T>(o: PostOnce<T>): Promise<T | null> {
  return postOnceOn(SLACK, o);
}
