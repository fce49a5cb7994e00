/** `unwatch <n>|all`: stop one of this channel's watches (or all of them). */
import { z } from "zod";
import { watchLabel } from "../../alerts/alerts.js";
import { WatchStore } from "../../archive/watches.js";
import { ErrorCode, PaperboyError } from "../../errors.js";
import { displayName, personOf } from "../../memory/people.js";
import { chatCommand } from "../command.js";
import { announce, notice } from "../replies.js";
import { words } from "./args.js";

export const unwatch = chatCommand({
  name: "unwatch",
  usage: "unwatch <n>|all",
  summary: "stop one of this channel's watches",
  args: z.object({
    which: z
      .string()
      .trim()
      .regex(/^(?:\d{1,6}|all)$/i, "must be a watch's number (`watches` lists them) or `all`"),
  }),
  parse: (rest) => ({ which: (words(rest)[0] ?? "").replace(/^#/, "") }),
  options: [
    { name: "which", kind: "text", description: "The watch's number, or all", required: true, maxLength: 6 },
  ],
  run({ which }, { engine, ctx }) {
    const store = engine.store(WatchStore);
    const place = { platform: ctx.platform, channel: ctx.channel };
    const who = displayName(personOf(ctx));
    if (which.toLowerCase() === "all") {
      const removed = store.removeAll(place);
      if (removed === 0) return [notice("This channel watches nothing; nothing changed.")];
      return [announce(`${who} removed all ${removed} watch${removed === 1 ? "" : "es"} of this channel.`)];
    }
    const removed = store.remove(place, Number(which));
    if (!removed)
      throw new PaperboyError(
        ErrorCode.UnknownWatch,
        `this channel has no watch #${which}; \`watches\` lists its watches`,
      );
    return [announce(`${who} stopped watching ${watchLabel(removed)} here.`)];
  },
});
