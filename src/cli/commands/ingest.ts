import { FORMATS, type FormatOption } from "../../digest/parse.js";
import { UsageError } from "../../errors.js";
import type { Command } from "../command.js";
import { printIngestReport } from "../ingest-report.js";
import { readAll } from "../io.js";

export const ingest: Command = {
  name: "ingest",
  summary: "store digest files (page text, HF API JSON, or a paperboy export) in the archive",
  usage: "ingest <file|dir|->... [--date YYYY-MM-DD] [--format auto|page|hf-api|jsonl]",
  options: { date: { type: "string" }, format: { type: "string", default: "auto" } },
  args: { min: 1 },
  async run(ctx, args, values) {
    const format = values.format as string;
    if (!FORMATS.includes(format as FormatOption)) {
      throw new UsageError(`--format "${format}" is not one of ${FORMATS.join(", ")}`);
    }
    let stdin: Uint8Array | undefined;
    if (args.includes("-") && ctx.io.stdin) {
      if ((ctx.io.stdin as { isTTY?: boolean }).isTTY) {
        ctx.io.stderr("reading a digest from the terminal; end it with Ctrl-D\n");
      }
      stdin = await readAll(ctx.io.stdin);
    }
    const engine = ctx.engine();
    const report = engine.ingest(args, {
      stdin,
      date: values.date as string | undefined,
      format: format as FormatOption,
      // Progress for long runs goes to stderr, so `--json` keeps stdout to one document.
      onFile: (f, i, n) => {
        if (n > 1 && !f.error) ctx.io.stderr(`[${i + 1}/${n}] ${f.path}: ${f.papers} papers for ${f.date}\n`);
      },
    });
    return printIngestReport(ctx, "ingest", report);
  },
};
