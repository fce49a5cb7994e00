/**
 * Puts the bot's replies into Slack for one request: through the `response_url` (slash commands,
 * buttons) or the Web API (mentions, thread messages); notices only to the asker; files with
 * files.uploadV2; a `discuss` reply through discussion.ts. An owed answer's parts are numbered,
 * marked and checked through its ledger (answer-marks.ts).
 */
import type { RespondArguments, RespondFn, webApi } from "@slack/bolt";
import type { Bot } from "../../src/bot/bot.js";
import type { Context } from "../../src/bot/context.js";
import { type FileReply, fileBytes, type Reply, type ThreadStartReply } from "../../src/bot/replies.js";
import { isPaperboyError } from "../../src/errors.js";
import type { Logger } from "../../src/logger.js";
import {
  type AnswerMetadata,
  answerPartPosted,
  filesPosted,
  type PartCheck,
  type PartLedger,
} from "./answer-marks.js";
import { messageFields, type SlackMessage, safe } from "./blocks.js";
import { cutToMessages } from "./cut.js";
import { Discussion, isTakenOver } from "./discussion.js";
import { escapeMrkdwn } from "./escape.js";
import { MAX_FALLBACK_TEXT, MAX_MESSAGES_PER_REPLY, MAX_RESPONSE_URL_POSTS } from "./limits.js";
import { postOnce } from "./post-once.js";
import { isPrivate, renderReply } from "./render.js";
import { describeFailure, slackErrorCode, userHint } from "./slack-errors.js";

export interface Outlet {
  client: webApi.WebClient;
  channel: string;
  /** The thread the request came from; visible answers go there. */
  thread?: string;
  user: string;
  /** Present for slash commands and buttons. */
  respond?: RespondFn;
  /** "More": the first page replaces the message whose button was pressed. */
  replaceOriginal?: boolean;
}

export interface DeliveryHooks {
  bot: Bot;
  logger: Logger;
  /** Called with every failed Slack call (the adapter updates its status on token errors). */
  onFailure(err: unknown): void;
  /**
   * The client posts go through for `client`'s token: it never retries a post Slack may have
   * stored (post-once.ts). Absent: `client` itself.
   */
  posterFor?(client: webApi.WebClient): webApi.WebClient;
}

/** Where the rest of a cut reply is: a roundup lists every paper of its day with `day`. */
export function cutHint(reply: Reply): string | undefined {
  return reply.kind === "roundup" && !reply.until
    ? `\`/papers day ${reply.date}\` lists every paper of the day.`
    : undefined;
}

export class Delivery {
  private replaced = false;
  /** Posts the response_url still takes for this request. */
  private responsesLeft = MAX_RESPONSE_URL_POSTS;
  /** The number of the answer's last part (message, file, discussion) handed to Slack. */
  private part = 0;
  /** Another replica took the answer over: nothing more is posted from here. */
  private stopped = false;

  /**
   * With a ledger (an owed answer), each part of the answer is numbered, carries its mark, and is
   * recorded before and after it is posted, so that a take-over neither loses nor repeats it.
   */
  constructor(
    private readonly outlet: Outlet,
    private readonly ctx: Context,
    private readonly hooks: DeliveryHooks,
    private readonly ledger?: PartLedger,
  ) {}

  /** The `send` given to bot.respond; never throws (failures are logged and reported). */
  readonly send = async (replies: Reply[]): Promise<void> => {
    for (const reply of replies) {
      if (this.stopped) return;
      try {
        if (reply.kind === "thread") {
          const discussion = this.discussion(reply);
          await this.numbered(discussion.check(), (meta) => discussion.open(meta));
        } else if (reply.kind === "file")
          await this.numbered(this.filesCheck(reply), () => this.upload(reply));
        else {
          // Cut to what Slack takes, never split into more posts than it allows.
          const privately = isPrivate(reply);
          const budget = this.viaRespond(privately)
            ? Math.min(this.responsesLeft, MAX_MESSAGES_PER_REPLY)
            : MAX_MESSAGES_PER_REPLY;
          const messages = cutToMessages(renderReply(reply), budget, cutHint(reply));
          if (messages.length === 0)
            this.hooks.logger.warn(
              { channel: this.outlet.channel, reply: reply.kind },
              "reply dropped: Slack takes no more answers to this request",
            );
          for (const msg of messages) {
            const replace = this.replaces(privately);
            // A progress note is not part of the answer (a re-run may or may not send one).
            if (reply.kind === "notice" && reply.progress) await this.post(msg, privately, replace);
            else
              await this.numbered(this.messageCheck(privately, replace), (meta) =>
                this.post(msg, privately, replace, meta),
              );
          }
        }
      } catch (err) {
        await this.failed(err, reply.kind);
      }
    }
  };

  /**
   * Posts the answer's next part unless the ledger knows it delivered (or another replica now owns
   * the answer); `check` is how a take-over tells whether the part is in Slack already.
   */
  private async numbered(check: PartCheck, post: (meta?: AnswerMetadata) => Promise<void>): Promise<void> {
    if (this.stopped) return;
    const ledger = this.ledger;
    if (!ledger) return post();
    const part = ++this.part;
    const step = await ledger.before(part, check);
    if (step === "stop") this.stopped = true;
    if (step !== "post") return;
    await post(ledger.metadata(part));
    ledger.after(part);
  }

  /**
   * Whether this message replaces the one whose button was pressed ("More": its first page only).
   * Decided for every message in order, posted or skipped by a take-over, so that a resumed answer
   * replaces with the same page as the first run did and adds the rest.
   */
  private replaces(privately: boolean): boolean {
    const { respond, replaceOriginal } = this.outlet;
    if (!respond || !replaceOriginal || privately || this.replaced || !this.viaRespond(privately))
      return false;
    this.replaced = true;
    return true;
  }

  /**
   * How a take-over tells whether a message of this request is in Slack: it is looked for in the
   * thread or channel it goes to. Slack documents that a button's response_url with
   * replace_original replaces the message whose button was pressed, ephemeral or not: posting that
   * page again leaves one message. An ephemeral message cannot be read back.
   */
  private messageCheck(privately: boolean, replace: boolean): PartCheck {
    if (privately)
      return {
        unreadable:
          "an ephemeral message: only its reader sees it, and Slack documents no way to read it back or to replace a slash command's answer",
      };
    if (replace) return { replaces: true };
    const { client, channel, thread } = this.outlet;
    const where = this.viaRespond(privately)
      ? { client, channel }
      : { client, channel, ...(thread ? { thread } : {}) };
    return {
      read: (mark, since) => answerPartPosted(where, mark.event_payload.owed, mark.event_payload.part, since),
    };
  }

  /** A file part is in Slack when a message in its channel (or thread) carries the same files. */
  private filesCheck(reply: FileReply): PartCheck {
    const { client, channel, thread } = this.outlet;
    const names = reply.files.map((f) => f.name);
    return {
      read: (_mark, since) => filesPosted({ client, channel, ...(thread ? { thread } : {}) }, names, since),
    };
  }

  /** The discussion a `discuss` reply opens, posted through this request's client. */
  private discussion(reply: ThreadStartReply): Discussion {
    const { client, channel } = this.outlet;
    return new Discussion(reply, {
      client,
      poster: this.poster,
      channel,
      ctx: this.ctx,
      bot: this.hooks.bot,
      logger: this.hooks.logger,
      ...(this.ledger ? { ledger: this.ledger } : {}),
    });
  }

  /** Whether a reply goes through the request's response_url (budgeted) or the Web API. */
  private viaRespond(privately: boolean): boolean {
    const { respond, thread } = this.outlet;
    return Boolean(respond && (privately || !thread || this.outlet.replaceOriginal));
  }

  private async post(
    msg: SlackMessage,
    privately: boolean,
    replace: boolean,
    metadata?: AnswerMetadata,
  ): Promise<void> {
    const { client, channel, thread, user, respond } = this.outlet;
    if (respond && this.viaRespond(privately)) {
      this.responsesLeft -= 1;
      const body: RespondArguments = {
        ...messageFields(msg),
        response_type: privately ? "ephemeral" : "in_channel",
        replace_original: replace,
        ...(metadata ? { metadata } : {}),
      };
      await respond(body);
      return;
    }
    const poster = this.poster;
    const what = {
      channel,
      ...(thread ? { thread } : {}),
      ...(metadata ? { part: metadata.event_payload.part } : {}),
    };
    if (privately) {
      // Only its reader sees an ephemeral message: it cannot be read back, so one that got no
      // answer is posted once more (a second copy, seen by one person, beats none).
      await postOnce({
        what,
        post: async () => {
          await poster.chat.postEphemeral({
            channel,
            user,
            ...(thread ? { thread_ts: thread } : {}),
            ...messageFields(msg),
          });
          return true;
        },
        find: null,
        unknown: "repost",
        logger: this.hooks.logger,
      });
      return;
    }
    // A marked part (an owed answer) is looked for where it went before it is posted again.
    const where = { client, channel, ...(thread ? { thread } : {}) };
    await postOnce({
      what,
      post: async () => {
        await poster.chat.postMessage({
          channel,
          ...(thread ? { thread_ts: thread } : {}),
          ...messageFields(msg),
          ...(metadata ? { metadata } : {}),
          unfurl_links: false,
          unfurl_media: false,
        });
        return true;
      },
      find: metadata
        ? async () =>
            (await answerPartPosted(
              where,
              metadata.event_payload.owed,
              metadata.event_payload.part,
              this.ctx.at,
            )) || null
        : null,
      unknown: "repost",
      logger: this.hooks.logger,
    });
  }

  /** The client posts go through (no blind retries); reads use the outlet's own. */
  private get poster(): webApi.WebClient {
    return this.hooks.posterFor?.(this.outlet.client) ?? this.outlet.client;
  }

  /**
   * Files go up with files.uploadV2 (getUploadURLExternal, the upload, completeUploadExternal), into
   * the channel or thread the request came from. A response_url cannot carry files, so this needs
   * the bot in the channel and the `files:write` scope; a refusal is explained to the asker.
   */
  private async upload(reply: FileReply): Promise<void> {
    const { client, channel, thread } = this.outlet;
    const poster = this.poster;
    const where = { client, channel, ...(thread ? { thread } : {}) };
    const names = reply.files.map((f) => f.name);
    try {
      // A share that got no answer is looked for by its files' names before it is uploaded again;
      // when the channel cannot be read it is not, and the asker is told to look.
      await postOnce({
        what: { channel, ...(thread ? { thread } : {}), files: names.length },
        post: () =>
          poster.filesUploadV2({
            channel_id: channel,
            ...(thread ? { thread_ts: thread } : {}),
            initial_comment: escapeMrkdwn(reply.text).slice(0, MAX_FALLBACK_TEXT),
            file_uploads: reply.files.map((f) => ({
              file: fileBytes(f),
              filename: f.name,
              title: f.name,
            })),
          }),
        find: async () => ((await filesPosted(where, names, this.ctx.at)) ? { ok: true } : null),
        unknown: "give-up",
        logger: this.hooks.logger,
      });
    } catch (err) {
      // An app installed before `export` existed lacks files:write: that is this feature's problem,
      // not a broken token, so it must not mark the whole adapter failed.
      if (slackErrorCode(err) !== "missing_scope") throw err;
      this.hooks.logger.warn({ channel }, "export not uploaded: the Slack app lacks the files:write scope");
      await this.post(
        {
          text: ":warning: I can't upload files in this workspace yet: paperboy's Slack app lacks the `files:write` scope. An admin can add it (the app manifest lists it) and reinstall the app.",
          blocks: [],
        },
        true,
        false,
      );
    }
  }

  private async failed(err: unknown, kind: string): Promise<void> {
    if (isTakenOver(err)) {
      // Another replica answers now: this one says nothing more.
      this.stopped = true;
      this.hooks.logger.warn({ channel: this.outlet.channel, reply: kind }, err.message);
      return;
    }
    // A post given up on (post-once.ts) wraps Slack's failure: the adapter's status wants that.
    this.hooks.onFailure(isPaperboyError(err) && err.cause ? err.cause : err);
    this.hooks.logger.warn(
      { channel: this.outlet.channel, reply: kind, reason: describeFailure(err) },
      "could not post a reply to Slack",
    );
    // Our own errors (the archive's disk is full…) say what to do; Slack's are explained by code.
    const hint = isPaperboyError(err) ? safe(err.message) : userHint(slackErrorCode(err));
    if (!hint || !this.outlet.respond || this.responsesLeft <= 0) return;
    this.responsesLeft -= 1;
    try {
      await this.outlet.respond({
        text: `:warning: ${hint}`,
        response_type: "ephemeral",
        replace_original: false,
      });
    } catch (again) {
      this.hooks.logger.warn({ reason: describeFailure(again) }, "could not tell the user either");
    }
  }
}
