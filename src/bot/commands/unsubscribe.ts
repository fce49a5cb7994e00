/** `unsubscribe`: no more daily roundups in this channel. */
import { z } from "zod";
import { chatCommand } from "../command.js";
import { currentSettings, settingsReply } from "./channel-settings.js";

export const unsubscribe = chatCommand({
  name: "unsubscribe",
  aliases: ["unsub"],
  usage: "unsubscribe",
  summary: "stop the daily roundup in this channel",
  args: z.object({}),
  run(_args, on) {
    const current = currentSettings(on);
    const after = { ...current, subscribed: false };
    if (!current.subscribed)
      return [settingsReply(after, "This channel was not subscribed; nothing changed.")];
    on.engine.saveChannelSettings(after);
    return [settingsReply(after, "Unsubscribed: no more daily roundups here.")];
  },
});
