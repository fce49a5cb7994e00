/**
 * `watch <words> [since:D] [until:D] [has:code]`: a saved search. When a digest arrives, the new
 * papers that match it (src/alerts: the watch model's probability at its threshold) are posted in
 * this channel, once each. The reply shows what it would have matched on the newest digest day, so
 * a watch too broad or too narrow shows at once.
 */
import { z } from "zod";
import { alertReply, watchLabel } from "../../alerts/alerts.js";
import { matchWatches } from "../../alerts/matcher.js";
import { relevanceContext } from "../../alerts/relevance-context.js";
import { shippedWatchModel } from "../../alerts/watch-model.js";
import { WATCH_QUERY_MAX, type Watch, WatchStore } from "../../archive/watches.js";
import { parsePaperRef } from "../../digest/identity.js";
import { ErrorCode, PaperboyError } from "../../errors.js";
import { displayName, personOf } from "../../memory/people.js";
import { IsoDateSchema } from "../../validators.js";
import { chatCommand } from "../command.js";
import { announce, notice, type Reply } from "../replies.js";
import { FLAG, words } from "./args.js";

const Args = z
  .object({
    query: z
      .string()
      .trim()
      .min(1, "needs some words to watch for, e.g. `watch sparse attention`")
      .max(
        WATCH_QUERY_MAX,
        `is longer than a watch keeps (${WATCH_QUERY_MAX} characters); use its key words`,
      ),
    since: IsoDateSchema.optional(),
    until: IsoDateSchema.optional(),
    hasCode: z.boolean().optional(),
  })
  .refine((a) => !a.since || !a.until || a.since <= a.until, {
    message: "since: is after until:; swap the two dates or drop one",
  });

/** The same words and filters as `search`. */
export function parseSearchLike(rest: string): Record<string, unknown> {
  const query: string[] = [];
  const args: Record<string, unknown> = {};
  for (const t of words(rest)) {
    if (t === "--has-code") {
      args.hasCode = true;
      continue;
    }
    const f = FLAG.exec(t);
    const key = f?.[1]?.toLowerCase();
    if (f && key === "has" && (f[2] as string).toLowerCase() === "code") args.hasCode = true;
    else if (f && (key === "since" || key === "until")) args[key] = f[2];
    else query.push(t);
  }
  args.query = query.join(" ");
  return args;
}

export const watch = chatCommand({
  name: "watch",
  aliases: ["alert"],
  usage: "watch <words> [since:YYYY-MM-DD] [until:YYYY-MM-DD] [has:code]",
  summary: "post new papers matching these words here when a digest arrives",
  args: Args,
  parse: parseSearchLike,
  options: [
    {
      name: "query",
      kind: "text",
      description: "Words to watch for",
      required: true,
      maxLength: WATCH_QUERY_MAX,
    },
    { name: "since", kind: "date", description: "Only papers from this day on (YYYY-MM-DD)" },
    { name: "until", kind: "date", description: "Only papers up to this day (YYYY-MM-DD)" },
    { name: "has_code", arg: "hasCode", kind: "flag", description: "Only papers that link to code" },
  ],
  run(args, { engine, ctx }) {
    if (words(args.query).every((w) => parsePaperRef(w) !== null))
      throw new PaperboyError(
        ErrorCode.QueryInvalid,
        "a watch looks for new papers by their words, and a paper id names one paper already here; watch its topic instead, or `queue add <id>` to keep the paper",
      );
    const context = relevanceContext(engine.searchService.scoringParts());
    if (!context.watch(args.query))
      throw new PaperboyError(
        ErrorCode.QueryInvalid,
        `"${args.query}" has only common words (like "the", "of") that matching ignores; add a distinctive word, e.g. a method, task or dataset name`,
      );
    const place = { platform: ctx.platform, workspace: ctx.workspace, channel: ctx.channel };
    const filters = {
      ...(args.since ? { since: args.since } : {}),
      ...(args.until ? { until: args.until } : {}),
      ...(args.hasCode ? { hasCode: true } : {}),
    };
    const store = engine.store(WatchStore);
    const outcome = store.add(place, args.query, filters, personOf(ctx));
    if ("existing" in outcome)
      return [
        notice(`This channel already watches ${watchLabel(outcome.existing)}; \`watches\` lists them all.`),
      ];
    const w = outcome.added;
    const replies: Reply[] = [
      announce(
        `${displayName(w.createdBy)} is watching ${watchLabel(w)} here. New papers that match are posted here when a digest arrives, once each; \`unwatch ${w.n}\` stops it.`,
      ),
    ];
    replies.push(preview(engine, w, context));
    return replies;
  },
});

/** What the watch would have matched on the newest digest day: shows at once whether it is too broad. */
function preview(
  engine: Parameters<typeof alertReply>[0],
  w: Watch,
  context: ReturnType<typeof relevanceContext>,
): Reply {
  const day = engine.latestDay();
  if (!day) return notice("The archive has no digest yet: the first one will be matched when it arrives.");
  const pks = engine.papers.dayPks(day);
  const papers = engine.papersAt(pks).map((p, i) => ({
    pk: pks[i] as number,
    date: p.date,
    hasCode: p.code.length > 0,
    createdAt: "",
  }));
  const hits =
    matchWatches(
      context,
      shippedWatchModel(),
      [{ key: "preview", query: w.query, createdAt: "", ...w.filters }],
      papers,
    ).get("preview") ?? [];
  if (hits.length === 0)
    return notice(
      `On the newest digest day (${day}) it would have matched none of ${pks.length} papers. A watch matches a paper that is about its words, not one that only mentions them; a broader phrase matches more.`,
    );
  const list = alertReply(
    engine,
    day,
    hits.map((h) => ({ paperPk: h.pk, watches: [w.n], score: h.score })),
    [w],
  );
  list.title = `On the newest digest day (${day}) it would have matched ${hits.length} of ${pks.length} papers`;
  delete list.next;
  return list;
}
