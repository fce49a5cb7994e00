/**
 * Discord interactions over HTTP: the handler of `POST /discord/interactions` (the app's
 * Interactions Endpoint URL), so any replica behind a load balancer can answer a command without
 * holding the gateway. Each request is read once (bounded), its Ed25519 signature verified over
 * the timestamp and raw body, its timestamp checked for freshness, and its id checked against the
 * ids already answered (in the archive, so across replicas and restarts); only then is it
 * dispatched, with the same command logic as the gateway (answer.ts).
 *
 * Responses: PING → PONG; autocomplete → its choices; a command or component → the answer in the
 * HTTP response when it is ready within the defer threshold, else a deferred response and the
 * answer through the interaction webhook (PATCH …/messages/@original, POST follow-ups, each posted
 * once: follow-up-once.ts).
 */
import type { KeyObject } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { PermissionsBitField, type REST, Routes } from "discord.js";
import type { Context } from "../../src/bot/context.js";
import { notice } from "../../src/bot/replies.js";
import type { Clock } from "../../src/clock.js";
import type { Logger } from "../../src/logger.js";
import {
  type AnswerDeps,
  answerInteraction,
  type InteractionResponses,
  missingThreadPermissions,
  type SentMessage,
} from "./answer.js";
import { paperChoices } from "./autocomplete.js";
import { selectCommand } from "./buttons.js";
import { commandFromOptions, ROOT_COMMAND } from "./commands.js";
import { FollowUps } from "./follow-up-once.js";
import {
  actor,
  asInteraction,
  CallbackType,
  focusedValue,
  InteractionType,
  optionReader,
  place,
  type RawInteraction,
} from "./interaction-payload.js";
import { MAX_INTERACTION_BYTES, MAX_INTERACTION_SKEW_MS } from "./limits.js";
import type { DiscordMessage } from "./message.js";
import { renderNotice } from "./render.js";
import { restMessage } from "./rest-body.js";
import { signatureValid } from "./signature.js";

/** Where Discord posts interactions: the path of the Interactions Endpoint URL. */
export const INTERACTIONS_PATH = "/discord/interactions";

/** Why a request was refused, as logged and counted; never echoed to the sender. */
export type Refusal = "too-large" | "bad-signature" | "stale" | "bad-body" | "replay" | "paused";

export interface HttpInteractionsOptions {
  answer: AnswerDeps;
  applicationId: string;
  publicKey: KeyObject;
  /** Real time: Discord stamps requests with it. */
  wallClock: Clock;
  /** The bot's clock (contexts). */
  clock: Clock;
  /** True the first time an interaction id is seen (the archive's seen_requests: across replicas). */
  seen: { first(id: string): boolean };
  logger: Logger;
  /** True while serve is stopping: new interactions are refused (503), so the balancer retries elsewhere. */
  paused: () => boolean;
  /** Told when a request was refused, and why. */
  onRefused?: (why: Refusal) => void;
  /** Told when an interaction's replies have gone out (tests wait on it). */
  onHandled?: (what: "interaction") => void;
}

function json(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, { connection: status >= 400 ? "close" : "keep-alive" });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** What is wrong with X-Signature-Timestamp, or null when it is fresh. */
export function interactionStaleness(header: string | undefined, nowMs: number): string | null {
  if (!header || !/^\d{1,12}$/.test(header)) return "no valid x-signature-timestamp";
  const skewMs = Number(header) * 1000 - nowMs;
  if (Math.abs(skewMs) > MAX_INTERACTION_SKEW_MS)
    return `timestamp ${skewMs > 0 ? "ahead of" : "behind"} the clock by ${Math.round(Math.abs(skewMs) / 1000)} s`;
  return null;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === "string" ? v : undefined;
}

/** Reads a body up to `max` bytes; null (and the rest drained) when it is larger. */
function readBounded(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > max) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(over ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export class HttpInteractions {
  private readonly logger: Logger;

  constructor(private readonly o: HttpInteractionsOptions) {
    this.logger = o.logger.child({ transport: "http" });
  }

  /** The route handler for POST /discord/interactions. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.onRequest(req, res).catch((err: unknown) => {
      this.logger.error({ err }, "discord interaction over HTTP failed");
      json(res, 500);
    });
  };

  private refuse(res: ServerResponse, status: number, why: Refusal, detail?: string): void {
    this.logger.warn({ status, why, ...(detail ? { detail } : {}) }, "discord interaction refused");
    this.o.onRefused?.(why);
    json(res, status);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBounded(req, MAX_INTERACTION_BYTES);
    if (raw === null) return this.refuse(res, 413, "too-large");
    const timestamp = header(req, "x-signature-timestamp");
    // The signature first: Discord probes the endpoint with bad signatures and expects 401.
    if (!signatureValid(this.o.publicKey, header(req, "x-signature-ed25519"), timestamp, raw))
      return this.refuse(res, 401, "bad-signature");
    const stale = interactionStaleness(timestamp, this.o.wallClock.now().getTime());
    if (stale) return this.refuse(res, 401, "stale", stale);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString("utf8"));
    } catch {
      return this.refuse(res, 400, "bad-body", "not JSON");
    }
    const interaction = asInteraction(parsed);
    if (typeof interaction === "string") return this.refuse(res, 400, "bad-body", interaction);
    if (interaction.type === InteractionType.Ping) return json(res, 200, { type: CallbackType.Pong });
    if (this.o.paused()) return this.refuse(res, 503, "paused");
    if (!this.o.seen.first(`discord:interaction:${interaction.id}`))
      return this.refuse(res, 409, "replay", `interaction ${interaction.id} was answered already`);
    try {
      await this.dispatch(interaction, res);
    } finally {
      this.o.onHandled?.("interaction");
    }
  }

  private async dispatch(i: RawInteraction, res: ServerResponse): Promise<void> {
    if (i.type === InteractionType.Autocomplete) {
      const choices = paperChoices(this.o.answer.bot.engine, focusedValue(i));
      return json(res, 200, { type: CallbackType.AutocompleteResult, data: { choices } });
    }
    const input = this.inputOf(i);
    const out = this.responses(i, res);
    if (input === "expired") {
      await out.reply(
        renderNotice(notice("This button has expired; run the command again.", "warning")),
        false,
      );
      return;
    }
    if (input === null)
      return this.refuse(res, 400, "bad-body", `interaction type ${i.type} is not one paperboy handles`);
    const bot = this.o.answer.bot;
    await bot.track(async () => {
      const permissions =
        i.guild_id && i.app_permissions ? new PermissionsBitField(BigInt(i.app_permissions)) : null;
      const missing = missingThreadPermissions(bot, input, permissions);
      try {
        await answerInteraction(this.o.answer, out, this.contextOf(i), input, missing);
      } finally {
        // An answer that failed before any response still owes Discord one.
        if (!res.headersSent) json(res, 500);
      }
    });
  }

  /** The command an interaction runs; "expired" for one of our buttons no longer known; null when none. */
  private inputOf(i: RawInteraction): string | Record<string, unknown> | "expired" | null {
    const data = i.data ?? {};
    if (i.type === InteractionType.ApplicationCommand && data.name === ROOT_COMMAND) {
      try {
        return commandFromOptions(optionReader(i));
      } catch {
        return null;
      }
    }
    if (i.type === InteractionType.MessageComponent && typeof data.custom_id === "string") {
      if (data.component_type === 3) {
        const value =
          Array.isArray(data.values) && typeof data.values[0] === "string" ? data.values[0] : undefined;
        return selectCommand(data.custom_id, value);
      }
      const command = this.o.answer.buttons.decode(data.custom_id);
      if (command !== null) return command;
      return data.custom_id.startsWith("pb") ? "expired" : null;
    }
    return null;
  }

  private contextOf(i: RawInteraction): Context {
    const who = actor(i);
    const where = place(i);
    return {
      platform: "discord",
      workspace: i.guild_id ?? "",
      channel: where.channel,
      ...(where.thread ? { thread: where.thread } : {}),
      user: who.id,
      userName: who.name,
      at: this.o.clock.now(),
      addressed: true,
      mustAnswer: true,
    };
  }

  /** The first response is the HTTP response; the rest go through the interaction's webhook. */
  private responses(i: RawInteraction, res: ServerResponse): InteractionResponses {
    const rest: REST = this.o.answer.rest;
    const app = this.o.applicationId;
    const channelOf = (m: { id: string; channel_id?: string }): SentMessage => ({
      id: m.id,
      channelId: m.channel_id ?? place(i).thread ?? place(i).channel,
    });
    const followUps = new FollowUps(
      { post: this.o.answer.followUpRest, read: rest, logger: this.logger },
      {
        applicationId: app,
        token: i.token,
        interactionId: i.id,
        channelId: place(i).thread ?? place(i).channel,
      },
    );
    // Webhook calls carry the interaction token in the path; they need no bot token.
    const edit = async (m: DiscordMessage) => {
      const { body, files } = restMessage(m);
      return channelOf(
        (await rest.patch(Routes.webhookMessage(app, i.token, "@original"), {
          body,
          ...(files ? { files } : {}),
          auth: false,
        })) as { id: string; channel_id?: string },
      );
    };
    return {
      reply: async (m, needId) => {
        // A response body is JSON and names no message: files, or a caller that needs the
        // message's id (a thread opens on it), go in the edit that follows a deferred response.
        if (needId || m.files?.length) {
          json(res, 200, { type: CallbackType.DeferredChannelMessage });
          return edit(m);
        }
        json(res, 200, { type: CallbackType.ChannelMessage, data: restMessage(m).body });
        return null;
      },
      defer: async () => json(res, 200, { type: CallbackType.DeferredChannelMessage }),
      editOriginal: edit,
      followUp: (m) => followUps.send(m),
    };
  }
}
