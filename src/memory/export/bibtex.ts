/**
 * An export as BibTeX, for a reference manager or a paper's bibliography: one `@misc` per paper,
 * arXiv papers with `eprint` and `archivePrefix = {arXiv}` (what biblatex and the arXiv styles
 * read), authors, year and url. The team's notes go to `annote`, the standard field for
 * annotations; the TL;DR is left out (a bibliography is not a summary).
 *
 * Values are braced; untrusted text is escaped for (La)TeX so a title or a note can neither
 * unbalance the braces nor run a command.
 */
import { normalizeArxivId } from "../../digest/identity.js";
import type { ExportDoc, ExportPaper } from "./collect.js";

const LATEX: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\textbraceleft{}",
  "}": "\\textbraceright{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
  // Outside T1 encoding LaTeX prints these as ¡ and ¿.
  "<": "\\textless{}",
  ">": "\\textgreater{}",
};

/** Untrusted text as a literal (La)TeX string on one line: braces always balance. */
export function texText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\{}&%$#_~^<>]/g, (c) => LATEX[c] as string);
}

/** A URL for a `url` field (read verbatim): no white space, and no brace or backslash to unbalance it. */
function texUrl(url: string): string {
  return url.replace(/[\s{}\\%]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** An author as BibTeX reads a name; one that contains " and " is braced so it stays one name. */
function author(name: string): string {
  const safe = texText(name);
  return /\sand\s/i.test(safe) || safe.includes(",") ? `{${safe}}` : safe;
}

/** The year a paper is from: its arXiv id's (yymm, the submission month), else its digest date's. */
export function paperYear(p: ExportPaper): string {
  const arxiv = p.paper.arxivId ? normalizeArxivId(p.paper.arxivId) : null;
  if (arxiv) return `20${arxiv.slice(0, 2)}`;
  return p.paper.date.slice(0, 4);
}

const STOP = new Set(["a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "towards", "toward"]);

function ascii(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** `lastname2026firstword`, the usual citation key shape; ASCII only, so every tool accepts it. */
function baseKey(p: ExportPaper): string {
  const first = p.paper.authors[0]?.trim() ?? "";
  const last = ascii(
    first.includes(",") ? (first.split(",")[0] as string) : (first.split(/\s+/).at(-1) ?? ""),
  );
  const word = p.paper.title
    .split(/[^\p{L}\p{N}]+/u)
    .map(ascii)
    .find((w) => w.length > 1 && !STOP.has(w));
  return `${last || "paper"}${paperYear(p)}${word ?? ""}`;
}

function field(name: string, value: string): string {
  return `  ${name} = {${value}}`;
}

function entry(p: ExportPaper, key: string): string {
  const fields = [field("title", `{${texText(p.paper.title)}}`)];
  if (p.paper.authors.length) fields.push(field("author", p.paper.authors.map(author).join(" and ")));
  fields.push(field("year", paperYear(p)));
  const arxiv = p.paper.arxivId ? normalizeArxivId(p.paper.arxivId) : null;
  if (arxiv) {
    fields.push(field("eprint", arxiv), field("archivePrefix", "arXiv"));
  }
  if (p.url) fields.push(field("url", texUrl(p.url)));
  if (p.notes.length) {
    const notes = p.notes.map((n) => `${n.authorName ?? n.author} (${n.createdAt.slice(0, 10)}): ${n.text}`);
    fields.push(field("annote", texText(notes.join(" / "))));
  }
  return `@misc{${key},\n${fields.join(",\n")}\n}`;
}

export function toBibtex(doc: ExportDoc): string {
  const used = new Set<string>();
  const entries = doc.papers.map((p) => {
    const base = baseKey(p);
    // Papers that would share a key get b, c, d… after the first (as bibliography tools do).
    let key = base;
    for (let n = 1; used.has(key); n++)
      key = n < 26 ? `${base}${String.fromCharCode(97 + n)}` : `${base}-${n + 1}`;
    used.add(key);
    return entry(p, key);
  });
  const head = `% ${texText(doc.title)}: ${texText(doc.scope)}. Exported by paperboy on ${doc.generatedAt.slice(0, 10)}; ${entries.length} entr${entries.length === 1 ? "y" : "ies"}.`;
  return `${[head, ...entries].join("\n\n")}\n`;
}
