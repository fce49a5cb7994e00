/**
 * `interests [reset]`: what this channel's reactions taught paperboy (👍 ⭐ 👎 on a paper's card),
 * which orders its roundups; `interests reset` forgets it.
 */
import { z } from "zod";
import { interestSummary, resetInterests } from "../../interests/channel-interests.js";
import { chatCommand } from "../command.js";
import { announce, interestsLine, notice } from "../replies.js";
import { words } from "./args.js";

const HOW =
  "React 👍 (more like this), ⭐ (especially this) or 👎 (less like this) on a paper's card — `show <id>`, a TL;DR button, a discussion — and the next roundups put what this channel likes first.";

export const interests = chatCommand({
  name: "interests",
  usage: "interests [reset]",
  summary: "what this channel's reactions taught the roundups; reset forgets it",
  args: z.object({
    action: z.enum(["show", "reset"], { error: "must be `reset`, or nothing to see them" }).default("show"),
  }),
  // Anything but `reset` is refused by name rather than read as a plain `interests`.
  parse: (rest) => {
    const first = words(rest)[0]?.toLowerCase();
    return first === undefined ? {} : { action: first === "clear" ? "reset" : first };
  },
  options: [
    {
      name: "action",
      kind: "text",
      description: "reset: forget what this channel's reactions taught",
      choices: ["show", "reset"],
    },
  ],
  run(args, { engine, ctx }) {
    const where = { platform: ctx.platform, channel: ctx.channel };
    if (args.action === "reset") {
      const n = resetInterests(engine, where);
      return [
        n
          ? announce(
              `${ctx.userName ?? ctx.user} reset this channel's interests (${n} reaction${n === 1 ? "" : "s"} forgotten): roundups are in the source's order again until new reactions come.`,
            )
          : notice("This channel has no interests to reset: nobody has reacted to a paper here yet."),
      ];
    }
    const summary = interestSummary(engine, where, ctx.at);
    if (summary.likes + summary.stars + summary.dislikes === 0)
      return [notice(`This channel has taught paperboy nothing yet. ${HOW}`)];
    return [notice(interestsLine(summary))];
  },
});
