/** `paperboy fetch [--date D]`: pull one day from the configured source and ingest it. */
import { dateInZone, isIsoDate } from "../../clock.js";
import { InvalidArgumentError } from "../../errors.js";
import type { Random, Sleep } from "../../fetch/backoff.js";
import { createSource } from "../../fetch/create-source.js";
import { fetchAndIngest } from "../../fetch/fetch-day.js";
import type { RetryNotice } from "../../fetch/hf-client.js";
import type { Command } from "../command.js";
import { printIngestReport } from "../ingest-report.js";

/** "HTTP 502 (server error); trying again in 1.5 s (try 2 of 4)". */
export function retryLine(r: RetryNotice): string {
  const wait = r.waitMs < 1000 ? `${Math.round(r.waitMs)} ms` : `${(r.waitMs / 1000).toFixed(1)} s`;
  return `  ${r.reason}; trying again in ${wait} (try ${r.attempt} of ${r.tries})`;
}

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
      const config = ctx.config();
      const given = values.date as string | undefined;
      if (given !== undefined && !isIsoDate(given)) {
        throw new InvalidArgumentError(`--date "${given}" is not a date; write it as YYYY-MM-DD`);
      }
      const date = given ?? dateInZone(ctx.clock.now(), config.timezone);
      // A person at a terminal reads sentences; a pipe (a cron job, a collector) gets the JSON log.
      const progress = ctx.io.stderrIsTTY ? (line: string) => ctx.io.stderr(`${line}\n`) : null;
      const source = createSource(config.source, {
        clock: ctx.clock,
        logger: ctx.logger,
        dbPath: ctx.dbPath,
        cwd: ctx.io.cwd,
        ...(progress ? { onRetry: (r: RetryNotice) => progress(retryLine(r)) } : {}),
        ...deps,
      });
      progress?.(`Fetching the digest of ${date} from ${source.description}…`);
      const report = await fetchAndIngest(ctx.engine(), source, date);
      return printIngestReport(ctx, "fetch", report);
    },
  };
}

export const fetchCommand = createFetchCommand();
