/**
 * Slack events → bot.respond: the `/papers` slash command, @-mentions, messages in discussion
 * threads and button presses. Every handler acks first (Slack wants an ack within 3 s; Bolt answers
 * 404 after that), then does the work and answers through Delivery.
 */
import type { AllMiddlewareArgs, App, BlockAction, webApi } from "@slack/bolt";
import type { Bot } from "../../src/bot/bot.js";
import type { Context } from "../../src/bot/context.js";
import type { Clock } from "../../src/clock.js";
import type { Logger } from "../../src/logger.js";
import { SLASH_COMMAND } from "./app.js";
import { ACTION_PREFIX } from "./blocks.js";
import { deliveryId, type SeenIds } from "./dedupe.js";
import { Delivery, type DeliveryHooks, type Outlet } from "./deliver.js";
import { ACTION_IDS } from "./render.js";

export interface HandlerDeps extends DeliveryHooks {
  bot: Bot;
  clock: Clock;
  logger: Logger;
  seen: SeenIds;
  /** Told about requests dropped as repeats (tests and metrics listen). */
  onDuplicate(id: string, retryNum: number | undefined): void;
  /** Told when a request's replies have all been delivered. */
  onHandled(kind: "command" | "mention" | "thread" | "action"): void;
  /** Sees every Web API client used for answers (serve counts their 429s). */
  watchClient?(client: webApi.WebClient): void;
}

/** Removes the leading @-mention(s) of the bot from a mention's text. */
export function stripMention(text: string, botUserId?: string): string {
  const own = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g") : /^\s*<@[A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(own, " ").replace(/\s+/g, " ").trim();
}

export function registerHandlers(app: App, deps: HandlerDeps): void {
  const { bot, clock, logger, seen } = deps;

  const run = async (
    kind: Parameters<HandlerDeps["onHandled"]>[0],
    input: string,
    ctx: Context,
    target: Outlet,
  ) => {
    deps.watchClient?.(target.client);
    const delivery = new Delivery({ ...target }, ctx, deps);
    try {
      await bot.respond(input, ctx, delivery.send);
    } catch (err) {
      // bot.respond does not throw for user input; anything here is a bug, logged, never a crash.
      logger.error({ err, channel: ctx.channel }, "slack handler failed");
    } finally {
      deps.onHandled(kind);
    }
  };

  // Drop repeats before any listener runs: Events API retries and replayed signed requests.
  app.use(async (args) => {
    const { body, next, context } = args as AllMiddlewareArgs & {
      body: Record<string, unknown>;
      ack?: () => Promise<void>;
    };
    const id = deliveryId(body);
    if (id && !seen.first(id)) {
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      logger.info(
        { id, retryNum: context.retryNum, retryReason: context.retryReason },
        "dropped a repeated Slack request",
      );
      deps.onDuplicate(id, context.retryNum);
      return;
    }
    await next();
  });

  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const ctx: Context = {
      platform: "slack",
      workspace: command.team_id,
      channel: command.channel_id,
      user: command.user_id,
      ...(command.user_name ? { userName: command.user_name } : {}),
      at: clock.now(),
      addressed: true,
    };
    await run("command", command.text.trim() || "help", ctx, {
      client,
      channel: command.channel_id,
      user: command.user_id,
      respond,
    });
  });

  app.event("app_mention", async ({ event, client, context }) => {
    if (!event.user) return;
    const ctx: Context = {
      platform: "slack",
      workspace: context.teamId ?? event.team ?? "",
      channel: event.channel,
      user: event.user,
      at: clock.now(),
      addressed: true,
      ...(event.thread_ts ? { thread: event.thread_ts } : {}),
    };
    await run("mention", stripMention(event.text, context.botUserId) || "help", ctx, {
      client,
      channel: event.channel,
      thread: event.thread_ts,
      user: event.user,
    });
  });

  app.message(async ({ message, client, context }) => {
    // Only people's plain messages inside a thread; edits, joins and bots (ourselves too) are not questions.
    if (message.subtype !== undefined || !message.thread_ts || message.bot_id || !message.user) return;
    const text = message.text ?? "";
    // A message that @-mentions paperboy also arrives as app_mention, which answers it.
    if (context.botUserId && text.includes(`<@${context.botUserId}`)) return;
    const ctx: Context = {
      platform: "slack",
      workspace: context.teamId ?? message.team ?? "",
      channel: message.channel,
      thread: message.thread_ts,
      user: message.user,
      at: clock.now(),
      addressed: true,
    };
    if (!bot.isDiscussion(ctx)) return;
    await run("thread", text, ctx, {
      client,
      channel: message.channel,
      thread: message.thread_ts,
      user: message.user,
    });
  });

  app.action<BlockAction>(
    new RegExp(`^${ACTION_PREFIX}`),
    async ({ action, body, ack, respond, client, context }) => {
      await ack();
      const command =
        action.type === "button"
          ? action.value
          : action.type === "overflow" || action.type === "static_select"
            ? action.selected_option?.value
            : undefined;
      // Link buttons also report their click; they carry no command.
      if (!command || !body.channel?.id) return;
      const thread = body.message?.thread_ts as string | undefined;
      const ctx: Context = {
        platform: "slack",
        workspace: body.team?.id ?? context.teamId ?? "",
        channel: body.channel.id,
        user: body.user.id,
        ...(body.user.name || body.user.username ? { userName: body.user.name ?? body.user.username } : {}),
        at: clock.now(),
        addressed: true,
        ...(thread ? { thread } : {}),
      };
      await run("action", command, ctx, {
        client,
        channel: body.channel.id,
        thread,
        user: body.user.id,
        respond,
        replaceOriginal: action.action_id === ACTION_IDS.more,
      });
    },
  );

  app.error(async (err) => {
    logger.warn({ reason: err.message, code: (err as { code?: string }).code }, "Slack request not handled");
  });
}
