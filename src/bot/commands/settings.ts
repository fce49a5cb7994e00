/** `settings`: this channel's roundup settings. */
import { z } from "zod";
import { chatCommand } from "../command.js";
import { channelSettingsReply, currentSettings } from "./channel-settings.js";

export const settings = chatCommand({
  name: "settings",
  aliases: ["config"],
  usage: "settings",
  summary: "this channel's roundup, weekly digest, quiet-day and watch settings",
  args: z.object({}),
  run: (_args, on) => [channelSettingsReply(on, currentSettings(on))],
});
