/**
 * Reading a channel's (or thread's) messages since a moment, through the REST API with the bot's
 * token: a take-over looks there for the parts of a roundup already posted (channel-post.ts), and a
 * follow-up whose answer was lost is looked for there (follow-up-once.ts). Needs View Channel and
 * Read Message History; Discord refuses otherwise (50001 Missing Access), and the caller decides.
 */
import { type REST, Routes } from "discord.js";
import { HISTORY_PAGE_SIZE, MAX_HISTORY_PAGES } from "./limits.js";

/** The fields of a message paperboy reads back. */
export interface HistoryMessage {
  id: string;
  channel_id?: string;
  author?: { id?: string };
  content?: string;
  embeds?: { footer?: { text?: string } }[];
  /** Set on a message sent in answer to an interaction (Discord's message interaction metadata). */
  interaction_metadata?: { id?: string; original_response_message_id?: string };
}

/**
 * The messages after the snowflake `after` (an id, or one made from a time), a page at a time,
 * oldest pages first; at most MAX_HISTORY_PAGES pages. Throws Discord's error when it cannot read.
 */
export async function* messagesAfter(
  rest: REST,
  channel: string,
  after: string,
): AsyncGenerator<HistoryMessage[]> {
  let from = after;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    const query = new URLSearchParams({ after: from, limit: String(HISTORY_PAGE_SIZE) });
    const batch = (await rest.get(Routes.channelMessages(channel), { query })) as HistoryMessage[];
    yield batch;
    if (batch.length < HISTORY_PAGE_SIZE) return;
    from = batch.map((m) => m.id).reduce((a, b) => (BigInt(a) > BigInt(b) ? a : b));
  }
}
