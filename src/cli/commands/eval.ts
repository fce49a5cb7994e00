import { readEvalFile } from "../../eval/data.js";
import { readTopicGold, scoreRelated } from "../../eval/related-eval.js";
import { evaluateSearch, type SearchScores } from "../../eval/search-eval.js";
import { evaluateShortQueries, readShortQueries, type ShortQueryReport } from "../../eval/short-queries.js";
import { evaluateSummaries } from "../../eval/summary-eval.js";
import type { Command, CommandContext } from "../command.js";

const WIDTH = 34;

function row(name: string, s: SearchScores, papers: number, queries?: number): string {
  const n = queries === undefined ? "" : String(queries).padStart(6);
  return `${name.padEnd(WIDTH)}${n} ${s.mrr10.toFixed(3).padStart(7)} ${s.recall1.toFixed(3).padStart(7)} ${s.recall10.toFixed(3).padStart(7)} ${papers.toLocaleString("en").padStart(8)}`;
}

function header(queries: boolean): string {
  const n = queries ? "     n" : "";
  return `${"".padEnd(WIDTH)}${n} ${"MRR@10".padStart(7)} ${"R@1".padStart(7)} ${"R@10".padStart(7)} ${"papers".padStart(8)}`;
}

/** Groups of the short-query report in reading order: all, each set, each kind, each set × kind. */
function groupOrder(groups: string[]): string[] {
  const rank = (g: string) => (g === "all" ? 0 : g.includes(" ") ? 3 : g.startsWith("set:") ? 1 : 2);
  return [...groups].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

function printShortQueries(ctx: CommandContext, report: ShortQueryReport, file: string): void {
  const ours = report.engines.paperboy ?? {};
  const base = report.engines["minisearch-stopwords-porter"] ?? {};
  const papers = report.papers.toLocaleString("en");
  ctx.print(`short queries (${file}): ${ours.all?.queries ?? 0} queries over the archive's ${papers} papers`);
  if (report.missing.length)
    ctx.print(`  left out, their papers not in the archive: ${report.missing.join(", ")}`);
  const cols = (s: SearchScores) =>
    `${s.mrr10.toFixed(3).padStart(7)} ${s.recall1.toFixed(3).padStart(6)} ${s.recall10.toFixed(3).padStart(6)}`;
  ctx.print(
    `${"".padEnd(WIDTH)}${"".padStart(5)}  ${"paperboy".padEnd(21)}  ${"minisearch+stop+Porter".padEnd(21)}`,
  );
  ctx.print(
    `${"group".padEnd(WIDTH)}${"n".padStart(5)}  ${"MRR@10".padStart(7)} ${"R@1".padStart(6)} ${"R@10".padStart(6)}  ${"MRR@10".padStart(7)} ${"R@1".padStart(6)} ${"R@10".padStart(6)}  papers`,
  );
  for (const group of groupOrder(Object.keys(ours))) {
    const a = ours[group];
    const b = base[group];
    if (!a || !b) continue;
    ctx.print(`${group.padEnd(WIDTH)}${String(a.queries).padStart(5)}  ${cols(a)}  ${cols(b)}  ${papers}`);
  }
}

/** What `eval --help` says: the data formats, what is measured on them, and where such data is. */
const HELP = `--data <file.jsonl>   the papers to measure on, in SciTLDR's JSON Lines form: one paper
                       a line, e.g.
   {"paper_id": "SyxW2lBYPS", "source": ["First sentence of the abstract.", "Second sentence."],
    "target": ["A one-sentence TL;DR written by a person.", "Another person's TL;DR."]}
                       paper_id: any string, unique in the file; source: the abstract's sentences,
                       in order (one or more); target: gold TL;DRs (one or more); "title": the
                       paper's title, optional (every SciTLDR line has one; indexed as the product
                       indexes titles). Other keys are ignored (SciTLDR's own files have more).
--corpus <file.jsonl> more papers in the same form, searched but never asked for (distractors
                       that make search harder); may be given several times.
--queries <file.jsonl> short queries as people type them in chat, asked of the archive of --db,
                       one a line: {"query": "paper banana", "id": "2601.23265",
                       "kind": "name"|"topic"|"finding"|"method-task", "set": "tune"} (set:
                       optional, e.g. a part kept aside that is never tuned on).
--related-gold <day.gold.json> a reader's topical grouping of one day's papers ({"day", "topics":
                       [{"label", "papers": [id, ...]}]}); may be given several times.

search:  every paper's title and abstract are indexed; each --data paper's first gold TL;DR is a
         query whose one right answer is that paper: MRR@10, recall@1 and recall@10, beside
         MiniSearch's own ranking as a baseline, with the number of papers searched (figures are
         comparable only at equal corpus size).
summary: each --data paper's TL;DR against all its golds: ROUGE-1, -2 and -L F1 (x100, Porter
         stemming, best gold per paper), beside the abstract's first sentence (lead-1).
queries: MRR@10, recall@1 and recall@10 overall, per set and per kind, beside MiniSearch (stopwords
         and Porter stems, titles and abstracts, no boost) over the same archive.
related: each paper of a gold topic (not "Other"): its related papers condensed to its day, scored
         against its topic: mean average precision, precision at 3, first judged paper right.
--json prints the same figures as one JSON document.

SciTLDR (github.com/allenai/scitldr, its SciTLDR-A .jsonl files) is in the --data form as published.`;

export const evalCommand: Command = {
  name: "eval",
  summary: "measure search and TL;DR quality on SciTLDR-style data, and search on short chat queries",
  usage:
    "eval --data <file.jsonl> [--corpus <more.jsonl>]... | eval [--queries <queries.jsonl>] [--related-gold <day.gold.json>]... (over --db)",
  help: HELP,
  options: {
    data: { type: "string" },
    corpus: { type: "string", multiple: true },
    queries: { type: "string" },
    "related-gold": { type: "string", multiple: true },
  },
  args: { min: 0, max: 0 },
  run(ctx, _args, values) {
    const dataPath = values.data as string | undefined;
    const queriesPath = values.queries as string | undefined;
    const goldPaths = (values["related-gold"] as string[] | undefined) ?? [];
    if (!dataPath && !queriesPath && goldPaths.length === 0) {
      ctx.io.stderr(
        "paperboy eval: give --data <file.jsonl>, --queries <queries.jsonl> or --related-gold <day.gold.json> (usage: paperboy eval --data <file.jsonl> [--corpus <more.jsonl>]... | paperboy eval [--queries <queries.jsonl>] [--related-gold <day.gold.json>]...; `paperboy eval --help` describes the data)\n",
      );
      return 2;
    }
    const output: Record<string, unknown> = {};
    if (goldPaths.length) {
      const golds = goldPaths.map(readTopicGold);
      const engine = ctx.engine({ readonly: true });
      const papers = engine.papers.count();
      // Every paper of the archive may be related: the whole list is condensed to the gold day.
      const scores = scoreRelated(golds, (id) => {
        try {
          return engine.related(id, papers).results.map((r) => r.id);
        } catch {
          return [];
        }
      });
      output.related = { corpus: { papers, days: golds.map((g) => g.day) }, ...scores };
      if (!dataPath && !queriesPath) output.papers = papers;
      if (!ctx.json) {
        ctx.print(
          `related papers against topic gold (${golds.map((g) => g.day).join(", ")}): ${scores.queries} papers over the archive's ${papers.toLocaleString("en")} papers`,
        );
        ctx.print(
          `  MAP ${scores.map.toFixed(3)}   P@3 ${scores.precision3.toFixed(3)}   first shares the topic ${scores.first.toFixed(3)}   (papers ${papers.toLocaleString("en")})`,
        );
        ctx.print();
      }
    }
    if (queriesPath) {
      const queries = readShortQueries(queriesPath);
      const engine = ctx.engine({ readonly: true });
      const report = evaluateShortQueries(engine.papers, engine.searchService, queries);
      output.shortQueries = {
        corpus: { papers: report.papers, queries: report.ranks.length, missing: report.missing },
        ...report.engines,
      };
      if (!dataPath) output.papers = report.papers;
      if (!ctx.json) printShortQueries(ctx, report, queriesPath);
    }
    if (dataPath) {
      const data = readEvalFile(dataPath);
      const corpusFiles = (values.corpus as string[] | undefined) ?? [];
      const extra = corpusFiles.flatMap((p) => readEvalFile(p));
      const search = evaluateSearch(data, extra);
      const summary = evaluateSummaries(data);
      const corpus = {
        papers: search.papers,
        queries: search.queries,
        files: [dataPath, ...corpusFiles],
      };
      Object.assign(output, {
        papers: search.papers,
        corpus,
        search: search.paperboy,
        summary: summary ? summary.paperboy : null,
        baselines: {
          search: search.baselines,
          ...(summary ? { summary: summary.baselines } : {}),
        },
      });
      if (!ctx.json) {
        if (queriesPath) ctx.print();
        // Figures are comparable only at equal corpus size: more distractors, lower scores.
        ctx.print(
          `search: ${search.queries} queries (first gold summary of each --data paper) over ${search.papers.toLocaleString("en")} papers (titles + abstracts of ${corpus.files.length} file${corpus.files.length === 1 ? "" : "s"}); compare figures only at equal size`,
        );
        ctx.print(header(false));
        ctx.print(row("paperboy", search.paperboy, search.papers));
        for (const [name, s] of Object.entries(search.baselines))
          ctx.print(row(`baseline: ${name}`, s, search.papers));
        ctx.print();
        if (!summary) ctx.print("summary: not evaluated yet");
        else {
          ctx.print(
            `summary (ROUGE F1 x100, ${data.length} papers)`.padEnd(WIDTH) +
              `${"R-1".padStart(7)} ${"R-2".padStart(7)} ${"R-L".padStart(7)} ${"words".padStart(7)}`,
          );
          const srow = (name: string, s: { rouge1: number; rouge2: number; rougeL: number; words: number }) =>
            `${name.padEnd(WIDTH)}${s.rouge1.toFixed(2).padStart(7)} ${s.rouge2.toFixed(2).padStart(7)} ${s.rougeL.toFixed(2).padStart(7)} ${s.words.toFixed(1).padStart(7)}`;
          ctx.print(srow("paperboy", summary.paperboy));
          for (const [name, s] of Object.entries(summary.baselines)) ctx.print(srow(`baseline: ${name}`, s));
        }
      }
    }
    if (ctx.json) ctx.printJson(output);
    return 0;
  },
};
