import { readEvalFile } from "../../eval/data.js";
import { evaluateSearch, type SearchScores } from "../../eval/search-eval.js";
import { evaluateSummaries } from "../../eval/summary-eval.js";
import type { Command } from "../command.js";

function row(name: string, s: SearchScores): string {
  return `${name.padEnd(30)} ${s.mrr10.toFixed(3).padStart(7)} ${s.recall1.toFixed(3).padStart(7)} ${s.recall10.toFixed(3).padStart(7)}`;
}

/** What `eval --help` says: the data format, what is measured on it, and where such data is. */
const HELP = `--data <file.jsonl>   the papers to measure on, in SciTLDR's JSON Lines form: one paper
                      a line, e.g.
  {"paper_id": "SyxW2lBYPS", "source": ["First sentence of the abstract.", "Second sentence."],
   "target": ["A one-sentence TL;DR written by a person.", "Another person's TL;DR."]}
                      paper_id: any string, unique in the file; source: the abstract's sentences,
                      in order (one or more); target: gold TL;DRs (one or more). Other keys are
                      ignored (SciTLDR's own files have more).
--corpus <file.jsonl> more papers in the same form, searched but never asked for (distractors
                      that make search harder); may be given several times.

search:  every paper's abstract is indexed; each --data paper's first gold TL;DR is a query whose
         one right answer is that paper: MRR@10, recall@1 and recall@10, beside MiniSearch's own
         ranking as a baseline.
summary: each --data paper's TL;DR against all its golds: ROUGE-1, -2 and -L F1 (x100, Porter
         stemming, best gold per paper), beside the abstract's first sentence (lead-1).
--json prints the same figures as one JSON document.

SciTLDR (github.com/allenai/scitldr, its SciTLDR-A .jsonl files) is in this form as published.`;

export const evalCommand: Command = {
  name: "eval",
  summary: "measure search and TL;DR quality on SciTLDR-style data",
  usage: "eval --data <file.jsonl> [--corpus <more.jsonl>]...",
  help: HELP,
  options: { data: { type: "string" }, corpus: { type: "string", multiple: true } },
  args: { min: 0, max: 0 },
  run(ctx, _args, values) {
    const dataPath = values.data as string | undefined;
    if (!dataPath) {
      ctx.io.stderr(
        "paperboy eval: --data <file.jsonl> is required (usage: paperboy eval --data <file.jsonl> [--corpus <more.jsonl>]...; `paperboy eval --help` describes the data)\n",
      );
      return 2;
    }
    const data = readEvalFile(dataPath);
    const extra = ((values.corpus as string[] | undefined) ?? []).flatMap((p) => readEvalFile(p));
    const search = evaluateSearch(data, extra);
    const summary = evaluateSummaries(data);
    if (ctx.json) {
      ctx.printJson({
        papers: search.papers,
        search: search.paperboy,
        summary: summary ? summary.paperboy : null,
        baselines: {
          search: search.baselines,
          ...(summary ? { summary: summary.baselines } : {}),
        },
      });
      return 0;
    }
    ctx.print(`search: ${search.queries} queries over ${search.papers} papers`);
    ctx.print(`${"".padEnd(30)} ${"MRR@10".padStart(7)} ${"R@1".padStart(7)} ${"R@10".padStart(7)}`);
    ctx.print(row("paperboy", search.paperboy));
    for (const [name, s] of Object.entries(search.baselines)) ctx.print(row(`baseline: ${name}`, s));
    ctx.print();
    if (!summary) {
      ctx.print("summary: not evaluated yet");
      return 0;
    }
    ctx.print(
      `summary (ROUGE F1 x100)        ${"R-1".padStart(7)} ${"R-2".padStart(7)} ${"R-L".padStart(7)} ${"words".padStart(7)}`,
    );
    const srow = (name: string, s: { rouge1: number; rouge2: number; rougeL: number; words: number }) =>
      `${name.padEnd(30)} ${s.rouge1.toFixed(2).padStart(7)} ${s.rouge2.toFixed(2).padStart(7)} ${s.rougeL.toFixed(2).padStart(7)} ${s.words.toFixed(1).padStart(7)}`;
    ctx.print(srow("paperboy", summary.paperboy));
    for (const [name, s] of Object.entries(summary.baselines)) ctx.print(srow(`baseline: ${name}`, s));
    return 0;
  },
};
