/** What `subscribe`, `unsubscribe` and `settings` share: the channel's stored roundup settings. */
import { ChannelDigestStore } from "../../archive/channel-digests.js";
import type { ChannelSettings } from "../../archive/channels.js";
import { WatchStore } from "../../archive/watches.js";
import type { CommandRun } from "../command.js";
import type { SettingsReply } from "../replies.js";

/** The channel's settings, or the defaults for a channel never configured. */
export function currentSettings({ engine, ctx, channelDefaults }: CommandRun): ChannelSettings {
  const ref = { platform: ctx.platform, channel: ctx.channel, workspace: ctx.workspace };
  return engine.channelSettings(ref, channelDefaults);
}

export function settingsReply(
  s: Pick<ChannelSettings, "subscribed" | "time" | "timezone" | "filters">,
  changed?: string,
): SettingsReply {
  const reply: SettingsReply = {
    kind: "settings",
    subscribed: s.subscribed,
    time: s.time,
    timezone: s.timezone,
    filters: s.filters,
  };
  if (changed !== undefined) reply.changed = changed;
  return reply;
}

/** ISO weekday (1 Monday … 7 Sunday) → its name. */
export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The settings reply with the channel's weekly digest, quiet-day notices and watches. */
export function channelSettingsReply(on: CommandRun, s: ChannelSettings, changed?: string): SettingsReply {
  const reply = settingsReply(s, changed);
  const place = { platform: on.ctx.platform, workspace: on.ctx.workspace, channel: on.ctx.channel };
  const digests = on.engine.store(ChannelDigestStore).get(place);
  if (digests.weekly)
    reply.weekly = { day: WEEKDAY_NAMES[digests.weekly.day - 1] as string, time: digests.weekly.time };
  reply.quietNotices = digests.quietNotices;
  reply.watches = on.engine.store(WatchStore).list(place).length;
  return reply;
}
