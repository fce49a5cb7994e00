/** `roundup [YYYY-MM-DD]`: a day's papers grouped by topic, with this channel's filters. */
import { z } from "zod";
import { ErrorCode } from "../../errors.js";
import { markDiscussed } from "../../memory/roundup-marks.js";
import { yieldToLoop } from "../../time-slices.js";
import { IsoDateSchema } from "../../validators.js";
import { chatCommand } from "../command.js";
import { notice } from "../replies.js";
import { buildRoundup } from "../roundup.js";
import { words } from "./args.js";

export const roundup = chatCommand({
  name: "roundup",
  usage: "roundup [YYYY-MM-DD]",
  summary: "a day's papers grouped by topic",
  args: z.object({ date: IsoDateSchema.optional() }),
  parse: (rest) => (rest ? { date: words(rest)[0] } : {}),
  options: [{ name: "date", kind: "date", description: "The day (YYYY-MM-DD); default the newest" }],
  async run(args, { engine, ctx, channelDefaults }) {
    const date = args.date ?? engine.latestDay();
    if (!date) return [notice("The archive is empty: no digest has been ingested yet.")];
    if (engine.dayPage(date, 0, 0).total === 0)
      return [notice(`No digest for ${date} in the archive.`, "warning", ErrorCode.UnknownDay)];
    const ref = { platform: ctx.platform, channel: ctx.channel };
    const { filters } = engine.channelSettings(ref, channelDefaults);
    // Off the main thread in serve: a large day must not stall everyone else's commands.
    const roundup = await engine.prepareRoundup(date);
    // The worker's answer (500 papers) was read and assembled in this turn; building the reply
    // (ordered for the channel when its people reacted to papers: src/interests) is the next,
    // marking the papers this channel already discussed, with a link there, the one after.
    await yieldToLoop();
    const reply = buildRoundup(engine, date, { filters, roundup, forChannel: ref });
    await yieldToLoop();
    return [markDiscussed(engine, reply, ref)];
  },
});
