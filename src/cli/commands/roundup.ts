import { buildRoundup } from "../../bot/roundup.js";
import { isIsoDate } from "../../clock.js";
import { ArchiveError, ErrorCode, InvalidArgumentError } from "../../errors.js";
import { displayText } from "../../summary/latex.js";
import type { Command } from "../command.js";

function dateFlag(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !isIsoDate(value)) {
    throw new InvalidArgumentError(`--${name} "${String(value)}" is not a date; write it as YYYY-MM-DD`);
  }
  return value;
}

export const roundup: Command = {
  name: "roundup",
  summary: "a day's papers grouped by topic (default: the newest day; --until for a range)",
  usage: "roundup [--date YYYY-MM-DD] [--until YYYY-MM-DD]",
  options: { date: { type: "string" }, until: { type: "string" } },
  args: { min: 0, max: 0 },
  run(ctx, _args, values) {
    const engine = ctx.engine();
    const until = dateFlag("until", values.until);
    const date = dateFlag("date", values.date) ?? engine.latestDay();
    if (!date) {
      throw new ArchiveError(
        ErrorCode.UnknownDay,
        "the archive is empty, so there is no day to round up; add a digest with `paperboy ingest <file>`",
      );
    }
    if (until !== undefined && until < date) {
      throw new InvalidArgumentError(
        `--until ${until} is before --date ${date}; give the earlier day as --date`,
      );
    }
    const r = engine.roundup(date, until);
    if (r.count === 0) {
      throw new ArchiveError(
        ErrorCode.UnknownDay,
        `no papers on ${until ? `${date} to ${until}` : date}; see the archived days with \`paperboy list\``,
      );
    }
    if (ctx.json) {
      ctx.printJson({
        date,
        ...(until ? { until } : {}),
        topics: r.topics.map((t) => ({
          label: t.label,
          papers: t.papers.map((p) => ({ id: p.id, title: p.title })),
        })),
      });
      return 0;
    }
    // The same roundup the chat platforms post, as plain lines: ids first, to act on or grep.
    const reply = buildRoundup(engine, date, until ? { until, roundup: r } : { roundup: r });
    ctx.print(`${until ? `${date} to ${until}` : date}: ${r.count} papers in ${r.topics.length} topics`);
    ctx.print(reply.headline);
    for (const t of reply.topics) {
      ctx.print();
      ctx.print(`${t.label} (${t.papers.length})`);
      for (const p of t.papers) {
        const marks = [...(p.code.length ? ["code"] : []), ...(p.upvotes !== null ? [`▲ ${p.upvotes}`] : [])];
        ctx.print(
          `  ${p.id.padEnd(16)} ${displayText(p.title)}${marks.length ? `  · ${marks.join(" · ")}` : ""}`,
        );
        if (p.tldr) ctx.print(`  ${"".padEnd(16)} ${p.tldr}`);
      }
    }
    return 0;
  },
};
