import { isIsoDate } from "../../clock.js";
import { InvalidArgumentError, UsageError } from "../../errors.js";
import type { Command } from "../command.js";
import { exportJson } from "../json.js";

export const exportCommand: Command = {
  name: "export",
  summary: "write the archive as JSON lines (default) or one JSON document; `ingest` reads it back",
  usage: "export [--format json|jsonl] [--since YYYY-MM-DD] [--until YYYY-MM-DD]",
  options: { format: { type: "string" }, since: { type: "string" }, until: { type: "string" } },
  args: { min: 0, max: 0 },
  run(ctx, _args, values) {
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
