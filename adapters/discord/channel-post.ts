/**
 * Posting into a channel through the REST API alone: the daily roundup, alerts, reminders. No
 * gateway cache is needed, so any replica can post whether or not it holds the gateway (and an
 * HTTP-only replica never does). A marked delivery carries its mark in every message (footer), and
 * resuming reads the channel's history for the parts already there; every message carries an
 * enforced nonce (nonce.ts).
 */

import { randomUUID } from "node:crypto";
import { ChannelType, type REST, Routes, SnowflakeUtil } from "discord.js";
import type { DeliveryMark } from "../../src/bot/adapter.js";
import type { Logger } from "../../src/logger.js";
import { markText, partsIn, withMark } from "./delivery-marks.js";
import { type HistoryMessage, messagesAfter } from "./history.js";
import type { DiscordMessage } from "./message.js";
import { enforcedNonce } from "./nonce.js";
import { restMessage } from "./rest-body.js";

/** Channels a bot can post messages in. */
const SENDABLE: readonly number[] = [
  ChannelType.GuildText,
  ChannelType.GuildVoice,
  ChannelType.GuildAnnouncement,
  ChannelType.AnnouncementThread,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.GuildStageVoice,
];

export class ChannelPoster {
  private me: Promise<string | undefined> | undefined;

  constructor(
    private readonly rest: REST,
    private readonly logger: Logger,
  ) {}

  /** True when the channel exists and is one a bot posts messages in; throws Discord's error otherwise. */
  async sendable(channel: string): Promise<boolean> {
    const c = (await this.rest.get(Routes.channel(channel))) as { type?: number };
    return typeof c.type === "number" && SENDABLE.includes(c.type);
  }

  /**
   * Posts the messages in order (skipping the parts already there when resuming); their ids. Each
   * part carries an enforced nonce from the delivery's id, else the post's `key` (a scheduled
   * post's claim), else a key of this call: a retry by discord.js, or another try of the same
   * delivery or claim within Discord's window, gets the stored message back instead of a second one.
   */
  async post(
    channel: string,
    rendered: DiscordMessage[],
    mark?: DeliveryMark,
    key?: string,
  ): Promise<string[]> {
    const already = mark?.resume ? await this.alreadyPosted(channel, mark) : new Map<number, string>();
    const nonceKey = mark?.id ?? key ?? `post:${randomUUID()}`;
    const ids: string[] = [];
    for (const [i, m] of rendered.entries()) {
      const earlier = already.get(i + 1);
      if (earlier) {
        ids.push(earlier);
        continue;
      }
      const { body, files } = restMessage(mark ? withMark(m, markText(mark, i + 1, rendered.length)) : m);
      Object.assign(body, enforcedNonce(nonceKey, i + 1));
      const sent = (await this.rest.post(Routes.channelMessages(channel), {
        body,
        ...(files ? { files } : {}),
      })) as HistoryMessage;
      ids.push(sent.id);
    }
    return ids;
  }

  /** The bot's own user id (its messages' author), asked once. */
  private botUser(): Promise<string | undefined> {
    this.me ??= (this.rest.get(Routes.currentApplication()) as Promise<{ bot?: { id?: string } }>).then(
      (app) => app.bot?.id,
      () => undefined,
    );
    return this.me;
  }

  /** The parts of a delivery already in the channel (by this bot); none when it cannot be read. */
  private async alreadyPosted(channel: string, mark: DeliveryMark): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    try {
      const me = await this.botUser();
      const since = SnowflakeUtil.generate({ timestamp: mark.since.getTime() }).toString();
      for await (const batch of messagesAfter(this.rest, channel, since)) {
        for (const m of batch) {
          if (m.author?.id !== me) continue;
          const texts = [m.content ?? "", ...(m.embeds ?? []).map((e) => e.footer?.text ?? "")];
          for (const part of partsIn(texts, mark)) found.set(part, m.id);
        }
      }
    } catch (err) {
      this.logger.warn(
        { delivery: mark.id, reason: (err as Error).message },
        "could not read the channel's history to look for an earlier post; posting it (it may appear twice)",
      );
      return new Map();
    }
    if (found.size)
      this.logger.info(
        { delivery: mark.id, parts: [...found.keys()] },
        "parts of this delivery were already posted before a restart; not posting them again",
      );
    return found;
  }
}
