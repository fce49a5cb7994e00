/**
 * Slack events → bot.respond: the `/papers` slash command, @-mentions, messages in discussion
 * threads and button presses. Every request is owed (when it may be answered) and acked first
 * (Slack wants an ack within 3 s; Bolt answers 404 after that), then the work is done and answered
 * through Delivery. Events are acked by Bolt itself, so they are owed just before (owe-before-ack.ts).
 */
import type { AllMiddlewareArgs, App, BlockAction, RespondFn, webApi } from "@slack/bolt";
import type { Bot } from "../../src/bot/bot.js";
import type { Context } from "../../src/bot/context.js";
import type { Clock } from "../../src/clock.js";
import type { Logger } from "../../src/logger.js";
import type { OwedAnswers } from "../platform.js";
import { OwedParts } from "./answer-marks.js";
import { SLASH_COMMAND } from "./app.js";
import { ACTION_PREFIX } from "./blocks.js";
import { deliveryId, type SeenIds } from "./dedupe.js";
import { Delivery, type DeliveryHooks, type Outlet } from "./deliver.js";
import { DEFAULT_OWED_LEASE_MS, RESPONSE_URL_LIFE_MS } from "./limits.js";
import { oweBeforeAck } from "./owe-before-ack.js";
import { contextOf, OwedRequest, owedRequest, respondTo } from "./owed.js";
import { askedEvent, botUserOf } from "./owed-events.js";
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
  /**
   * The archive's owed answers and this replica's claimant name: a request (a command or button
   * with a response_url, a mention, a discussion-thread message) is owed before it is acked and
   * settled once answered, so another replica answers it if this one dies in between; each message
   * of the answer is numbered and marked, so a take-over posts only what did not go out. Absent:
   * requests are deduplicated in memory and the archive's seen ids, and not recovered.
   */
  owed?: { store: OwedAnswers; by: string; leaseMs?: number };
  /** The Web API client for a workspace (an owed answer re-run without a Bolt request). */
  clientFor?(workspace: string): Promise<webApi.WebClient>;
}

/** What registerHandlers gives back: the owed-answers sweep, run on the adapter's timer. */
export interface Handlers {
  /** Prunes expired owed answers and answers those whose replica died; resolves with how many. */
  sweepOwed(): Promise<number>;
}

export function registerHandlers(app: App, deps: HandlerDeps): Handlers {
  const { bot, clock, logger, seen, owed } = deps;

  /** An owed request being answered: its id, and how far an earlier claimant got (a take-over). */
  interface Owing {
    id: string;
    sentParts?: number;
    sendingPart?: number | null;
  }

  const run = async (
    kind: Parameters<HandlerDeps["onHandled"]>[0],
    input: string,
    ctx: Context,
    target: Outlet,
    owing?: Owing,
  ) => {
    deps.watchClient?.(target.client);
    const owedId = owing?.id;
    const ledger =
      owing && owed
        ? new OwedParts({ store: owed.store, by: owed.by, since: ctx.at, logger, ...owing })
        : undefined;
    const delivery = new Delivery({ ...target }, ctx, deps, ledger);
    try {
      await bot.respond(input, ctx, delivery.send);
    } catch (err) {
      // bot.respond does not throw for user input; anything here is a bug, logged, never a crash.
      logger.error({ err, channel: ctx.channel }, "slack handler failed");
    } finally {
      if (owedId && owed) {
        try {
          owed.store.settle(owedId, clock.now());
        } catch (err) {
          // Unsettled, it may be answered again after the lease: said, not thrown.
          logger.warn({ id: owedId, reason: (err as Error).message }, "could not settle an owed answer");
        }
      }
      deps.onHandled(kind);
    }
  };

  const dropped = (id: string, retryNum: number | undefined, retryReason?: string) => {
    logger.info({ id, retryNum, retryReason }, "dropped a repeated Slack request");
    deps.onDuplicate(id, retryNum);
  };

  /**
   * Owes an answer to a request, before its ack: an Owing when first (settle it once answered),
   * "repeat" when already owed, null when not recorded (no store, no id, or the archive refused:
   * then the seen-ids check decides, as for other requests).
   */
  const owe = (body: Record<string, unknown>, request: OwedRequest): Owing | "repeat" | null => {
    const id = deliveryId(body);
    if (!id) return null;
    if (owed) {
      try {
        return owed.store.owe(id, "slack", request, owed.by, clock.now()) ? { id } : "repeat";
      } catch (err) {
        logger.warn(
          { id, reason: (err as Error).message },
          "could not record an owed answer in the archive; answering without a record",
        );
      }
    }
    return seen.first(id) ? null : "repeat";
  };

  /**
   * Events are owed before Bolt acks them (owe-before-ack.ts), by the same rule the listener
   * applies below (owed-events.ts) with the bot's id as the body names it.
   */
  const beforeAck = oweBeforeAck<Owing>(app, {
    owe(body) {
      const asked = askedEvent(body, {
        botUserId: botUserOf(body),
        isDiscussion: (ctx) => bot.isDiscussion(ctx),
        now: clock.now(),
      });
      if (!asked) return undefined;
      return owe(body, owedRequest(asked.kind, asked.input, asked.ctx)) ?? "unrecorded";
    },
    release: (owing) => settleOwn(owing.id, "reached no listener (not authorized, or the bot's own)"),
    logger,
  });

  /** Settles an owed request this replica decided not to answer, if it still holds it. */
  const settleOwn = (id: string, why: string) => {
    if (!owed) return;
    logger.info({ id }, `an owed Slack event ${why}; settled, not answered`);
    try {
      owed.store.settle(id, clock.now(), owed.by);
    } catch (err) {
      logger.warn({ id, reason: (err as Error).message }, "could not settle an owed answer");
    }
  };

  /**
   * A mention or a discussion-thread message: answered where it was asked through the Web API,
   * under the record owed before its ack; a delivery that was not owed then (the archive could not
   * tell) is owed now. One the listener does not answer (Bolt's view of the bot's identity says it
   * is the bot's own, or mentions it) is settled.
   */
  const answerEvent = async (
    body: Record<string, unknown>,
    client: Outlet["client"],
    context: { botUserId?: string; teamId?: string; retryNum?: number; retryReason?: string },
  ) => {
    const early = beforeAck.take(body);
    const asked = askedEvent(body, {
      botUserId: context.botUserId,
      workspace: context.teamId,
      isDiscussion: (ctx) => bot.isDiscussion(ctx),
      now: clock.now(),
    });
    if (!asked) {
      if (typeof early === "object")
        settleOwn(early.id, "is none paperboy answers (the bot's own, or one mentioning it)");
      return;
    }
    const { kind, input, ctx } = asked;
    const owing =
      early === undefined ? owe(body, owedRequest(kind, input, ctx)) : early === "unrecorded" ? null : early;
    if (owing === "repeat") return dropped(deliveryId(body) as string, context.retryNum, context.retryReason);
    await run(
      kind,
      input,
      ctx,
      { client, channel: ctx.channel, ...(ctx.thread ? { thread: ctx.thread } : {}), user: ctx.user },
      owing ?? undefined,
    );
  };

  // Drop repeats before any listener runs: Events API retries and replayed signed requests.
  app.use(async (args) => {
    const { body, next, context } = args as AllMiddlewareArgs & {
      body: Record<string, unknown>;
      ack?: () => Promise<void>;
    };
    const id = deliveryId(body);
    const early = beforeAck.peek(body);
    // A request that may be owed an answer is checked by its listener, which owes it first; an
    // event owed before its ack was checked then.
    const owedLater = early !== undefined || owedKind(body);
    if (id && (early === "repeat" || (!owedLater && !seen.first(id)))) {
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      dropped(id, context.retryNum, context.retryReason);
      return;
    }
    await next();
  });

  app.command(SLASH_COMMAND, async ({ command, ack, respond, client, body, context }) => {
    const ctx: Context = {
      platform: "slack",
      workspace: command.team_id,
      channel: command.channel_id,
      user: command.user_id,
      ...(command.user_name ? { userName: command.user_name } : {}),
      at: clock.now(),
      addressed: true,
    };
    const input = command.text.trim() || "help";
    const owing = owe(
      body as unknown as Record<string, unknown>,
      owedRequest("command", input, ctx, command.response_url),
    );
    await ack();
    if (owing === "repeat")
      return dropped(
        deliveryId(body as unknown as Record<string, unknown>) as string,
        context.retryNum,
        context.retryReason,
      );
    await run(
      "command",
      input,
      ctx,
      { client, channel: command.channel_id, user: command.user_id, respond },
      owing ?? undefined,
    );
  });

  // Events: Bolt has acked them before any middleware runs; they were owed just before.
  app.event("app_mention", async ({ client, context, body }) =>
    answerEvent(body as unknown as Record<string, unknown>, client, context),
  );
  app.message(async ({ client, context, body }) =>
    answerEvent(body as unknown as Record<string, unknown>, client, context),
  );

  app.action<BlockAction>(
    new RegExp(`^${ACTION_PREFIX}`),
    async ({ action, body, ack, respond, client, context }) => {
      const command =
        action.type === "button"
          ? action.value
          : action.type === "overflow" || action.type === "static_select"
            ? action.selected_option?.value
            : undefined;
      // Link buttons also report their click; they carry no command.
      if (!command || !body.channel?.id) {
        await ack();
        return;
      }
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
      const replaceOriginal = action.action_id === ACTION_IDS.more;
      const raw = body as unknown as Record<string, unknown>;
      const owing = body.response_url
        ? owe(raw, owedRequest("action", command, ctx, body.response_url, replaceOriginal))
        : seen.first(deliveryId(raw) ?? "")
          ? null
          : "repeat";
      await ack();
      if (owing === "repeat")
        return dropped(deliveryId(raw) as string, context.retryNum, context.retryReason);
      await run(
        "action",
        command,
        ctx,
        { client, channel: body.channel.id, thread, user: body.user.id, respond, replaceOriginal },
        owing ?? undefined,
      );
    },
  );

  app.error(async (err) => {
    logger.warn({ reason: err.message, code: (err as { code?: string }).code }, "Slack request not handled");
  });

  /**
   * Re-runs one owed request whose replica died, answering as it would have (a command or button
   * through its response_url, an event with chat.postMessage), from the first part not known sent.
   */
  const answerOwed = async (row: { id: string; payload: unknown; attempts: number } & Omit<Owing, "id">) => {
    const { id, attempts } = row;
    const parsed = OwedRequest.safeParse(row.payload);
    if (!parsed.success || !deps.clientFor) {
      logger.warn({ id }, "an owed Slack answer cannot be re-run (unreadable record); giving it up");
      owed?.store.settle(id, clock.now());
      return;
    }
    const req = parsed.data;
    logger.info(
      { id, attempts, sentParts: row.sentParts, sendingPart: row.sendingPart },
      "answering a Slack request another replica acked and did not answer",
    );
    const respond: RespondFn | undefined = req.responseUrl ? respondTo(req.responseUrl) : undefined;
    const client = await deps.clientFor(req.workspace);
    await run(
      req.kind,
      req.input,
      contextOf(req),
      {
        client,
        channel: req.channel,
        ...(req.thread ? { thread: req.thread } : {}),
        user: req.user,
        ...(respond ? { respond } : {}),
        ...(req.replaceOriginal ? { replaceOriginal: true } : {}),
      },
      {
        id,
        ...(row.sentParts !== undefined ? { sentParts: row.sentParts } : {}),
        sendingPart: row.sendingPart ?? null,
      },
    );
  };

  return {
    async sweepOwed() {
      if (!owed) return 0;
      const now = clock.now();
      for (const given of owed.store.prune(now, RESPONSE_URL_LIFE_MS))
        logger.warn(
          { id: given.id, attempts: given.attempts },
          "gave up on an owed Slack answer: its response_url has expired (30 minutes)",
        );
      const stale = owed.store.claimStale(
        owed.by,
        now,
        owed.leaseMs ?? DEFAULT_OWED_LEASE_MS,
        RESPONSE_URL_LIFE_MS,
      );
      for (const row of stale) {
        try {
          await answerOwed(row);
        } catch (err) {
          // Left claimed: taken over again after the lease, until the response_url expires.
          logger.warn(
            { id: row.id, reason: (err as Error).message },
            "could not answer an owed Slack request",
          );
        }
      }
      return stale.length;
    },
  };
}

/**
 * A request whose listener owes it an answer (and checks it for a repeat): a slash command, a
 * block action, an @-mention, a message in a thread (the listener keeps those of discussions).
 */
function owedKind(body: Record<string, unknown>): boolean {
  if (typeof body.command === "string" || body.type === "block_actions") return true;
  if (body.type !== "event_callback") return false;
  const event = body.event as { type?: string; thread_ts?: unknown } | undefined;
  return event?.type === "app_mention" || (event?.type === "message" && typeof event.thread_ts === "string");
}
