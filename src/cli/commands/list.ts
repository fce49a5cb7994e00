import { isIsoDate } from "../../clock.js";
import { InvalidArgumentError } from "../../errors.js";
import { displayText } from "../../summary/latex.js";
import type { Command } from "../command.js";

export const list: Command = {
  name: "list",
  summary: "list the papers of a digest day (default: the newest day)",
  usage: "list [--date YYYY-MM-DD]",
  options: { date: { type: "string" } },
  args: { min: 0, max: 0 },
  run(ctx, _args, values) {
    const engine = ctx.engine();
    const given = values.date as string | undefined;
    if (given !== undefined && !isIsoDate(given)) {
      throw new InvalidArgumentError(`--date "${given}" is not a date; write it as YYYY-MM-DD`);
    }
    const date = given ?? engine.latestDay();
    const papers = date ? engine.papers.day(date) : [];
    if (ctx.json) {
      ctx.printJson({ date, papers: papers.map((p) => ({ id: p.id, title: p.title })) });
      return 0;
    }
    if (!date) {
      ctx.print("the archive is empty; add a digest with `paperboy ingest <file>`");
      return 0;
    }
    ctx.print(`${date}: ${papers.length} papers`);
    for (const p of papers) ctx.print(`${p.id.padEnd(16)} ${displayText(p.title)}`);
    return 0;
  },
};
