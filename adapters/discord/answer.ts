/**
 * Answering one interaction, whichever transport carried it (the gateway through discord.js, or
 * an HTTP request to the Interactions Endpoint URL): the same command, the same renderers, the
 * same limits. Discord wants a first response within 3 s: an answer ready sooner is the response
 * itself; otherwise a deferred response first, then the answer edits it and follows up.
 *
 * The transports differ only in how a response goes out (`InteractionResponses`). Threads are
 * opened through the REST API on both, so `discuss` behaves the same.
 */
import {
  DiscordAPIError,
  PermissionFlagsBits,
  type PermissionsBitField,
  type REST,
  Routes,
} from "discord.js";
import type { Bot } from "../../src/bot/bot.js";
import type { Context } from "../../src/bot/context.js";
import { notice, type Reply, type ThreadStartReply } from "../../src/bot/replies.js";
import { LATE, within } from "../../src/deadline.js";
import { ErrorCode, isPaperboyError } from "../../src/errors.js";
import type { Logger } from "../../src/logger.js";
import type { ButtonCommands } from "./buttons.js";
import { cutToMessages } from "./cut.js";
import { fitText, plainText } from "./escape.js";
import { MAX_MESSAGES_PER_REPLY, THREAD_NAME_MAX } from "./limits.js";
import type { DiscordMessage } from "./message.js";
import { enforcedNonce } from "./nonce.js";
import { DiscordCode, explainPlatformError } from "./platform-errors.js";
import { renderCard, renderIntro, renderNotice, renderReplies } from "./render.js";
import { restMessage } from "./rest-body.js";

/** A message Discord created for a response: enough to remember it and open a thread on it. */
export interface SentMessage {
  id: string;
  channelId: string;
}

/** How one interaction's responses go out on a transport. */
export interface InteractionResponses {
  /** The first response, with a message. `needId`: the caller wants the created message's id. */
  reply(m: DiscordMessage, needId: boolean): Promise<SentMessage | null>;
  /** The first response without a message ("paperboy is thinking…"); the answer edits it. */
  defer(): Promise<void>;
  editOriginal(m: DiscordMessage): Promise<SentMessage | null>;
  followUp(m: DiscordMessage): Promise<SentMessage | null>;
}

export interface AnswerDeps {
  bot: Bot;
  buttons: ButtonCommands;
  logger: Logger;
  /** The bot's REST client (its token set): threads are opened and written through it. */
  rest: REST;
  /**
   * Posts interaction follow-ups, without retrying a request whose answer was lost
   * (follow-up-once.ts: a lost follow-up is looked for in the channel instead).
   */
  followUpRest: REST;
  /** An answer slower than this is deferred first; 0 always defers. */
  deferAfterMs: number;
  /**
   * Remember which paper each card shows, for reactions on it. Only where reactions are read
   * (the gateway): over HTTP a card's id costs a deferred response and an edit.
   */
  rememberCards: boolean;
}

/** What `discuss` needs in the channel: opening the thread and talking in it. */
const THREAD_PERMISSIONS = [
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.SendMessagesInThreads,
];

/** A thread opened from a message lives this long without activity (Discord's "1 day"). */
const THREAD_ARCHIVE_MINUTES = 1440;

/** Where the rest of a cut reply is: a roundup lists every paper of its day with `day`. */
export function cutHint(reply: Reply): string | undefined {
  return reply.kind === "roundup" && !reply.until
    ? `\`/papers day date:${reply.date}\` lists every paper of the day.`
    : undefined;
}

/** The permissions paperboy lacks for a command that opens a thread; none for others or outside a server. */
export function missingThreadPermissions(
  bot: Bot,
  input: string | Record<string, unknown>,
  appPermissions: Readonly<PermissionsBitField> | null,
): string[] {
  if (!appPermissions || !bot.commandFor(input)?.opensThread) return [];
  // Administrator implies every permission, as Discord computes it.
  return appPermissions.missing(THREAD_PERMISSIONS, true);
}

/** Runs a command for an interaction and sends its replies. */
export async function answerInteraction(
  deps: AnswerDeps,
  out: InteractionResponses,
  ctx: Context,
  input: string | Record<string, unknown>,
  missing: readonly string[],
): Promise<void> {
  if (missing.length) {
    await out.reply(
      renderNotice(
        notice(
          `I can't open a discussion thread here: I'm missing ${missing.join(", ")} in this channel. Ask a server admin to grant ${missing.length > 1 ? "them" : "it"} to paperboy, or use /papers show instead.`,
          "warning",
          ErrorCode.Platform,
        ),
      ),
      false,
    );
    return;
  }
  const work = deps.bot.handle(input, ctx);
  const first = deps.deferAfterMs <= 0 ? LATE : await within(deps.deferAfterMs, work);
  let replies: Reply[];
  let deferred = false;
  if (first === LATE) {
    await out.defer();
    deferred = true;
    replies = await work;
  } else replies = first;
  await deliver(deps, out, ctx, replies, deferred);
}

async function deliver(
  deps: AnswerDeps,
  out: InteractionResponses,
  ctx: Context,
  replies: Reply[],
  deferred: boolean,
): Promise<void> {
  let responded = deferred;
  let editedOriginal = false;
  // The interaction's reply and its follow-ups: a bounded budget, never one message per part.
  let left = MAX_MESSAGES_PER_REPLY;
  const send = async (m: DiscordMessage, needId: boolean): Promise<SentMessage | null> => {
    left -= 1;
    if (!responded) {
      responded = true;
      return out.reply(m, needId);
    }
    if (deferred && !editedOriginal) {
      editedOriginal = true;
      return out.editOriginal(m);
    }
    return out.followUp(m);
  };
  if (replies.length === 0) replies = [notice("Done.")];
  for (const reply of replies) {
    if (reply.kind === "thread") {
      await openDiscussion(deps, reply, ctx, send);
      continue;
    }
    const messages = cutToMessages(renderReplies([reply], deps.buttons), left, cutHint(reply));
    if (messages.length === 0)
      deps.logger.warn({ reply: reply.kind }, "reply dropped: no message left for it");
    for (const m of messages) {
      // A card is one message: the bot remembers which paper it shows, for reactions on it.
      const sent = await send(m, deps.rememberCards && messages.length === 1);
      if (sent && messages.length === 1) remember(deps.bot, sent, reply, ctx);
    }
  }
}

/**
 * Remembered under the request's channel, the parent of a thread it came from (as notes and every
 * other channel record are), not the thread's own id: a 👍 on a card in a discussion thread counts
 * for the channel's interests and its weekly "most discussed".
 */
function remember(bot: Bot, message: SentMessage, reply: Reply, ctx: Context): void {
  bot.posted({ platform: "discord", channel: ctx.channel, message: message.id }, reply);
}

/**
 * Opens the public thread on the card just posted and returns its id. discord.js retries a request
 * whose answer was lost (a 5xx, a reset connection); when the first attempt made the thread,
 * Discord refuses the retry with 160004 (Thread already created for this message). A thread started
 * from a message has that message's id, so the refusal names the thread: it is there, and bound
 * as if the first answer had arrived (the asker is not told it failed).
 */
async function threadOnCard(rest: REST, card: SentMessage, title: string): Promise<string> {
  try {
    const thread = (await rest.post(Routes.threads(card.channelId, card.id), {
      body: {
        name: fitText(title, THREAD_NAME_MAX, plainText),
        auto_archive_duration: THREAD_ARCHIVE_MINUTES,
      },
    })) as { id: string };
    return thread.id;
  } catch (err) {
    if (err instanceof DiscordAPIError && err.code === DiscordCode.ThreadAlreadyCreated) return card.id;
    throw err;
  }
}

/** `discuss`: a public thread on the card message, bound to the paper, with the intro inside. */
async function openDiscussion(
  deps: AnswerDeps,
  reply: ThreadStartReply,
  ctx: Context,
  send: (m: DiscordMessage, needId: boolean) => Promise<SentMessage | null>,
): Promise<void> {
  const cards = new Map<string, SentMessage>();
  try {
    await deps.bot.startDiscussion(reply, ctx, {
      openThread: async (card) => {
        const posted = await send(renderCard(card, deps.buttons), true);
        if (!posted) throw new Error("Discord did not return the card message");
        remember(deps.bot, posted, reply, ctx);
        const thread = await threadOnCard(deps.rest, posted, card.title);
        cards.set(thread, posted);
        return thread;
      },
      postIntro: async (id, intro) => {
        const { body, files } = restMessage(renderIntro(intro));
        // Keyed by the thread (one intro each), so discord.js's retry never posts it twice.
        Object.assign(body, enforcedNonce(`intro:${id}`, 1));
        await deps.rest.post(Routes.channelMessages(id), { body, ...(files ? { files } : {}) });
      },
      // A thread opened from a message shares its id: deleting both takes the card back.
      retract: async (id) => {
        const card = cards.get(id);
        await deps.rest.delete(Routes.channel(id)).catch(() => {});
        if (card) await deps.rest.delete(Routes.channelMessage(card.channelId, card.id));
      },
    });
  } catch (err) {
    const why = isPaperboyError(err) ? err.message : explainPlatformError(err, "open a discussion thread");
    if (!why) deps.logger.error({ err }, "discord thread creation failed");
    await send(
      renderNotice(
        notice(
          why ?? "I couldn't open a discussion thread here; it has been logged.",
          "warning",
          ErrorCode.Platform,
        ),
      ),
      false,
    );
  }
}
