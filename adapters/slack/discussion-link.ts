/**
 * An earlier discussion as Slack shows it: "Discussed on 2026-02-03 in #reading (thread; 12
 * messages, 2 notes)", the channel as `<#C…>` (Slack shows its name; it notifies no one) and the
 * thread as a link built from ids paperboy keeps.
 */
import type { DiscussionRef } from "../../src/bot/replies.js";
import { discussionSize, discussionVerb } from "../../src/bot/replies.js";
import { link, safe } from "./blocks.js";

const SLACK_CHANNEL = /^[CGD][A-Z0-9]+$/;
const SLACK_TEAM = /^[TE][A-Z0-9]+$/;
const SLACK_TS = /^\d+\.\d+$/;

function channelRef(d: DiscussionRef): string {
  if (d.here) return "this channel";
  return SLACK_CHANNEL.test(d.channel) ? `<#${d.channel}>` : `#${safe(d.channel, 80)}`;
}

/**
 * A link that opens a discussion thread. Message permalinks need the workspace's domain (or a
 * chat.getPermalink call per card); the app's client URL needs only the ids kept with the thread.
 */
export function threadUrl(d: DiscussionRef): string | null {
  if (
    !d.thread ||
    !SLACK_TEAM.test(d.workspace) ||
    !SLACK_CHANNEL.test(d.channel) ||
    !SLACK_TS.test(d.thread)
  )
    return null;
  return `https://app.slack.com/client/${d.workspace}/${d.channel}/thread/${d.channel}-${d.thread}`;
}

/** The discussion as mrkdwn (escaped where it holds anything but ids). */
export function mentionText(d: DiscussionRef): string {
  const url = threadUrl(d);
  const thread = url ? link(url, "thread") : null;
  const size = discussionSize(d);
  const detail = [thread, size].filter(Boolean).join("; ");
  return `${discussionVerb(d)} in ${channelRef(d)}${detail ? ` (${detail})` : ""}`;
}
