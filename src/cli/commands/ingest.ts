import { FORMATS, type FormatOption } from "../../digest/parse.js";
import { UsageError } from "../../errors.js";
import type { Command } from "../command.js";

export const ingest: Command = {
  name: "ingest",
  summary: "store digest files (page text, HF API JSON, or a paperboy export) in the archive",
  usage: "ingest <file|dir|->... [--date YYYY-MM-DD] [--format auto|page|hf-api|jsonl]",
  options: { date: { type: "string" }, format: { type: "string", default: "auto" } },
  args: { min: 1 },
  run(ctx, args, values) {
    const format = values.format as string;
    if (!FORMATS.includes(format as FormatOption)) {
      throw new UsageError(`--format "${format}" is not one of ${FORMATS.join(", ")}`);
    }
    const engine = ctx.engine();
    const report = engine.ingest(args, {
      date: values.date as string | undefined,
      format: format as FormatOption,
      // Progress for long runs goes to stderr, so `--json` keeps stdout to one document.
      onFile: (f, i, n) => {
        if (n > 1 && !f.error) ctx.io.stderr(`[${i + 1}/${n}] ${f.path}: ${f.papers} papers for ${f.date}\n`);
      },
    });
    if (ctx.json) {
      ctx.printJson({
        files: report.files.map(({ changed: _changed, ...f }) => f),
        total: report.total,
      });
    } else {
      for (const f of report.files) {
        if (f.error) continue;
        ctx.print(
          `${f.path}: ${f.papers} papers for ${f.date} (${f.format}): ${f.added} added, ${f.updated} already archived` +
            (f.duplicates ? `, ${f.duplicates} repeated entries` : ""),
        );
        for (const w of f.warnings) ctx.print(`  warning: ${w}`);
      }
      ctx.print(`total: ${report.total} papers in ${report.files.length - report.failed} file(s)`);
    }
    for (const f of report.files) {
      if (f.error) ctx.io.stderr(`paperboy: ingest: ${f.error.message} [${f.error.code}]\n`);
    }
    return report.failed ? 1 : 0;
  },
};
