/** Builds Slack requests the way Slack signs them (v0 HMAC-SHA256 of "v0:timestamp:body"). */
import { createHmac } from "node:crypto";
import { request } from "node:http";

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SendOptions {
  /** The signing secret; "" sends no signature headers at all. */
  secret: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Overrides the computed signature (a forgery). */
  signature?: string;
  headers?: Record<string, string>;
}

export interface SlackRequest {
  body: string;
  contentType: string;
}

/**
 * POSTs a request with Slack's signature headers. A fresh connection each time (agent: false), so
 * a request the server refuses early (413) cannot poison a kept-alive socket for the next one.
 */
export function sendToSlackApp(
  url: string,
  request_: SlackRequest,
  options: SendOptions,
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": request_.contentType,
    "content-length": String(Buffer.byteLength(request_.body)),
    ...(options.secret
      ? {
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": options.signature ?? signature(options.secret, timestamp, request_.body),
        }
      : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    // The server may answer (413) and close before reading all of a huge body: that is not a failure here.
    req.on("error", (err: NodeJS.ErrnoException) =>
      err.code === "EPIPE" || err.code === "ECONNRESET" ? undefined : reject(err),
    );
    req.end(request_.body);
  });
}

let counter = 0;
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

/** A `/papers` slash command as Slack posts it (form encoded). */
export function slashCommand(
  text: string,
  o: {
    responseUrl: string;
    channel?: string;
    user?: string;
    userName?: string;
    team?: string;
    triggerId?: string;
  },
): SlackRequest & { triggerId: string } {
  const triggerId = o.triggerId ?? nextId("trig");
  const form = new URLSearchParams({
    token: "legacy-verification-token",
    team_id: o.team ?? "T1",
    team_domain: "test",
    channel_id: o.channel ?? "C1",
    channel_name: "papers",
    user_id: o.user ?? "U1",
    user_name: o.userName ?? "ada",
    command: "/papers",
    text,
    api_app_id: "A1",
    is_enterprise_install: "false",
    response_url: o.responseUrl,
    trigger_id: triggerId,
  });
  return { body: form.toString(), contentType: "application/x-www-form-urlencoded", triggerId };
}

/** An Events API callback (JSON). */
export function eventCallback(
  event: Record<string, unknown>,
  o: { team?: string; eventId?: string } = {},
): SlackRequest & { eventId: string } {
  const eventId = o.eventId ?? nextId("Ev");
  const body = JSON.stringify({
    token: "legacy-verification-token",
    team_id: o.team ?? "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: o.team ?? "T1", user_id: "UBOT", is_bot: true, is_enterprise_install: false },
    ],
    event,
  });
  return { body, contentType: "application/json", eventId };
}

/** A block_actions interaction (form field `payload` holding JSON). */
export function blockAction(
  action: Record<string, unknown>,
  o: {
    responseUrl: string;
    channel?: string;
    user?: string;
    userName?: string;
    team?: string;
    messageTs?: string;
    threadTs?: string;
    triggerId?: string;
  },
): SlackRequest {
  const payload = {
    type: "block_actions",
    team: { id: o.team ?? "T1", domain: "test" },
    user: { id: o.user ?? "U1", username: o.userName ?? "ada", team_id: o.team ?? "T1" },
    api_app_id: "A1",
    token: "legacy-verification-token",
    container: {
      type: "message",
      message_ts: o.messageTs ?? "1700000000.000001",
      channel_id: o.channel ?? "C1",
    },
    trigger_id: o.triggerId ?? nextId("trig"),
    channel: { id: o.channel ?? "C1", name: "papers" },
    message: {
      type: "message",
      ts: o.messageTs ?? "1700000000.000001",
      text: "",
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    },
    response_url: o.responseUrl,
    actions: [{ action_ts: String(Date.now() / 1000), block_id: "b1", ...action }],
  };
  return {
    body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
    contentType: "application/x-www-form-urlencoded",
  };
}
