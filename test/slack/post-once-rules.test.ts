/**
 * Which failed posts Slack may have stored (read back before posting again) and which are safely
 * retried by the client (a 429, a connection never opened); what is done when a post cannot be
 * looked for. The errors are shaped as @slack/web-api throws them.
 */
import { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { ClientsByToken } from "../../adapters/slack/clients-by-token.js";
import { TOKEN_CLIENTS_KEPT } from "../../adapters/slack/limits.js";
import {
  MAX_POST_ATTEMPTS,
  outcomeUnknown,
  POST_RETRY_POLICY,
  PostingClients,
  postOnce,
} from "../../adapters/slack/post-once.js";
import { ErrorCode } from "../../src/errors.js";
import { silentLogger } from "../../src/logger.js";

/** A WebAPIRequestError around fetch's failure with this network code (or a timeout). */
function requestError(code: string | "timeout"): Error {
  const original =
    code === "timeout"
      ? Object.assign(new Error("The operation was aborted due to timeout"), {
          name: "TimeoutError",
          code: 23,
        })
      : Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });
  return Object.assign(new Error(`A request error occurred: ${original.message}`), {
    code: "slack_webapi_request_error",
    original,
  });
}

const httpError = (statusCode: number) =>
  Object.assign(new Error(`An HTTP protocol error occurred: statusCode = ${statusCode}`), {
    code: "slack_webapi_http_error",
    statusCode,
  });
const platformError = Object.assign(new Error("An API error occurred: not_in_channel"), {
  code: "slack_webapi_platform_error",
  data: { ok: false, error: "not_in_channel" },
});

describe("a failed post: stored or not", () => {
  it("a timeout, a dropped connection and a 5xx may have been stored; a refused connection, DNS and ok:false were not", () => {
    expect(outcomeUnknown(requestError("timeout"))).toBe(true);
    expect(outcomeUnknown(requestError("UND_ERR_SOCKET"))).toBe(true);
    expect(outcomeUnknown(requestError("ECONNRESET"))).toBe(true);
    expect(outcomeUnknown(httpError(503))).toBe(true);
    expect(outcomeUnknown(requestError("ECONNREFUSED"))).toBe(false);
    expect(outcomeUnknown(requestError("ENOTFOUND"))).toBe(false);
    expect(outcomeUnknown(httpError(400))).toBe(false);
    expect(outcomeUnknown(platformError)).toBe(false);
  });

  it("the posting client retries a 429 and a connection never opened, and stops at anything Slack may have stored", () => {
    const retry = (err: Error) => {
      try {
        POST_RETRY_POLICY.onFailedAttempt(err);
        return true;
      } catch {
        return false;
      }
    };
    expect(retry(new Error("A rate limit was exceeded (url: chat.postMessage, retry-after: 1)"))).toBe(true);
    expect(retry(requestError("ECONNREFUSED"))).toBe(true);
    expect(retry(requestError("timeout"))).toBe(false);
    expect(retry(requestError("UND_ERR_SOCKET"))).toBe(false);
    expect(retry(httpError(502))).toBe(false);
  });
});

describe("postOnce", () => {
  const base = { what: { channel: "C1" }, logger: silentLogger() };

  it("posts an answer that cannot be looked for once more, then gives up saying so", async () => {
    let posts = 0;
    const failed = await postOnce({
      ...base,
      post: async () => {
        posts++;
        throw requestError("timeout");
      },
      find: null,
      unknown: "repost",
    }).catch((e: unknown) => e);
    expect(posts).toBe(2);
    expect(failed).toMatchObject({ code: ErrorCode.Platform, message: /may or may not have reached/ });
  });

  it("skips a channel part that cannot be looked for, and gives up on a file without posting it again", async () => {
    let posts = 0;
    const post = async () => {
      posts++;
      throw requestError("UND_ERR_SOCKET");
    };
    const unreadable = async () => {
      throw platformError;
    };
    expect(await postOnce({ ...base, post, find: unreadable, unknown: "skip" })).toBeNull();
    expect(posts).toBe(1);
    await expect(postOnce({ ...base, post, find: null, unknown: "give-up" })).rejects.toMatchObject({
      code: ErrorCode.Platform,
    });
    expect(posts).toBe(2);
  });

  it("posts again while the read-back finds nothing, at most MAX_POST_ATTEMPTS times; a certain failure is thrown at once", async () => {
    let posts = 0;
    await expect(
      postOnce({
        ...base,
        post: async () => {
          posts++;
          throw httpError(500);
        },
        find: async () => null,
        unknown: "repost",
      }),
    ).rejects.toMatchObject({ code: ErrorCode.Platform });
    expect(posts).toBe(MAX_POST_ATTEMPTS);
    posts = 0;
    await expect(
      postOnce({
        ...base,
        post: async () => {
          posts++;
          throw platformError;
        },
        find: async () => "found",
        unknown: "repost",
      }),
    ).rejects.toBe(platformError);
    expect(posts).toBe(1);
  });
});

describe("clients kept per token", () => {
  // No request is made: a client only keeps its token until it calls Slack.
  const options = { slackApiUrl: "http://127.0.0.1:9/api/" };
  const requestClient = (token: string) => new webApi.WebClient(token, options);

  it("one posting client per token, reused for every request with it; rotating tokens keep the set bounded", () => {
    const made: webApi.WebClient[] = [];
    const posters = new PostingClients(options, (c) => made.push(c));
    const first = posters.for(requestClient("xoxb-1"));
    expect(posters.for(requestClient("xoxb-1"))).toBe(first);
    expect(first.token).toBe("xoxb-1");
    expect(made).toEqual([first]);
    // A workspace whose OAuth token rotates many times: each new token one client, the set bounded.
    for (let i = 2; i <= TOKEN_CLIENTS_KEPT + 40; i++) posters.for(requestClient(`xoxb-${i}`));
    expect(made.length).toBe(TOKEN_CLIENTS_KEPT + 40);
    expect(posters.size).toBe(TOKEN_CLIENTS_KEPT);
    // The newest are kept; the least recently used (the first token) was dropped and is made again.
    posters.for(requestClient(`xoxb-${TOKEN_CLIENTS_KEPT + 40}`));
    expect(made.length).toBe(TOKEN_CLIENTS_KEPT + 40);
    expect(posters.for(requestClient("xoxb-1"))).not.toBe(first);
    expect(made.length).toBe(TOKEN_CLIENTS_KEPT + 41);
  });

  it("drops the least recently used token first, not the oldest made", () => {
    const tokens: string[] = [];
    const clients = new ClientsByToken((token) => {
      tokens.push(token);
      return requestClient(token);
    }, 2);
    const a = clients.get("a");
    clients.get("b");
    expect(clients.get("a")).toBe(a); // a used again: b is now the least recently used
    clients.get("c");
    expect(clients.size).toBe(2);
    expect(clients.get("a")).toBe(a);
    clients.get("b");
    expect(tokens).toEqual(["a", "b", "c", "b"]);
  });
});
