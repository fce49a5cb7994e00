import { displayText } from "../../summary/latex.js";
import { sourceSummaryLabel, sourceSummaryOf } from "../../summary/source-summary.js";
import type { Command } from "../command.js";
import { bulletBlock, wrap } from "../format.js";

export const summarize: Command = {
  name: "summarize",
  summary: "a paper's TL;DR and key results (or, without numbers, its findings)",
  usage: "summarize <id>",
  args: { min: 1, max: 1 },
  run(ctx, args) {
    const engine = ctx.engine();
    const paper = engine.paper(args[0] as string);
    const summary = engine.summary(paper);
    if (ctx.json) {
      ctx.printJson({
        id: paper.id,
        tldr: summary.tldr,
        key_results: summary.keyResults,
        // The finding in words when the abstract reports no number ([] when it does, or has none).
        findings: summary.findings,
        // The source's own summary (Hugging Face's), as stored; null when it gave none.
        source_summary: paper.sourceSummary,
      });
      return 0;
    }
    ctx.print(displayText(paper.title));
    ctx.print();
    // An empty TL;DR only comes from an empty abstract: say so rather than print a blank line.
    ctx.print(
      summary.tldr
        ? wrap(`TL;DR: ${summary.tldr}`)
        : `TL;DR: none: ${paper.id} has no abstract in the archive (re-ingest its digest or the API form of its day to add it)`,
    );
    for (const line of [
      ...bulletBlock("Key results:", summary.keyResults),
      ...bulletBlock("Findings:", summary.findings),
    ])
      ctx.print(line);
    const source = sourceSummaryOf(paper);
    if (source) {
      ctx.print();
      ctx.print(wrap(`${sourceSummaryLabel(source)}: ${source.text}`));
    }
    return 0;
  },
};
