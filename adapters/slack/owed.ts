/**
 * Answers owed to acked Slack requests: slash commands and buttons (answered through their
 * response_url), @-mentions and messages in discussion threads (answered with chat.postMessage).
 * Slack never resends a request once acked, so the request is recorded in the archive before the
 * ack (an event: just before Bolt acks it, owe-before-ack.ts); if the replica that acked it dies
 * before answering, another replica's sweep re-runs it after the lease and answers it the same
 * way. What is kept is only what re-running needs.
 */
import type { RespondArguments, RespondFn } from "@slack/bolt";
import { z } from "zod";
import type { Context } from "../../src/bot/context.js";
import { API_TIMEOUT_MS } from "./app.js";

/** The request as recorded: the command, who and where, and the URL that takes its answer. */
export const OwedRequest = z.object({
  kind: z.enum(["command", "action", "mention", "thread"]),
  input: z.string(),
  /** Commands and buttons; events are answered through the Web API. */
  responseUrl: z.url().optional(),
  workspace: z.string(),
  channel: z.string(),
  user: z.string(),
  userName: z.string().optional(),
  thread: z.string().optional(),
  /** When it was asked (ISO): a re-run answers as of then. */
  at: z.string(),
  replaceOriginal: z.boolean().optional(),
});
export type OwedRequest = z.infer<typeof OwedRequest>;

export function owedRequest(
  kind: OwedRequest["kind"],
  input: string,
  ctx: Context,
  responseUrl?: string,
  replaceOriginal?: boolean,
): OwedRequest {
  return {
    kind,
    input,
    ...(responseUrl ? { responseUrl } : {}),
    workspace: ctx.workspace,
    channel: ctx.channel,
    user: ctx.user,
    ...(ctx.userName ? { userName: ctx.userName } : {}),
    ...(ctx.thread ? { thread: ctx.thread } : {}),
    at: ctx.at.toISOString(),
    ...(replaceOriginal ? { replaceOriginal } : {}),
  };
}

export function contextOf(req: OwedRequest): Context {
  return {
    platform: "slack",
    workspace: req.workspace,
    channel: req.channel,
    user: req.user,
    ...(req.userName ? { userName: req.userName } : {}),
    ...(req.thread ? { thread: req.thread } : {}),
    at: new Date(req.at),
    addressed: true,
    retaken: true,
  };
}

/**
 * A `respond` that posts to a recorded response_url, as Bolt's does (JSON body): the replica
 * re-running a request has no Bolt request to take it from.
 */
export function respondTo(url: string): RespondFn {
  return async (message: string | RespondArguments) => {
    const body = typeof message === "string" ? { text: message } : message;
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(API_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`the response_url answered HTTP ${res.status}`);
    return res;
  };
}
