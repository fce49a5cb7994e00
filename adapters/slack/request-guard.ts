/**
 * Checks every POST to /slack/events before Bolt's receiver sees it. Bolt refuses stale requests
 * but accepts any stamped in the future, and a correctly signed body that is JSON `null` (or a
 * form whose `payload` is `null`) made it read `null.ssl_check` and crash the process. Here a
 * request is read once (bounded), its timestamp must be within MAX_REQUEST_SKEW_MS of now either
 * way, and its body must be an object; only then does Bolt verify the signature and dispatch it,
 * reading the body this guard kept (`rawBody`).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import type { Clock } from "../../src/clock.js";
import type { Logger } from "../../src/logger.js";
import type { HttpRoute } from "../../src/ops/http-server.js";
import { MAX_REQUEST_BYTES, MAX_REQUEST_SKEW_MS } from "./limits.js";

export interface GuardOptions {
  /** Real time: Slack stamps requests with it (and Bolt compares with it too). */
  wallClock: Clock;
  logger: Logger;
  /** The path Slack posts to. */
  path: string;
  /** Other adapters' routes on this port (Discord's interactions), read per request. */
  extraRoutes?: () => readonly HttpRoute[];
}

export type GuardVerdict = { ok: true } | { ok: false; status: 400 | 401 | 413; reason: string };

/** What is wrong with a request's timestamp header, or null when it is fresh. */
export function staleness(header: string | string[] | undefined, nowMs: number): string | null {
  if (typeof header !== "string" || !/^\d{1,12}$/.test(header)) return "no valid x-slack-request-timestamp";
  const skewMs = Number(header) * 1000 - nowMs;
  if (Math.abs(skewMs) > MAX_REQUEST_SKEW_MS)
    return `timestamp ${skewMs > 0 ? "ahead of" : "behind"} the clock by ${Math.round(Math.abs(skewMs) / 1000)} s`;
  return null;
}

/** True when a body Bolt will parse is an object (the only shape Slack sends). */
export function bodyIsObject(raw: string, contentType: string | undefined): boolean {
  const isObject = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
  try {
    if (contentType?.startsWith("application/x-www-form-urlencoded")) {
      const payload = parseQuery(raw).payload;
      // Interactions carry their JSON in `payload`; slash commands are plain fields.
      return payload === undefined || (typeof payload === "string" && isObject(JSON.parse(payload)));
    }
    return isObject(JSON.parse(raw));
  } catch {
    // Not JSON: Bolt answers 400 itself without touching the body.
    return true;
  }
}

export function checkRequest(req: IncomingMessage, raw: string, nowMs: number): GuardVerdict {
  const contentType = req.headers["content-type"];
  // Slack's SSL check carries no signature; Bolt answers it without reading anything else.
  if (contentType?.startsWith("application/x-www-form-urlencoded") && parseQuery(raw).ssl_check === "1")
    return { ok: true };
  const stale = staleness(req.headers["x-slack-request-timestamp"], nowMs);
  if (stale) return { ok: false, status: 401, reason: stale };
  if (!bodyIsObject(raw, contentType)) return { ok: false, status: 400, reason: "the body is not an object" };
  return { ok: true };
}

function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status, { connection: "close" });
  res.end();
}

/** Wraps a receiver's request listener so the guard runs first on `path`. */
export function guardedListener(inner: RequestListener, o: GuardOptions): RequestListener {
  return (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    const other = o.extraRoutes?.().find((r) => r.path === path && r.method.includes(req.method ?? ""));
    if (other) {
      other.handler(req, res);
      return;
    }
    if (req.method !== "POST" || path !== o.path) {
      inner(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        refused = true;
        o.logger.warn({ limit: MAX_REQUEST_BYTES }, "Slack request refused: body too large");
        refuse(res, 413);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", () => {
      refused = true;
    });
    req.on("end", () => {
      if (refused) return;
      const rawBody = Buffer.concat(chunks);
      const verdict = checkRequest(req, rawBody.toString("utf8"), o.wallClock.now().getTime());
      if (!verdict.ok) {
        o.logger.warn({ status: verdict.status, reason: verdict.reason }, "Slack request refused");
        refuse(res, verdict.status);
        return;
      }
      // Bolt reads a request's body from `rawBody` when it is already there.
      (req as IncomingMessage & { rawBody: Buffer }).rawBody = rawBody;
      try {
        inner(req, res);
      } catch (err) {
        o.logger.error({ reason: (err as Error).message }, "Slack request failed in the receiver");
        if (!res.headersSent) refuse(res, 500);
      }
    });
  };
}
