/**
 * Bounding a reply to a number of Discord messages by cutting, never by posting more: a reply
 * longer than its budget keeps its first messages, and the last of them carries a note that says
 * it was cut (and, for a roundup, where the whole day is listed).
 */
import { CONTENT_MAX, EMBEDS_PER_MESSAGE, EMBEDS_TOTAL_MAX } from "./limits.js";
import { type DiscordMessage, embedSize } from "./message.js";

/** `hint`: already-escaped Discord markdown that says where to find the rest. */
export function cutToMessages(messages: DiscordMessage[], max: number, hint?: string): DiscordMessage[] {
  if (messages.length <= max) return messages;
  if (max <= 0) return [];
  const kept = messages.slice(0, max);
  const last = kept[max - 1] as DiscordMessage;
  const note = `✂ The rest of this answer was cut: it is longer than Discord takes for one reply.${hint ? ` ${hint}` : ""}`;
  const content = last.content ? `${last.content}\n-# ${note}` : `-# ${note}`;
  if (content.length <= CONTENT_MAX) {
    kept[max - 1] = { ...last, content };
    return kept;
  }
  // No room in the content: the note is an embed of its own, in place of the last ones if needed.
  const embeds = [...last.embeds];
  const size = () => embeds.reduce((n, e) => n + embedSize(e), 0);
  while (embeds.length && (embeds.length >= EMBEDS_PER_MESSAGE || size() + note.length > EMBEDS_TOTAL_MAX))
    embeds.pop();
  kept[max - 1] = { ...last, embeds: [...embeds, { description: note }] };
  return kept;
}
