/** `paperboy fetch [--date D]`: pull one day from the configured source and ingest it. */
import { loadConfig } from "../../../config/load.js";
import { dateInZone, isIsoDate } from "../../clock.js";
import { InvalidArgumentError } from "../../errors.js";
import type { Random, Sleep } from "../../fetch/backoff.js";
import { createSource } from "../../fetch/create-source.js";
import { fetchAndIngest } from "../../fetch/fetch-day.js";
import type { Command } from "../command.js";

export interface FetchCommandDeps {
  sleep?: Sleep;
  random?: Random;
}

export function createFetchCommand(deps: FetchCommandDeps = {}): Command {
  return {
    name: "fetch",
    summary: "pull one day from the configured source (Hugging Face API or a folder) and ingest it",
    usage: "fetch [--date YYYY-MM-DD]",
    options: { date: { type: "string" } },
    args: { min: 0, max: 0 },
    async run(ctx, _args, values) {
      const config = loadConfig({ file: ctx.configPath, env: ctx.io.env });
      const given = values.date as string | undefined;
      if (given !== undefined && !isIsoDate(given)) {
        throw new InvalidArgumentError(`--date "${given}" is not a date; write it as YYYY-MM-DD`);
      }
      const date = given ?? dateInZone(ctx.clock.now(), config.timezone);
      const source = createSource(config.source, {
        clock: ctx.clock,
        logger: ctx.logger,
        dbPath: ctx.dbPath,
        cwd: ctx.io.cwd,
        ...deps,
      });
      const report = await fetchAndIngest(ctx.engine(), source, date);
      if (ctx.json) {
        ctx.printJson({ files: report.files.map(({ changed: _changed, ...f }) => f), total: report.total });
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
        if (f.error) ctx.io.stderr(`paperboy: fetch: ${f.error.message} [${f.error.code}]\n`);
      }
      return report.failed ? 1 : 0;
    },
  };
}

export const fetchCommand = createFetchCommand();
