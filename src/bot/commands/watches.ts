/** `watches [n]`: this channel's saved searches, or the papers watch n has found so far. */
import { z } from "zod";
import { watchLabel } from "../../alerts/alerts.js";
import { WATCHES_MAX, WatchStore } from "../../archive/watches.js";
import { ErrorCode, PaperboyError } from "../../errors.js";
import { displayName } from "../../memory/people.js";
import { paperLite } from "../cards.js";
import { chatCommand } from "../command.js";
import { notice, type ResultList } from "../replies.js";
import { words } from "./args.js";

/** Papers `watches <n>` lists: the newest finds. */
export const WATCH_FINDS_SHOWN = 10;

export const watches = chatCommand({
  name: "watches",
  aliases: ["alerts"],
  usage: "watches [<n>]",
  summary: "this channel's watches, or what watch n has found",
  args: z.object({
    n: z.coerce.number({ error: "must be a watch's number, e.g. `watches 2`" }).int().min(1).optional(),
  }),
  parse: (rest) => {
    const first = words(rest)[0];
    return first ? { n: first.replace(/^#/, "") } : {};
  },
  options: [{ name: "n", kind: "text", description: "A watch's number: the papers it found", maxLength: 6 }],
  run({ n }, { engine, ctx }) {
    const store = engine.store(WatchStore);
    const place = { platform: ctx.platform, channel: ctx.channel };
    if (n === undefined) {
      const list = store.list(place);
      if (list.length === 0)
        return [
          notice(
            "This channel watches nothing yet. `watch <words>` posts new papers about them here when a digest arrives (`has:code` for papers with code).",
          ),
        ];
      const lines = list.map(
        (w) => `${watchLabel(w)} (by ${displayName(w.createdBy)}, ${w.createdAt.slice(0, 10)})`,
      );
      const found = store.alertedCount(place);
      return [
        notice(
          [
            `Watches in this channel (${list.length} of at most ${WATCHES_MAX}):`,
            ...lines,
            `${found} paper${found === 1 ? "" : "s"} alerted here so far. \`watches <n>\` shows what one found; \`unwatch <n>\` removes it.`,
          ].join("\n"),
        ),
      ];
    }
    const w = store.get(place, n);
    if (!w)
      throw new PaperboyError(
        ErrorCode.UnknownWatch,
        `this channel has no watch #${n}; \`watches\` lists its watches`,
      );
    const finds = store.alertedFor(place, n, WATCH_FINDS_SHOWN);
    const papers = engine.papersAt(finds.papers.map((m) => m.paperPk));
    const list: ResultList = {
      kind: "results",
      title: `Found by watch ${watchLabel(w)}`,
      items: papers.map((p) => paperLite(engine, p)),
      total: finds.total,
      offset: 0,
      emptyText: "Nothing yet: new papers that match are posted here when a digest arrives.",
    };
    return [list];
  },
});
