/**
 * A `discuss` reply on Slack: the paper's card top-level in the channel (a Slack thread can only
 * hang off a channel message, and that message's ts is the thread's id), the rest of a long card
 * and the intro inside its thread, and the thread bound to the paper (Bot.startDiscussion). For an
 * owed answer the card carries the part's mark and each thread message the mark with its `piece`
 * (1, 2…), so that a replica taking over a dead one's `discuss` finds the card, binds its thread
 * if the dead replica had not, and posts only the missing pieces: one discussion, never two.
 */
import type { webApi } from "@slack/bolt";
import type { Bot } from "../../src/bot/bot.js";
import type { Context } from "../../src/bot/context.js";
import type { ThreadStartReply } from "../../src/bot/replies.js";
import type { Logger } from "../../src/logger.js";
import {
  type AnswerMetadata,
  answerMetadata,
  answerPiecesPosted,
  findAnswerPart,
  type PartCheck,
  type PartLedger,
} from "./answer-marks.js";
import { messageFields, type SlackMessage } from "./blocks.js";
import { cutToMessages } from "./cut.js";
import { MAX_MESSAGES_PER_REPLY, MAX_REQUEST_SKEW_MS } from "./limits.js";
import { postOnce } from "./post-once.js";
import { renderReply, renderThreadIntro } from "./render.js";
import { describeFailure } from "./slack-errors.js";

export interface DiscussionDeps {
  /** Reads (and takes back) through it. */
  client: webApi.WebClient;
  /** Posts through it: no blind retry of a post Slack may have stored (post-once.ts). Default `client`. */
  poster?: webApi.WebClient;
  channel: string;
  /** The request's context: who asked (the thread's creator), when, where. */
  ctx: Context;
  bot: Bot;
  logger: Logger;
  /** The owed answer's ledger: absent when the request is not owed. */
  ledger?: PartLedger;
}

/** The messages of one discussion: the card's first message, then the thread's pieces. */
interface Pieces {
  card: SlackMessage;
  /** The rest of a long card, then the intro, in posting order (piece n is at n - 1). */
  thread: SlackMessage[];
  /** How many of `thread` are the card's (the intro follows them). */
  cardRest: number;
}

export class Discussion {
  private readonly pieces: Pieces;

  constructor(
    private readonly reply: ThreadStartReply,
    private readonly d: DiscussionDeps,
  ) {
    const [card, ...rest] = renderReply(reply.card);
    const cardRest = cutToMessages(rest, MAX_MESSAGES_PER_REPLY);
    const intro = cutToMessages(renderThreadIntro(reply.intro), MAX_MESSAGES_PER_REPLY);
    this.pieces = { card: card as SlackMessage, thread: [...cardRest, ...intro], cardRest: cardRest.length };
  }

  /** Opens the discussion: card, its thread's messages, the binding (through the bot). */
  async open(mark?: AnswerMetadata): Promise<void> {
    const { client, channel, ctx, bot } = this.d;
    const { card, thread, cardRest } = this.pieces;
    await bot.startDiscussion(
      this.reply,
      { ...ctx, thread: undefined },
      {
        openThread: async () => {
          // A card that got no answer is looked for by its mark; an unmarked one (or an unreadable
          // channel) is not posted again: two cards would open two threads.
          const ts = await postOnce<string | undefined>({
            what: { channel, card: true },
            post: async () =>
              (
                await this.poster.chat.postMessage({
                  channel,
                  ...messageFields(card),
                  ...(mark ? { metadata: mark } : {}),
                  unfurl_links: false,
                  unfurl_media: false,
                })
              ).ts,
            find: mark
              ? () =>
                  findAnswerPart(
                    { client, channel },
                    mark.event_payload.owed,
                    mark.event_payload.part,
                    ctx.at,
                  )
              : null,
            unknown: "give-up",
            logger: this.d.logger,
          });
          if (!ts) throw new Error("chat.postMessage answered without a message ts");
          for (let i = 0; i < cardRest; i++) await this.postPiece(ts, i + 1, mark);
          // A replica that lost the answer meanwhile leaves the thread to the one that took it.
          this.mustOwn(mark);
          return ts;
        },
        postIntro: async (ts) => {
          for (let i = cardRest; i < thread.length; i++) await this.postPiece(ts, i + 1, mark);
        },
        retract: async (ts) => {
          // A card another replica has taken over is its discussion now: not ours to take back.
          if (mark && this.d.ledger && !this.d.ledger.stillOwned(mark.event_payload.part)) return;
          await client.chat.delete({ channel, ts });
        },
      },
    );
  }

  /**
   * How a take-over tells that the dead replica opened this discussion: its card, found by its
   * mark in the channel; then the discussion is completed there instead of opened again. When the
   * channel cannot be read, the archive answers: a thread the asker opened on this paper here since
   * the request (the dead replica binds it right after posting the card) is that discussion.
   */
  check(): PartCheck {
    return {
      read: async (mark, since) => {
        const { client, channel, ctx, bot, logger } = this.d;
        const { owed, part } = mark.event_payload;
        let card: string | null;
        try {
          card = await findAnswerPart({ client, channel }, owed, part, since);
        } catch (err) {
          const [bound] = bot.engine.threadsOpenedSince(
            this.reply.paperId,
            { platform: ctx.platform, channel, createdBy: ctx.user },
            new Date(since.getTime() - MAX_REQUEST_SKEW_MS),
          );
          if (!bound) throw err;
          logger.warn(
            { channel, thread: bound, reason: describeFailure(err) },
            "could not read the channel back; the archive has the discussion the other replica opened, so none is opened again",
          );
          card = bound;
        }
        if (!card) return false;
        await this.complete(card, mark, since);
        return true;
      },
    };
  }

  /**
   * The dead replica's card is at `ts`: its thread is bound to the paper (if it was not yet) and
   * the thread's missing pieces are posted, in order.
   */
  private async complete(ts: string, mark: AnswerMetadata, since: Date): Promise<void> {
    const { client, channel, bot, logger } = this.d;
    const ctx = { ...this.d.ctx, thread: undefined };
    if (!bot.threadPaper({ ...ctx, thread: ts })) bot.threadOpened(ctx, ts, this.reply.paperId);
    const { owed, part } = mark.event_payload;
    let found: Set<number>;
    try {
      found = await answerPiecesPosted({ client, channel, thread: ts }, owed, part, since);
    } catch (err) {
      // Which of its messages the thread has cannot be told: posting none never doubles one.
      logger.warn(
        { channel, thread: ts, reason: describeFailure(err) },
        "could not read a discussion's thread back; its intro is not posted again",
      );
      return;
    }
    const total = this.pieces.thread.length;
    for (let piece = 1; piece <= total; piece++) if (!found.has(piece)) await this.postPiece(ts, piece, mark);
    logger.info(
      { channel, thread: ts, posted: total - found.size },
      "completed a discussion another replica opened and did not finish",
    );
  }

  /** Posts piece `piece` (from 1) inside the thread `ts`, marked when the answer is owed. */
  private async postPiece(ts: string, piece: number, mark?: AnswerMetadata): Promise<void> {
    this.mustOwn(mark);
    const { client, channel, ctx, logger } = this.d;
    // A piece that got no answer is looked for in the thread by its mark; unmarked or unreadable,
    // it is posted once more (a line twice in a thread beats a missing one).
    await postOnce({
      what: { channel, thread: ts, piece },
      post: async () => {
        await this.poster.chat.postMessage({
          channel,
          thread_ts: ts,
          ...messageFields(this.pieces.thread[piece - 1] as SlackMessage),
          unfurl_links: false,
          ...(mark
            ? { metadata: answerMetadata(mark.event_payload.owed, mark.event_payload.part, piece) }
            : {}),
        });
        return true;
      },
      find: mark
        ? async () =>
            (
              await answerPiecesPosted(
                { client, channel, thread: ts },
                mark.event_payload.owed,
                mark.event_payload.part,
                ctx.at,
              )
            ).has(piece) || null
        : null,
      unknown: "repost",
      logger,
    });
  }

  private get poster(): webApi.WebClient {
    return this.d.poster ?? this.d.client;
  }

  /** Throws TakenOver when another replica has taken this owed answer over. */
  private mustOwn(mark?: AnswerMetadata): void {
    if (mark && this.d.ledger && !this.d.ledger.stillOwned(mark.event_payload.part)) throw new TakenOver();
  }
}

/** A replica that lost an owed answer to a take-over while posting a discussion's messages. */
class TakenOver extends Error {
  constructor() {
    super("another replica took this Slack answer over; this one stops posting it");
  }
}

/** Whether `err` says this replica lost the answer (it then says nothing more to the asker). */
export function isTakenOver(err: unknown): err is Error {
  return err instanceof TakenOver;
}
