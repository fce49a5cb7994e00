/**
 * The JSON of Hugging Face's `daily_papers` API: `[{paper:{id,title,summary,authors,upvotes,
 * githubRepo?,publishedAt},...}]`. Entries are validated one by one: a bad entry becomes a warning
 * naming its index and field, and only a file with no valid entry at all fails.
 */
import { z } from "zod";
import { DigestError, ErrorCode } from "../errors.js";
import type { ParsedDigest, ParsedPaper, ParseWarning } from "../types.js";
import { normalizeArxivId } from "./identity.js";
import { parseJsonOrThrow } from "./json.js";
import { normalizeText } from "./normalize.js";

const Author = z.union([z.object({ name: z.string() }).loose(), z.string()]);

const Entry = z
  .object({
    paper: z
      .object({
        id: z.string().min(1),
        title: z.string().refine((s) => normalizeText(s) !== "", "is blank"),
        summary: z.string().refine((s) => normalizeText(s) !== "", "is blank"),
        authors: z.array(Author).optional().default([]),
        upvotes: z.number().int().nonnegative().nullable().optional(),
        githubRepo: z.string().nullable().optional(),
        ai_summary: z.string().nullable().optional(),
        publishedAt: z.string().optional(),
      })
      .loose(),
    publishedAt: z.string().optional(),
  })
  .loose();

function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = issue.path.length ? issue.path.join(".") : "(entry)";
  const message =
    issue.code === "invalid_type" && issue.message.includes("received undefined")
      ? "is missing"
      : issue.message.replace(/^Invalid input: /, "");
  return { field, message };
}

export function parseHfApi(text: string, file = "<input>"): ParsedDigest {
  const data = parseJsonOrThrow(text, file);
  if (!Array.isArray(data)) {
    const error = data && typeof data === "object" && "error" in data ? String(data.error) : null;
    throw new DigestError(
      ErrorCode.DigestNotADigest,
      error
        ? `the API answered an error ("${error}") instead of papers; fetch the day again later`
        : "expected a JSON array of daily_papers entries; this JSON is not one (use --format to name the format)",
      { file },
    );
  }
  if (data.length === 0) {
    throw new DigestError(
      ErrorCode.DigestEmpty,
      "the API answer holds no papers (the day may not be published yet)",
      {
        file,
      },
    );
  }
  const papers: ParsedPaper[] = [];
  const warnings: ParseWarning[] = [];
  const dates = new Map<string, number>();
  data.forEach((raw, index) => {
    const parsed = Entry.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { field, message } = describeIssue(issue);
        warnings.push({ entry: index, field, message: `entry ${index}: ${field} ${message}; entry skipped` });
      }
      return;
    }
    const p = parsed.data.paper;
    const arxivId = normalizeArxivId(p.id);
    const published = (parsed.data.publishedAt ?? p.publishedAt ?? "").slice(0, 10);
    if (/^\d{4}-\d{2}-\d{2}$/.test(published)) dates.set(published, (dates.get(published) ?? 0) + 1);
    papers.push({
      title: normalizeText(p.title),
      abstract: normalizeText(p.summary),
      authors: p.authors.map((a) => normalizeText(typeof a === "string" ? a : a.name)).filter(Boolean),
      arxivId,
      sourceCode: p.githubRepo ? [normalizeText(p.githubRepo)] : [],
      upvotes: p.upvotes ?? null,
      sourceSummary: p.ai_summary ? normalizeText(p.ai_summary) || null : null,
      date: null,
      days: [],
      aliases: arxivId ? [] : [p.id],
      origin: { entry: index },
    });
  });
  if (papers.length === 0) {
    const first = warnings[0];
    throw new DigestError(
      ErrorCode.DigestInvalidJson,
      `none of the ${data.length} API entries is a valid paper (${first?.message ?? "no details"}); check the API answer`,
      { file, entry: first?.entry, field: first?.field },
    );
  }
  // The day of a daily_papers answer is the day most of its entries were published on.
  const day = [...dates.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return { format: "hf-api", day: day ? { date: day } : null, papers, warnings };
}
