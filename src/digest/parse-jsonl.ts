/**
 * paperboy's own export read back: one paper a line in the contract's shape (`export --format
 * jsonl`), or the single document of `export --format json`. Lossless: ids, aliases, days, code
 * links and upvotes all come back.
 */
import { z } from "zod";
import { DigestError, ErrorCode } from "../errors.js";
import type { ParsedDigest, ParsedPaper, ParseWarning } from "../types.js";
import { normalizeArxivId } from "./identity.js";
import { parseJsonOrThrow } from "./json.js";
import { normalizeText } from "./normalize.js";

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");

export const ExportedPaper = z
  .object({
    id: z.string().min(1),
    title: z.string().refine((s) => normalizeText(s) !== "", "is blank"),
    abstract: z.string().refine((s) => normalizeText(s) !== "", "is blank"),
    date: DATE.optional(),
    authors: z.array(z.string()).default([]),
    arxiv_id: z.string().nullable().default(null),
    links: z.array(z.string()).default([]),
    code: z.array(z.string()).default([]),
    github: z.string().nullable().optional(),
    upvotes: z.number().int().nullable().default(null),
    source_summary: z.string().nullable().default(null),
    aliases: z.array(z.string()).default([]),
    days: z.array(DATE).default([]),
  })
  .loose();

function toParsed(
  p: z.infer<typeof ExportedPaper>,
  origin: ParsedPaper["origin"],
  docDate?: string,
): ParsedPaper {
  const arxivId = normalizeArxivId(p.arxiv_id ?? p.id);
  const date = p.date ?? docDate ?? null;
  const aliases = [...p.aliases];
  if (p.id !== arxivId && !aliases.includes(p.id)) aliases.unshift(p.id);
  return {
    title: normalizeText(p.title),
    abstract: normalizeText(p.abstract),
    authors: p.authors,
    arxivId,
    sourceCode: p.github && !p.code.includes(p.github) ? [...p.code, p.github] : p.code,
    upvotes: p.upvotes,
    sourceSummary: p.source_summary ? normalizeText(p.source_summary) || null : null,
    date,
    days: p.days.length ? p.days : date ? [date] : [],
    aliases,
    origin,
  };
}

function issueText(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || "(line)";
  return { field, message: `${field} ${issue?.message.replace(/^Invalid input: /, "") ?? "is invalid"}` };
}

export function parseJsonl(text: string, file = "<input>"): ParsedDigest {
  const trimmed = text.trim();
  if (trimmed === "")
    throw new DigestError(ErrorCode.DigestEmpty, "the file is empty; nothing to ingest", { file });
  const papers: ParsedPaper[] = [];
  const warnings: ParseWarning[] = [];
  // `export --format json` writes one document with a `papers` array (and may name its `date`).
  const doc = trimmed.startsWith("{") ? asDocument(trimmed, file) : null;
  if (doc && typeof doc === "object" && Array.isArray(doc.papers)) {
    const docDate = typeof doc.date === "string" && DATE.safeParse(doc.date).success ? doc.date : undefined;
    doc.papers.forEach((raw: unknown, entry: number) => {
      const r = ExportedPaper.safeParse(raw);
      if (r.success) papers.push(toParsed(r.data, { entry }, docDate));
      else {
        const { field, message } = issueText(r.error);
        warnings.push({ entry, field, message: `entry ${entry}: ${message}; entry skipped` });
      }
    });
    return finish(papers, warnings, file, docDate);
  }
  text.split("\n").forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      warnings.push({ line, message: `line ${line}: not valid JSON; line skipped` });
      return;
    }
    const r = ExportedPaper.safeParse(value);
    if (r.success) papers.push(toParsed(r.data, { line }));
    else {
      const { field, message } = issueText(r.error);
      warnings.push({ line, field, message: `line ${line}: ${message}; line skipped` });
    }
  });
  return finish(papers, warnings, file);
}

/** The whole text as one JSON document when it is one (pretty-printed or a single line). */
function asDocument(trimmed: string, file: string): { papers?: unknown; date?: unknown } | null {
  const firstLine = trimmed.split("\n", 1)[0] as string;
  try {
    const one = JSON.parse(firstLine) as { papers?: unknown };
    return one && typeof one === "object" && "papers" in one ? one : null;
  } catch {
    return parseJsonOrThrow(trimmed, file) as { papers?: unknown; date?: unknown } | null;
  }
}

function finish(
  papers: ParsedPaper[],
  warnings: ParseWarning[],
  file: string,
  docDate?: string,
): ParsedDigest {
  if (papers.length === 0) {
    const first = warnings[0];
    throw new DigestError(
      ErrorCode.DigestInvalidJson,
      `no valid paper in this export (${first?.message ?? "no lines"}); is it a paperboy export?`,
      { file, line: first?.line, entry: first?.entry },
    );
  }
  return { format: "jsonl", day: docDate ? { date: docDate } : null, papers, warnings };
}
