/**
 * One reader for the evaluation files, which are all JSON Lines: each non-blank line is parsed and
 * checked against a zod schema, and the first bad line stops the read with an error naming the
 * file, the line, the field and the shape expected.
 */
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { ErrorCode, PaperboyError } from "../errors.js";

export interface JsonLinesFormat<S extends z.ZodType> {
  schema: S;
  /** The file, for messages: "the eval data file", "the queries file". */
  what: string;
  /** The shape of one line, shown when a line does not match. */
  shape: string;
}

export function readJsonLines<S extends z.ZodType>(path: string, format: JsonLinesFormat<S>): z.output<S>[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new PaperboyError(
      ErrorCode.InvalidArgument,
      `cannot read ${format.what}: ${(err as Error).message}`,
      {
        file: path,
      },
    );
  }
  const out: z.output<S>[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    if (raw.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new PaperboyError(
        ErrorCode.InvalidArgument,
        `not valid JSON; ${format.what} holds one JSON object a line`,
        { file: path, line: i + 1 },
      );
    }
    const r = format.schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new PaperboyError(
        ErrorCode.InvalidArgument,
        `${issue?.path.join(".") || "line"} ${issue?.message ?? "is invalid"}; ${format.shape}`,
        { file: path, line: i + 1 },
      );
    }
    out.push(r.data);
  }
  return out;
}
