/**
 * `more`: the next page of the last list this user asked for here (a search, a day's papers),
 * what that list's "More" button does, for those who type. With no list to continue it says what
 * `more` is for rather than guessing at another command.
 */
import { z } from "zod";
import { chatCommand } from "../command.js";
import { notice } from "../replies.js";

export const more = chatCommand({
  name: "more",
  aliases: ["next"],
  usage: "more",
  summary: "the next page of the last list you asked for here",
  // Lists carry a "More" button on platforms with declared commands.
  declared: false,
  args: z.object({}),
  run(_args, on) {
    if (on.continuation) return on.dispatch(on.continuation);
    return [
      notice(
        "There is no list to continue here: `more` shows the next page of the last `search`, `today` or `day` list you asked for in this place. Try `search <words>` or `today`.",
      ),
    ];
  },
});
