/** SciTLDR-A style eval data: `paper_id`, `source` (abstract sentences), `target` (gold summaries), `title`. */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ErrorCode, PaperboyError } from "../errors.js";

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
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new PaperboyError(ErrorCode.InvalidArgument, `cannot read eval data: ${(err as Error).message}`, {
      file: path,
    });
  }
  const out: EvalPaper[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    if (raw.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new PaperboyError(
        ErrorCode.InvalidArgument,
        "not valid JSON; eval data is one JSON object a line",
        {
          file: path,
          line: i + 1,
        },
      );
    }
    const r = Line.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new PaperboyError(
        ErrorCode.InvalidArgument,
        `${issue?.path.join(".") || "line"} ${issue?.message ?? "is invalid"}; each line is {"paper_id": "…", "source": ["sentence", …], "target": ["gold TL;DR", …]} (see \`paperboy eval --help\`)`,
        { file: path, line: i + 1 },
      );
    }
    out.push({
      paperId: r.data.paper_id,
      source: r.data.source,
      target: r.data.target,
      title: r.data.title,
    });
  }
  return out;
}
