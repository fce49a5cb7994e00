/**
 * An earlier discussion as Discord shows it: "Discussed on 2026-02-03 in #reading ([thread](…);
 * 12 messages, 2 notes)". The channel is `<#id>` (Discord shows its name; it pings no one) and the
 * thread a link to the guild's thread channel.
 */
import type { DiscussionRef } from "../../src/bot/replies.js";
import { discussionSize, discussionVerb } from "../../src/bot/replies.js";
import { escapeText } from "./escape.js";

const SNOWFLAKE = /^\d{17,20}$/;

function channelRef(d: DiscussionRef): string {
  if (d.here) return "this channel";
  return SNOWFLAKE.test(d.channel) ? `<#${d.channel}>` : `#${escapeText(d.channel)}`;
}

/** A link that opens a discussion thread (a thread is a channel of the guild). */
export function threadUrl(d: DiscussionRef): string | null {
  if (!d.thread || !SNOWFLAKE.test(d.workspace) || !SNOWFLAKE.test(d.thread)) return null;
  return `https://discord.com/channels/${d.workspace}/${d.thread}`;
}

export function mentionText(d: DiscussionRef): string {
  const url = threadUrl(d);
  const size = discussionSize(d);
  const detail = [url ? `[thread](${url})` : "", size].filter(Boolean).join("; ");
  return `${discussionVerb(d)} in ${channelRef(d)}${detail ? ` (${detail})` : ""}`;
}
