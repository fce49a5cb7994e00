/**
 * What to tell a user (or an operator) when Discord refuses something: a missing permission is a
 * setup problem with a fix, not a crash.
 */
import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes } from "discord.js";

/** Discord's JSON error codes we explain (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
export const DiscordCode = {
  UnknownChannel: 10003,
  UnknownInteraction: 10062,
  MissingAccess: 50001,
  MissingPermissions: 50013,
  ThreadAlreadyCreated: 160004,
} as const;

/** A sentence for the user, or null when the error is not one we can explain (a bug: log it). */
export function explainPlatformError(err: unknown, doing: string): string | null {
  if (err instanceof DiscordAPIError) {
    switch (err.code) {
      case DiscordCode.MissingAccess:
      case DiscordCode.MissingPermissions:
        return `I couldn't ${doing}: I'm missing a permission in this channel (Discord says "${err.message}"). Ask a server admin to give paperboy View Channel, Send Messages, Embed Links, Create Public Threads and Send Messages in Threads here.`;
      case DiscordCode.UnknownChannel:
        return `I couldn't ${doing}: Discord doesn't know this channel any more (deleted, or I can't see it).`;
      case DiscordCode.ThreadAlreadyCreated:
        return `I couldn't ${doing}: this message already has a thread.`;
    }
    return null;
  }
  if (err instanceof DiscordjsError) {
    if (err.code === DiscordjsErrorCodes.ChannelNotCached)
      return `I couldn't ${doing}: I can't see this channel. Ask a server admin to give paperboy View Channel here.`;
    if (err.code === DiscordjsErrorCodes.MessageThreadParent)
      return `I couldn't ${doing}: discussions open from a text channel, not inside a thread or a voice/forum channel.`;
  }
  return null;
}
