/** `settings`: this channel's roundup settings, and the interests its reactions taught. */
import { z } from "zod";
import { interestSummary } from "../../interests/channel-interests.js";
import { chatCommand } from "../command.js";
import { channelSettingsReply, currentSettings } from "./channel-settings.js";

export const settings = chatCommand({
  name: "settings",
  aliases: ["config"],
  usage: "settings",
  summary:
    "this channel's roundup, weekly digest, quiet-day and watch settings, and what its reactions taught",
  args: z.object({}),
  run(_args, on) {
    const reply = channelSettingsReply(on, currentSettings(on));
    const interests = interestSummary(on.engine, on.ctx, on.ctx.at);
    if (interests.likes + interests.stars + interests.dislikes > 0) reply.interests = interests;
    return [reply];
  },
});
