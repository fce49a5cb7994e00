/**
 * `trends [weeks]`: a chart of the archive's topics over the last weeks (papers per topic per
 * week, src/trends), sent as an image: uploaded on Slack, attached on Discord, written to a file on
 * the console.
 */
import { z } from "zod";
import { WatchStore } from "../../archive/watches.js";
import { renderTrendsPng } from "../../trends/chart.js";
import { DEFAULT_WEEKS, MAX_WEEKS, MIN_WEEKS, topicTrends } from "../../trends/trends.js";
import { chatCommand } from "../command.js";
import { type FileReply, notice } from "../replies.js";
import { words } from "./args.js";

export const trends = chatCommand({
  name: "trends",
  aliases: ["trend"],
  usage: "trends [weeks]",
  summary: `a chart of the archive's topics over the last weeks (${MIN_WEEKS}–${MAX_WEEKS}, default ${DEFAULT_WEEKS})`,
  args: z.object({
    weeks: z.coerce
      .number({ error: "must be a number of weeks" })
      .int("must be a whole number of weeks")
      .min(MIN_WEEKS, `must be at least ${MIN_WEEKS}`)
      .max(MAX_WEEKS, `must be at most ${MAX_WEEKS}`)
      .default(DEFAULT_WEEKS),
  }),
  parse: (rest) => {
    const first = words(rest)[0]
      ?.replace(/^--?weeks[=:]?/i, "")
      .replace(/w(eeks?)?$/i, "");
    return first === undefined || first === "" ? {} : { weeks: first };
  },
  options: [
    {
      name: "weeks",
      kind: "text",
      description: `How many weeks back (${MIN_WEEKS}–${MAX_WEEKS}; default ${DEFAULT_WEEKS})`,
    },
  ],
  async run(args, { engine, ctx }) {
    // The channel's watches are highlighted, as in the weekly digest.
    const watched = engine
      .store(WatchStore)
      .list({ platform: ctx.platform, channel: ctx.channel })
      .map((w) => w.query);
    const data = topicTrends(engine, { weeks: args.weeks, watched });
    if (data.papers === 0)
      return [
        notice(
          `No papers in the last ${args.weeks} weeks of the archive (up to ${data.weeks.at(-1)?.end}); try more weeks.`,
        ),
      ];
    const png = await renderTrendsPng(data);
    const last = data.weeks.at(-1)?.end ?? "";
    const top = data.lines
      .slice()
      .sort((a, b) => b.total - a.total)
      .slice(0, 3)
      .map((l) => `${l.label} (${l.total})`);
    const reply: FileReply = {
      kind: "file",
      text: `Topics per week, ${data.weeks[0]?.start} to ${last}: ${data.papers} papers; most: ${top.join(", ")}`,
      files: [{ name: `paperboy-trends-${last}.png`, mediaType: "image/png", content: png }],
    };
    return [reply];
  },
});
