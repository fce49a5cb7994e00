/** An export as the files a chat platform sends (or the CLI writes): Markdown, BibTeX, or both. */
import type { ExportFile } from "../../bot/replies.js";
import { toBibtex } from "./bibtex.js";
import type { ExportDoc } from "./collect.js";
import { toMarkdown } from "./markdown.js";

export const EXPORT_FORMATS = ["md", "bib", "both"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `paperboy-week-2026-02-05` (a week by its last day, anything else by the day it was made): a plain
 * name (letters, digits, ".", "-") any file system and platform accepts.
 */
export function fileStem(doc: ExportDoc, label?: string): string {
  const parts = ["paperboy", doc.kind, label ?? "", doc.until ?? doc.generatedAt.slice(0, 10)];
  return parts
    .filter(Boolean)
    .join("-")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-+/g, "-")
    .slice(0, 100);
}

export function exportFiles(doc: ExportDoc, format: ExportFormat, stem = fileStem(doc)): ExportFile[] {
  const files: ExportFile[] = [];
  if (format !== "bib")
    files.push({ name: `${stem}.md`, mediaType: "text/markdown", content: toMarkdown(doc) });
  if (format !== "md")
    files.push({ name: `${stem}.bib`, mediaType: "application/x-bibtex", content: toBibtex(doc) });
  return files;
}
