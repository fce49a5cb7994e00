import { InvalidArgumentError } from "../../errors.js";
import { displayText } from "../../summary/latex.js";
import type { Command } from "../command.js";
import { truncate, wrap } from "../format.js";

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value.trim())) {
    throw new InvalidArgumentError(
      `${flag} "${value}" is not a whole number of 0 or more; write e.g. ${flag} 10`,
    );
  }
  return Number(value);
}

export const search: Command = {
  name: "search",
  summary: "search the archive (words, an arXiv id, or an arXiv/HF URL)",
  usage: "search <query...> [--limit N] [--offset N] [--since D] [--until D] [--has-code]",
  options: {
    limit: { type: "string" },
    offset: { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
    "has-code": { type: "boolean" },
  },
  args: { min: 1 },
  run(ctx, args, values) {
    const text = args.join(" ");
    const result = ctx.engine().search({
      text,
      limit: wholeNumber("--limit", values.limit as string | undefined),
      offset: wholeNumber("--offset", values.offset as string | undefined),
      since: values.since as string | undefined,
      until: values.until as string | undefined,
      hasCode: values["has-code"] === true,
    });
    if (ctx.json) {
      ctx.printJson({
        query: result.query,
        total: result.total,
        results: result.results.map((r) => ({
          id: r.id,
          title: r.title,
          date: r.date,
          score: r.score,
          snippet: r.snippet,
        })),
        ...(result.nextOffset !== undefined ? { next_offset: result.nextOffset } : {}),
        ...(result.didYouMean !== undefined ? { did_you_mean: result.didYouMean } : {}),
      });
      return 0;
    }
    if (result.total === 0) {
      ctx.print(`no papers match "${truncate(text, 80)}"`);
      if (result.didYouMean) ctx.print(`did you mean: ${result.didYouMean}`);
      return 0;
    }
    const first = (values.offset ? Number(values.offset) : 0) + 1;
    ctx.print(
      `${result.total} match${result.total === 1 ? "" : "es"}; ${first}–${first + result.results.length - 1}:`,
    );
    for (const r of result.results) {
      ctx.print(`${r.id.padEnd(16)} ${r.date}  ${truncate(displayText(r.title), 90)}`);
      ctx.print(wrap(displayText(r.snippet), 100, "    "));
    }
    if (result.nextOffset !== undefined) ctx.print(`more: --offset ${result.nextOffset}`);
    return 0;
  },
};
