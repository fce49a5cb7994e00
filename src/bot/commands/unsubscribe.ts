/** `unsubscribe [weekly]`: no more daily roundups (or weekly digests) in this channel. */
import { z } from "zod";
import { ChannelDigestStore } from "../../archive/channel-digests.js";
import { chatCommand } from "../command.js";
import { words } from "./args.js";
import { channelSettingsReply, currentSettings } from "./channel-settings.js";

const WHAT = ["daily", "weekly"] as const;

export const unsubscribe = chatCommand({
  name: "unsubscribe",
  aliases: ["unsub"],
  usage: "unsubscribe [weekly]",
  summary: "stop the daily roundup (or the weekly digest) in this channel",
  args: z.object({ what: z.enum(WHAT, { error: "must be daily or weekly" }).default("daily") }),
  parse: (rest) => {
    const w = words(rest)[0]?.toLowerCase();
    return w ? { what: w === "week" ? "weekly" : w } : {};
  },
  options: [
    { name: "what", kind: "text", description: "daily roundup (default) or weekly digest", choices: WHAT },
  ],
  run({ what }, on) {
    const current = currentSettings(on);
    if (what === "weekly") {
      const place = { platform: on.ctx.platform, workspace: on.ctx.workspace, channel: on.ctx.channel };
      const store = on.engine.store(ChannelDigestStore);
      if (!store.get(place).weekly)
        return [channelSettingsReply(on, current, "This channel had no weekly digest; nothing changed.")];
      store.setWeekly(place, null);
      return [channelSettingsReply(on, current, "Weekly digest stopped.")];
    }
    const after = { ...current, subscribed: false };
    if (!current.subscribed)
      return [channelSettingsReply(on, after, "This channel was not subscribed; nothing changed.")];
    on.engine.saveChannelSettings(after);
    return [channelSettingsReply(on, after, "Unsubscribed: no more daily roundups here.")];
  },
});
