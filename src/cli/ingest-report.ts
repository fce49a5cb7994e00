/** How `ingest` and `fetch` report what they stored: the contract's JSON, or a line a file. */
import type { IngestReport } from "../ingest.js";
import type { CommandContext } from "./command.js";

/** Prints the report and each failed file's error line; returns the exit status. */
export function printIngestReport(ctx: CommandContext, command: string, report: IngestReport): number {
  if (ctx.json) {
    ctx.printJson({ files: report.files.map(({ changed: _changed, ...f }) => f), total: report.total });
  } else {
    for (const f of report.files) {
      if (f.error) continue;
      const day = f.until ? `${f.date} … ${f.until} (${f.days} days)` : f.date;
      ctx.print(
        `${f.path}: ${f.papers} papers for ${day} (${f.format}): ${f.added} added, ${f.updated} already archived` +
          (f.duplicates ? `, ${f.duplicates} repeated entries` : ""),
      );
      for (const w of f.warnings) ctx.print(`  warning: ${w}`);
    }
    ctx.print(`total: ${report.total} papers in ${report.files.length - report.failed} file(s)`);
  }
  for (const f of report.files) {
    if (f.error) ctx.io.stderr(`paperboy: ${command}: ${f.error.message} [${f.error.code}]\n`);
  }
  return report.failed ? 1 : 0;
}
