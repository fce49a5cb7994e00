import { displayText } from "../../summary/latex.js";
import { sourceSummaryLabel, sourceSummaryOf } from "../../summary/source-summary.js";
import type { Command } from "../command.js";
import { bulletBlock, wrap } from "../format.js";
import { paperJson } from "../json.js";

export const show: Command = {
  name: "show",
  summary: "show one paper by id, arXiv id or arXiv/HF URL",
  usage: "show <id>",
  args: { min: 1, max: 1 },
  run(ctx, args) {
    const engine = ctx.engine();
    const paper = engine.paper(args[0] as string);
    const summary = engine.summary(paper);
    if (ctx.json) {
      ctx.printJson(paperJson(paper, summary));
      return 0;
    }
    ctx.print(displayText(paper.title));
    ctx.print(
      `${paper.id}${paper.arxivId && paper.arxivId !== paper.id ? ` (arXiv ${paper.arxivId})` : ""} · ${paper.date}`,
    );
    if (paper.authors.length) ctx.print(wrap(paper.authors.join(", ")));
    ctx.print();
    ctx.print(wrap(`TL;DR: ${summary.tldr}`));
    for (const line of [
      ...bulletBlock(null, summary.keyResults),
      ...bulletBlock("Findings:", summary.findings),
    ])
      ctx.print(line);
    const source = sourceSummaryOf(paper);
    if (source) {
      ctx.print();
      ctx.print(wrap(`${sourceSummaryLabel(source)}: ${source.text}`));
    }
    ctx.print();
    ctx.print(wrap(displayText(paper.abstract, { title: paper.title })));
    if (paper.code.length) ctx.print(`\ncode: ${paper.code.join(" ")}`);
    const others = paper.links.filter((l) => !paper.code.includes(l));
    if (others.length) ctx.print(`links: ${others.join(" ")}`);
    if (paper.arxivId) ctx.print(`paper: https://arxiv.org/abs/${paper.arxivId}`);
    return 0;
  },
};
