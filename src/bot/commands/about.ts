/** `about`: which paperboy this is and what its archive holds, so a team knows what it can ask. */
import { z } from "zod";
import { VERSION } from "../../paths.js";
import { chatCommand } from "../command.js";
import { notice } from "../replies.js";

export const about = chatCommand({
  name: "about",
  aliases: ["stats", "version"],
  usage: "about",
  summary: "this paperboy's version and what its archive holds",
  args: z.object({}),
  run(_args, { engine }) {
    const s = engine.archiveStats();
    const archive =
      s.papers === 0
        ? "The archive is empty: no digest has been ingested yet."
        : `Archive: ${s.papers} paper${s.papers === 1 ? "" : "s"} from ${s.days} digest day${s.days === 1 ? "" : "s"}, ${s.firstDay} to ${s.lastDay}; the newest is ${s.lastDay}.`;
    return [notice(`paperboy ${VERSION}. ${archive}`)];
  },
});
