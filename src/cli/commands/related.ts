import { InvalidArgumentError } from "../../errors.js";
import { displayText } from "../../summary/latex.js";
import type { Command } from "../command.js";

const MAX_LIMIT = 100;

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 5;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new InvalidArgumentError(
      `--limit "${raw}" is not a whole number from 1 to ${MAX_LIMIT}; try --limit 5`,
    );
  }
  return n;
}

export const related: Command = {
  name: "related",
  summary: "papers related to one paper (nearest by TF-IDF cosine, duplicates left out)",
  usage: "related <id> [--limit N]",
  options: { limit: { type: "string" } },
  args: { min: 1, max: 1 },
  run(ctx, args, values) {
    const limit = parseLimit(values.limit as string | undefined);
    const { paper, results } = ctx.engine().related(args[0] as string, limit);
    if (ctx.json) {
      ctx.printJson({
        id: paper.id,
        results: results.map((r) => ({ id: r.id, title: r.title, score: r.score })),
      });
      return 0;
    }
    ctx.print(`Related to ${paper.id}: ${displayText(paper.title)}`);
    if (results.length === 0) ctx.print("  no related papers in the archive yet");
    for (const r of results) ctx.print(`  ${r.score.toFixed(2)}  ${r.id.padEnd(16)} ${displayText(r.title)}`);
    return 0;
  },
};
