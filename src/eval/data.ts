/** SciTLDR-A style eval data: `paper_id`, `source` (abstract sentences), `target` (gold summaries), `title`. */
import { z } from "zod";
import { readJsonLines } from "./jsonl.js";

export interface EvalPaper {
  paperId: string;
  /** The abstract's sentences, in order. */
  source: string[];
  /** Gold one-sentence summaries. */
  target: string[];
  /** The paper's title ("" when the line has none). */
  title: string;
}

const Line = z.object({
  paper_id: z.string(),
  source: z.array(z.string()).min(1),
  target: z.array(z.string()).min(1),
  title: z.string().optional().default(""),
});

export function readEvalFile(path: string): EvalPaper[] {
  return readJsonLines(path, {
    schema: Line,
    what: "the eval data file",
    shape:
      'each line is {"paper_id": "…", "source": ["sentence", …], "target": ["gold TL;DR", …]} (see `paperboy eval --help`)',
  }).map((line) => ({ paperId: line.paper_id, source: line.source, target: line.target, title: line.title }));
}
