/**
 * Interaction follow-ups posted once. A follow-up is Execute Webhook on the interaction's token
 * (`POST /webhooks/{app}/{token}`), which takes no nonce; discord.js's REST client retries a request
 * that timed out, lost its connection or got a 5xx, so a follow-up Discord stored before its answer
 * was lost would appear twice (a long answer's later messages, "More" pages, a discussion's card,
 * a notice). Follow-ups therefore go through a REST client that does not retry those failures
 * (`retries: 0`; it still waits out a 429), and after an unknown outcome the follow-up is looked
 * for in the channel's history: Discord marks every message sent for an interaction with
 * `interaction_metadata.id` (the interaction's id) and a follow-up with
 * `interaction_metadata.original_response_message_id` too. Follow-ups of one interaction go out one
 * after another, so a follow-up of this interaction in the channel that is not one already
 * confirmed is the one whose answer was lost.
 *
 * When the history cannot be read (no View Channel / Read Message History, a user-installed app
 * outside its servers), every kind is posted once more: each is part of an answer someone waits
 * for, and a second copy is the lesser evil. That includes a discussion's card, unlike Slack's: the
 * thread opens on the card whose id came back, so a second card is a stray copy without a thread,
 * not a second discussion. paperboy sends no ephemeral follow-up (one would not be in the history).
 */
import { DiscordAPIError, HTTPError, RateLimitError, type REST, Routes } from "discord.js";
import type { Logger } from "../../src/logger.js";
import { NEVER_SENT_CODES, type PostFailures, postOnceOn } from "../post-once.js";
import type { SentMessage } from "./answer.js";
import { type HistoryMessage, messagesAfter } from "./history.js";
import type { DiscordMessage } from "./message.js";
import { restMessage } from "./rest-body.js";

/**
 * A failure after which Discord may have stored the follow-up: the request went out and no answer
 * came back (a timeout, a reset or closed connection) or Discord answered 5xx. A 4xx answer, a
 * rate limit and a connection never opened are certain: nothing was stored.
 */
export function followUpOutcomeUnknown(err: unknown): boolean {
  if (err instanceof DiscordAPIError || err instanceof RateLimitError) return false;
  if (err instanceof HTTPError) return err.status >= 500;
  const e = err as { name?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
  if (e?.name === "AbortError") return true;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" && !NEVER_SENT_CODES.has(code);
}

function describe(err: unknown): string {
  if (err instanceof DiscordAPIError) return `Discord answered ${err.status} (${err.code}: ${err.message})`;
  if (err instanceof HTTPError) return `Discord answered ${err.status}`;
  const e = err as { name?: string; code?: unknown; message?: string } | null;
  if (e?.name === "AbortError") return "no answer within the REST timeout";
  return typeof e?.code === "string" ? e.code : (e?.message ?? String(err));
}

const DISCORD: PostFailures = {
  platform: "Discord",
  outcomeUnknown: followUpOutcomeUnknown,
  describe,
  readNeeds: "paperboy needs View Channel and Read Message History in the channel",
};

/** The interaction whose follow-ups these are. */
export interface FollowUpTarget {
  applicationId: string;
  token: string;
  interactionId: string;
  /** The channel or thread the interaction came from: where its follow-ups appear. */
  channelId: string;
}

export interface FollowUpClients {
  /** Posts the follow-ups: a client with `retries: 0` (followUpRestOptions). */
  post: REST;
  /** Reads the channel back, with the bot's token. */
  read: REST;
  logger: Logger;
}

/** The REST options of the follow-up client: the bot's, without retries of a lost answer. */
export function followUpRestOptions<T extends { retries?: number }>(options: T): T {
  return { ...options, retries: 0 };
}

/** One interaction's follow-ups, each posted at most once. */
export class FollowUps {
  /** Follow-ups of this interaction already confirmed: a read-back never takes them for the lost one. */
  private readonly confirmed = new Set<string>();
  private part = 0;

  constructor(
    private readonly c: FollowUpClients,
    private readonly t: FollowUpTarget,
  ) {}

  async send(m: DiscordMessage): Promise<SentMessage> {
    const part = ++this.part;
    const { body, files } = restMessage(m);
    const sent = await postOnceOn(DISCORD, {
      what: { channel: this.t.channelId, interaction: this.t.interactionId, followUp: part },
      post: async () =>
        (await this.c.post.post(Routes.webhook(this.t.applicationId, this.t.token), {
          body,
          ...(files ? { files } : {}),
          // Webhook calls carry the interaction token in the path; they need no bot token.
          auth: false,
        })) as HistoryMessage,
      find: () => this.find(),
      unknown: "repost",
      logger: this.c.logger,
    });
    // "repost" never returns null (postOnceOn throws when it gives up).
    const message = sent as HistoryMessage;
    this.confirmed.add(message.id);
    return { id: message.id, channelId: message.channel_id ?? this.t.channelId };
  }

  /** This interaction's follow-up in the channel since the interaction that is not confirmed yet. */
  private async find(): Promise<HistoryMessage | null> {
    // An interaction's id is a snowflake of when it was made: nothing of it is older.
    for await (const page of messagesAfter(this.c.read, this.t.channelId, this.t.interactionId)) {
      const found = page.find(
        (m) =>
          m.interaction_metadata?.id === this.t.interactionId &&
          m.interaction_metadata.original_response_message_id !== undefined &&
          !this.confirmed.has(m.id),
      );
      if (found) return found;
    }
    return null;
  }
}
