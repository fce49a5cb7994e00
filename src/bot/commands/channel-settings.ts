/** What `subscribe`, `unsubscribe` and `settings` share: the channel's stored roundup settings. */
import type { ChannelSettings } from "../../archive/channels.js";
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
