/**
 * Slack reaction events → bot.reaction: 👍 ⭐ 👎 on paperboy's own paper cards teach the channel's
 * roundups (src/interests). A reaction event names only the message (channel + ts) and its author
 * (`item_user`), so a reaction added on the bot's message is followed by one `reactions.get`, which
 * returns the message's blocks; the paper is the one its card header names (PAPER_BLOCK_PREFIX).
 * Removing needs no read: the bot deletes exactly the row the same person, kind and message wrote.
 */
import type { App, webApi } from "@slack/bolt";
import type { Bot } from "../../src/bot/bot.js";
import type { Clock } from "../../src/clock.js";
import { reactionKind } from "../../src/interests/reaction-kinds.js";
import type { Logger } from "../../src/logger.js";
import { papersInBlocks } from "./blocks.js";
import { slackErrorCode } from "./slack-errors.js";

export interface ReactionDeps {
  bot: Bot;
  clock: Clock;
  logger: Logger;
  /** Told when a reaction event has been handled (applied or ignored). */
  onReaction(): void;
  watchClient?(client: webApi.WebClient): void;
}

interface ReactionPayload {
  user: string;
  reaction: string;
  item_user?: string;
  item: { type: string; channel?: string; ts?: string };
}

/** The papers a message of the bot shows, read back from Slack; null when it cannot be read. */
async function papersOf(
  client: webApi.WebClient,
  channel: string,
  ts: string,
  logger: Logger,
): Promise<string[] | null> {
  try {
    const got = await client.reactions.get({ channel, timestamp: ts, full: false });
    const message = (got as { message?: { blocks?: { block_id?: string }[] } }).message;
    return papersInBlocks(message?.blocks);
  } catch (err) {
    // An app installed before reactions existed lacks reactions:read: the reaction is lost, said once per event.
    logger.warn(
      { channel, code: slackErrorCode(err) ?? (err as Error).message },
      "reaction not read: reactions.get failed (does the Slack app have the reactions:read scope?)",
    );
    return null;
  }
}

export function registerReactions(app: App, deps: ReactionDeps): void {
  const { bot, clock, logger } = deps;
  const handle = async (
    event: ReactionPayload,
    added: boolean,
    client: webApi.WebClient,
    context: { teamId?: string; botUserId?: string },
    body: { team_id?: string },
  ) => {
    try {
      const { item } = event;
      // Reactions on files and file comments are not about a paper card.
      if (item.type !== "message" || !item.channel || !item.ts || !event.user) return;
      // The bot's own reactions never teach anything (Bolt's ignoreSelf drops most before this).
      if (context.botUserId && event.user === context.botUserId) return;
      deps.watchClient?.(client);
      const byBot = Boolean(context.botUserId) && event.item_user === context.botUserId;
      const base = {
        platform: "slack",
        workspace: context.teamId ?? body.team_id ?? "",
        channel: item.channel,
        message: item.ts,
        user: event.user,
        emoji: event.reaction,
        added,
        at: clock.now(),
        byBot,
      };
      // Only 👍 ⭐ 👎 on the bot's own message are worth reading the message back for.
      if (!added || !byBot || reactionKind(event.reaction) === null) {
        bot.reaction(base);
        return;
      }
      const papers = await papersOf(client, item.channel, item.ts, logger);
      if (papers === null) return;
      bot.reaction({ ...base, papers });
    } catch (err) {
      logger.error({ err }, "slack reaction handler failed");
    } finally {
      deps.onReaction();
    }
  };
  app.event("reaction_added", async ({ event, client, context, body }) => {
    await handle(event as ReactionPayload, true, client, context, body as { team_id?: string });
  });
  app.event("reaction_removed", async ({ event, client, context, body }) => {
    await handle(event as ReactionPayload, false, client, context, body as { team_id?: string });
  });
}
