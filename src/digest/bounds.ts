/**
 * Size bounds on what the archive stores of one paper. A real abstract is under 3,000 characters
 * and a title under 300; a 50 MB "abstract" is a broken page or an attack, and stored whole it
 * would make every reply, index and summary of it slow. The raw digest (the file ingested, or the
 * day `fetch` saved) keeps the full text; the archive keeps a bounded prefix, cut at a sentence
 * end (else a word end) and marked with "…", and ingest warns with the paper's place in the file.
 */
import type { ParsedPaper, ParseWarning } from "../types.js";

export const MAX_ABSTRACT_CHARS = 20_000;
export const MAX_TITLE_CHARS = 1_000;

/** `text` cut to at most `max` characters (the mark included), at a sentence or word end. */
export function boundText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  // A sentence end in the last fifth keeps whole sentences; else the last space; else a hard cut.
  const sentence = Math.max(head.lastIndexOf(". "), head.lastIndexOf("? "), head.lastIndexOf("! "));
  const cut =
    sentence >= max * 0.8
      ? sentence + 1
      : head.lastIndexOf(" ") >= max * 0.8
        ? head.lastIndexOf(" ")
        : head.length;
  // Never leave half of a surrogate pair at the end.
  const safe = /[\uD800-\uDBFF]$/.test(head.slice(0, cut)) ? cut - 1 : cut;
  return `${head.slice(0, safe).trimEnd()}…`;
}

/** The papers with bounded titles and abstracts, and a warning for each paper that was cut. */
export function boundPapers(papers: readonly ParsedPaper[]): {
  papers: ParsedPaper[];
  warnings: ParseWarning[];
} {
  const warnings: ParseWarning[] = [];
  const out = papers.map((p) => {
    if (p.abstract.length <= MAX_ABSTRACT_CHARS && p.title.length <= MAX_TITLE_CHARS) return p;
    const where = p.origin.line !== undefined ? `line ${p.origin.line}` : `entry ${p.origin.entry}`;
    const cut: string[] = [];
    if (p.title.length > MAX_TITLE_CHARS) cut.push(`title of ${p.title.length} characters`);
    if (p.abstract.length > MAX_ABSTRACT_CHARS) cut.push(`abstract of ${p.abstract.length} characters`);
    warnings.push({
      ...p.origin,
      message: `${where}: ${cut.join(" and ")} stored cut to ${MAX_TITLE_CHARS} / ${MAX_ABSTRACT_CHARS} characters (the file keeps the whole text)`,
    });
    return {
      ...p,
      title: boundText(p.title, MAX_TITLE_CHARS),
      abstract: boundText(p.abstract, MAX_ABSTRACT_CHARS),
    };
  });
  return { papers: out, warnings };
}
