/**
 * `export thread|notes|queue|week [YYYY-MM-DD] [md|bib]`: the channel's memory as files, Markdown
 * (title, link, TL;DR, notes, the discussions' questions and answers) and BibTeX, sent the way the
 * platform sends files. Inside a discussion thread, `export` alone exports that thread.
 */
import { z } from "zod";
import { dateInZone } from "../../clock.js";
import { ErrorCode, PaperboyError } from "../../errors.js";
import {
  collectNotes,
  collectQueue,
  collectThread,
  collectWeek,
  type ExportScope,
} from "../../memory/export/collect.js";
import { EXPORT_FORMATS, exportFiles, fileStem } from "../../memory/export/files.js";
import { EXPORT_MAX_PAPERS } from "../../memory/limits.js";
import { IsoDateSchema } from "../../validators.js";
import { chatCommand } from "../command.js";
import type { FileReply } from "../replies.js";
import { words } from "./args.js";

const WHAT = ["thread", "notes", "queue", "week"] as const;

function parse(rest: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of words(rest)) {
    const w = t.toLowerCase().replace(/^--?/, "");
    if ((EXPORT_FORMATS as readonly string[]).includes(w) || w === "markdown" || w === "bibtex")
      out.format = w === "markdown" ? "md" : w === "bibtex" ? "bib" : w;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(t)) out.date = t;
    else out.what ??= w;
  }
  return out;
}

export const exportCommand = chatCommand({
  name: "export",
  usage: "export thread|notes|queue|week [YYYY-MM-DD] [md|bib]",
  summary: "the channel's notes, queue, a discussion or a week, as Markdown and BibTeX files",
  args: z.object({
    what: z.enum(WHAT, { error: `must be one of ${WHAT.join(", ")}` }).optional(),
    date: IsoDateSchema.optional(),
    format: z.enum(EXPORT_FORMATS, { error: "must be md, bib or both" }).default("both"),
  }),
  parse,
  options: [
    { name: "what", kind: "text", description: "What to export", choices: WHAT, required: true },
    { name: "date", kind: "date", description: "With week: the week's last day (YYYY-MM-DD; default today)" },
    {
      name: "format",
      kind: "text",
      description: "Markdown, BibTeX or both (default)",
      choices: EXPORT_FORMATS,
    },
  ],
  run(args, { engine, ctx, thread }) {
    const what = args.what ?? (thread ? "thread" : undefined);
    if (!what)
      throw new PaperboyError(
        ErrorCode.InvalidArgument,
        "say what to export: `export notes`, `export queue`, `export week [YYYY-MM-DD]`, or `export thread` inside a discussion thread",
      );
    const scope: ExportScope = {
      platform: ctx.platform,
      channel: ctx.channel,
      label: `channel ${ctx.channel} on ${ctx.platform}`,
    };
    let doc: ReturnType<typeof collectNotes>;
    if (what === "thread") {
      if (!thread || !ctx.thread)
        throw new PaperboyError(
          ErrorCode.InvalidArgument,
          "`export thread` works inside a discussion thread (open one with `discuss <id>`); elsewhere try `export notes` or `export week`",
        );
      doc = collectThread(engine, { platform: ctx.platform, channel: ctx.channel, thread: ctx.thread });
    } else if (what === "notes") doc = collectNotes(engine, scope, EXPORT_MAX_PAPERS);
    else if (what === "queue") doc = collectQueue(engine, scope, EXPORT_MAX_PAPERS);
    else
      doc = collectWeek(engine, scope, args.date ?? dateInZone(ctx.at, engine.timeZone), EXPORT_MAX_PAPERS);
    const files = exportFiles(doc, args.format, fileStem(doc));
    const reply: FileReply = {
      kind: "file",
      text: `${doc.title}: ${doc.papers.length} paper${doc.papers.length === 1 ? "" : "s"} (${files.map((f) => f.name).join(", ")})`,
      files,
    };
    return [reply];
  },
});
