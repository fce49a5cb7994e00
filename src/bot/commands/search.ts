/** `search <words> [since:D] [until:D] [has:code]`: ranked papers with snippets, paged by "More". */
import { z } from "zod";
import { NOTE_HITS } from "../../memory/limits.js";
import { NotesSearch } from "../../memory/notes-search.js";
import { yieldToLoop } from "../../time-slices.js";
import { IsoDateSchema } from "../../validators.js";
import { paperLite } from "../cards.js";
import { type CommandRun, chatCommand } from "../command.js";
import type { ResultList } from "../replies.js";
import { FLAG, Offset, words } from "./args.js";

const Args = z
  .object({
    query: z.string().trim().min(1, "needs some words to search for"),
    since: IsoDateSchema.optional(),
    until: IsoDateSchema.optional(),
    hasCode: z.boolean().optional(),
    offset: Offset,
  })
  // Said here in chat words: the engine's own check names the CLI's --since and --until.
  .refine((a) => !a.since || !a.until || a.since <= a.until, {
    message: "since: is after until:; swap the two dates or drop one",
  });

function parse(rest: string): Record<string, unknown> {
  const query: string[] = [];
  const args: Record<string, unknown> = {};
  const tokens = words(rest);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t === "--has-code") {
      args.hasCode = true;
      continue;
    }
    if ((t === "--since" || t === "--until" || t === "--offset") && tokens[i + 1]) {
      const key = t.slice(2);
      args[key] = key === "offset" ? Number(tokens[++i]) : tokens[++i];
      continue;
    }
    const f = FLAG.exec(t);
    if (f) {
      const key = (f[1] as string).toLowerCase();
      const value = f[2] as string;
      if (key === "has") {
        if (value.toLowerCase() === "code") args.hasCode = true;
        else query.push(t);
      } else args[key] = key === "offset" ? Number(value) : value;
      continue;
    }
    query.push(t);
  }
  args.query = query.join(" ");
  return args;
}

export const search = chatCommand({
  name: "search",
  aliases: ["find", "s"],
  usage: "search <words> [since:YYYY-MM-DD] [until:YYYY-MM-DD] [has:code]",
  summary: "search the archive",
  args: Args,
  parse,
  options: [
    { name: "query", kind: "text", description: "Words to search for", required: true, maxLength: 200 },
    { name: "since", kind: "date", description: "Only papers from this day on (YYYY-MM-DD)" },
    { name: "until", kind: "date", description: "Only papers up to this day (YYYY-MM-DD)" },
    { name: "has_code", arg: "hasCode", kind: "flag", description: "Only papers that link to code" },
  ],
  async run(args, on) {
    const { engine, pageSize } = on;
    const result = engine.search({
      text: args.query,
      since: args.since,
      until: args.until,
      hasCode: args.hasCode,
      limit: pageSize,
      offset: args.offset,
    });
    // The ranking above is one turn of the event loop; reading the page and its TL;DRs the next.
    await yieldToLoop();
    const papers = engine.papersAt(result.results.map((r) => r.pk));
    // By id: a paper removed meanwhile is left out, and the others keep their own snippets.
    const hits = new Map(result.results.map((r) => [r.id, r]));
    await engine.prepareSummaries(papers);
    const list: ResultList = {
      kind: "results",
      title: `Search: "${args.query}"`,
      items: papers.map((p) =>
        paperLite(engine, p, { snippet: hits.get(p.id)?.snippet, score: hits.get(p.id)?.score }),
      ),
      total: result.total,
      offset: args.offset,
      emptyText: "No papers match.",
    };
    if (result.didYouMean) list.didYouMean = result.didYouMean;
    if (result.nextOffset !== undefined) {
      const filters = [
        args.since ? `since:${args.since}` : "",
        args.until ? `until:${args.until}` : "",
        args.hasCode ? "has:code" : "",
        `offset:${result.nextOffset}`,
      ].filter(Boolean);
      list.next = { kind: "more", label: "More", command: `search ${args.query} ${filters.join(" ")}` };
    }
    return [...noteMatches(args, on), list];
  },
});

/**
 * The channel's own notes find papers too: a short list "from this channel's notes" before the
 * ranked results, on the first page only, with the same date and code filters.
 */
function noteMatches(args: z.output<typeof Args>, { engine, ctx }: CommandRun): ResultList[] {
  if (args.offset > 0) return [];
  const hits = engine
    .store(NotesSearch)
    .search({ platform: ctx.platform, channel: ctx.channel }, args.query, NOTE_HITS * 4);
  const byId = new Map(hits.map((h) => [h.paperId, h]));
  const items = engine
    .papersAt(hits.map((h) => h.paperPk))
    .filter((p) => (!args.since || p.date >= args.since) && (!args.until || p.date <= args.until))
    .filter((p) => !args.hasCode || p.code.length > 0)
    .slice(0, NOTE_HITS)
    .map((p) => ({ ...paperLite(engine, p, { tldr: false }), fromNote: byId.get(p.id)?.note.text ?? "" }));
  if (items.length === 0) return [];
  return [
    {
      kind: "results",
      title: `From this channel's notes: "${args.query}"`,
      items,
      total: items.length,
      offset: 0,
    },
  ];
}
