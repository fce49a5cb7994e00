/**
 * Bounding a reply to a number of Slack messages by cutting, never by posting more: a reply
 * longer than its budget keeps its first messages, and the last of them ends with a note that
 * says it was cut (and, for a roundup, where the whole day is listed).
 */
import { context, type SlackMessage } from "./blocks.js";
import { MAX_BLOCKS_PER_MESSAGE } from "./limits.js";

/** `hint`: already-safe mrkdwn that says where to find the rest. */
export function cutToMessages(messages: SlackMessage[], max: number, hint?: string): SlackMessage[] {
  if (messages.length <= max) return messages;
  if (max <= 0) return [];
  const kept = messages.slice(0, max);
  const last = kept[max - 1] as SlackMessage;
  const note = context([
    `:scissors: The rest of this answer was cut: it is longer than Slack takes for one reply.${hint ? ` ${hint}` : ""}`,
  ]);
  const room = last.blocks.length < MAX_BLOCKS_PER_MESSAGE ? last.blocks : last.blocks.slice(0, -1);
  kept[max - 1] = { ...last, blocks: [...room, note] };
  return kept;
}
