import { ChannelDataStore } from "../../archive/channel-data.js";
import { PaperHistoryStore } from "../../archive/paper-history.js";
import { dateInZone, isIsoDate } from "../../clock.js";
import { InvalidArgumentError, UsageError } from "../../errors.js";
import {
  collectNotes,
  collectQueue,
  collectThread,
  collectWeek,
  type ExportDoc,
  type ExportScope,
} from "../../memory/export/collect.js";
import { exportFiles } from "../../memory/export/files.js";
import type { Paperboy } from "../../paperboy.js";
import type { Command, CommandContext, OptionValues } from "../command.js";
import { exportJson } from "../json.js";

/** Threads named by their platform id, or every discussion of a paper named by its id. */
function threadDocs(engine: Paperboy, id: string, scope: ExportScope): ExportDoc[] {
  const history = engine.store(PaperHistoryStore);
  const bound = history.findThreads(scope, { thread: id });
  if (bound.length) return bound.map((t) => collectThread(engine, t));
  const paper = engine.paper(id);
  const threads = history.findThreads(scope, { paperPk: engine.papers.resolve(paper.id) as number });
  if (threads.length === 0)
    throw new InvalidArgumentError(
      `no discussion thread "${id}", and no discussion of paper ${paper.id}${scope.channel ? ` in ${scope.channel}` : ""}; \`discuss ${paper.id}\` in chat opens one`,
      { key: "--thread" },
    );
  return threads.map((t) => collectThread(engine, t));
}

/** `export --notes|--queue|--thread <id>|--week [D]`: the team memory as Markdown or BibTeX on stdout. */
function exportMemory(ctx: CommandContext, values: OptionValues): number {
  if (ctx.json)
    throw new UsageError(
      "--json does not apply to --notes, --queue, --thread or --week: they write Markdown or BibTeX",
    );
  const format = (values.format as string | undefined) ?? "md";
  if (format !== "md" && format !== "bib") throw new UsageError(`--format "${format}" is not md or bib`);
  const chosen = ["notes", "queue", "thread", "week"].filter(
    (k) => values[k] !== undefined && values[k] !== false,
  );
  if (chosen.length > 1) throw new UsageError(`choose one of --${chosen.join(", --")}`);
  const engine = ctx.engine();
  const spec = values.channel as string | undefined;
  const key = spec ? engine.store(ChannelDataStore).resolve(spec) : null;
  const scope: ExportScope = key
    ? { ...key, label: `channel ${key.channel} on ${key.platform}` }
    : { label: "every channel" };
  let docs: ExportDoc[];
  if (values.notes) docs = [collectNotes(engine, scope, Number.POSITIVE_INFINITY)];
  else if (values.queue) docs = [collectQueue(engine, scope, Number.POSITIVE_INFINITY)];
  else if (values.thread !== undefined) docs = threadDocs(engine, String(values.thread), scope);
  else {
    const until =
      values.week === true || values.week === ""
        ? dateInZone(ctx.clock.now(), engine.timeZone)
        : String(values.week);
    if (!isIsoDate(until))
      throw new InvalidArgumentError(`--week "${until}" is not a date; write it as YYYY-MM-DD`);
    docs = [collectWeek(engine, scope, until, Number.POSITIVE_INFINITY)];
  }
  for (const doc of docs) for (const f of exportFiles(doc, format)) ctx.io.stdout(f.content);
  return 0;
}

export const exportCommand: Command = {
  name: "export",
  summary:
    "write the archive as JSON lines (default) or one JSON document; `ingest` reads it back. With --notes, --queue, --thread or --week: the team memory as Markdown or BibTeX",
  usage:
    "export [--format json|jsonl] [--since YYYY-MM-DD] [--until YYYY-MM-DD] | export --notes|--queue|--thread <id>|--week <YYYY-MM-DD> [--channel C] --format md|bib",
  options: {
    format: { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
    notes: { type: "boolean" },
    queue: { type: "boolean" },
    thread: { type: "string" },
    week: { type: "string" },
    channel: { type: "string" },
  },
  args: { min: 0, max: 0 },
  run(ctx, _args, values) {
    if (values.notes || values.queue || values.thread !== undefined || values.week !== undefined)
      return exportMemory(ctx, values);
    if (values.channel !== undefined)
      throw new UsageError("--channel goes with --notes, --queue, --thread or --week");
    // `--json` promises one document, so it picks the json form unless jsonl is asked for by name.
    const format = (values.format as string | undefined) ?? (ctx.json ? "json" : "jsonl");
    if (format !== "json" && format !== "jsonl")
      throw new UsageError(`--format "${format}" is not json or jsonl`);
    for (const key of ["since", "until"] as const) {
      const v = values[key] as string | undefined;
      if (v !== undefined && !isIsoDate(v))
        throw new InvalidArgumentError(`--${key} "${v}" is not a date; write it as YYYY-MM-DD`);
    }
    const engine = ctx.engine();
    const pks = engine.papers.pksInRange(
      values.since as string | undefined,
      values.until as string | undefined,
    );
    // jsonl streams in chunks so a large archive never sits in memory as one string.
    const rows: unknown[] = [];
    for (let i = 0; i < pks.length; i += 1000) {
      for (const paper of engine.papers.byPks(pks.slice(i, i + 1000))) {
        const line = exportJson(paper, engine.summary(paper));
        if (format === "jsonl") ctx.io.stdout(`${JSON.stringify(line)}\n`);
        else rows.push(line);
      }
    }
    if (format === "json") ctx.printJson({ papers: rows });
    return 0;
  },
};
