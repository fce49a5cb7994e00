/**
 * Which Slack events paperboy answers, decided from the event alone: an @-mention from a person,
 * and a person's plain message in a discussion thread. One decision, made twice with the same
 * rule: before Bolt acks the event (to owe its answer, owe-before-ack.ts) and in the listener
 * (with the bot's identity as Bolt authorized it), so that what was owed is what is answered.
 */
import type { Context } from "../../src/bot/context.js";

/** An event paperboy answers: what to run, and where and for whom. */
export interface AskedEvent {
  kind: "mention" | "thread";
  input: string;
  ctx: Context;
}

export interface AskedEventOptions {
  /** The bot's own user id: its own messages are never questions, its mention is stripped. */
  botUserId?: string | undefined;
  /** The workspace as authorized (the listener's context); default the body's team_id. */
  workspace?: string | undefined;
  /** True for a thread bound to a paper (Bot.isDiscussion). */
  isDiscussion(ctx: Context): boolean;
  now: Date;
}

/** Removes the leading @-mention(s) of the bot from a mention's text. */
export function stripMention(text: string, botUserId?: string): string {
  const own = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g") : /^\s*<@[A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(own, " ").replace(/\s+/g, " ").trim();
}

/**
 * The bot user the event was delivered to, as Slack names it in the body: the bot installation
 * among `authorizations` (paperboy asks for bot scopes only, so that is the one Slack lists).
 */
export function botUserOf(body: Record<string, unknown>): string | undefined {
  const auths = body.authorizations;
  if (!Array.isArray(auths)) return undefined;
  const bot = auths.find(
    (a): a is { user_id: string } =>
      typeof a === "object" && a !== null && a.is_bot === true && typeof a.user_id === "string",
  );
  return bot?.user_id;
}

interface SlackEvent {
  type?: unknown;
  subtype?: unknown;
  user?: unknown;
  bot_id?: unknown;
  text?: unknown;
  channel?: unknown;
  team?: unknown;
  thread_ts?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** The question an Events API body asks paperboy, or null when it asks none. */
export function askedEvent(body: Record<string, unknown>, o: AskedEventOptions): AskedEvent | null {
  if (body.type !== "event_callback" || typeof body.event !== "object" || body.event === null) return null;
  const event = body.event as SlackEvent;
  const user = str(event.user);
  const channel = str(event.channel);
  // Bolt drops the bot's own events (ignoreSelf) before any listener: never owed either.
  if (!user || !channel || user === o.botUserId) return null;
  const workspace = o.workspace ?? str(body.team_id) ?? str(event.team) ?? "";
  const thread = str(event.thread_ts);
  const text = typeof event.text === "string" ? event.text : "";
  const base = { platform: "slack" as const, workspace, channel, user, at: o.now, addressed: true };
  if (event.type === "app_mention") {
    const ctx: Context = { ...base, ...(thread ? { thread } : {}) };
    return { kind: "mention", input: stripMention(text, o.botUserId) || "help", ctx };
  }
  if (event.type !== "message") return null;
  // Only people's plain messages inside a thread; edits, joins and bots (ourselves too) are not questions.
  if (event.subtype !== undefined || !thread || event.bot_id) return null;
  // A message that @-mentions paperboy also arrives as app_mention, which answers it.
  if (o.botUserId && text.includes(`<@${o.botUserId}`)) return null;
  const ctx: Context = { ...base, thread };
  if (!o.isDiscussion(ctx)) return null;
  return { kind: "thread", input: text, ctx };
}
