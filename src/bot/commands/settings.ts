/** `settings`: this channel's roundup settings. */
import { z } from "zod";
import { chatCommand } from "../command.js";
import { currentSettings, settingsReply } from "./channel-settings.js";

export const settings = chatCommand({
  name: "settings",
  aliases: ["config"],
  usage: "settings",
  summary: "this channel's roundup settings",
  args: z.object({}),
  run: (_args, on) => [settingsReply(currentSettings(on))],
});
