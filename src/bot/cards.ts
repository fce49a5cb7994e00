/** Building replies from engine records. */

import type { Paperboy } from "../paperboy.js";
import { displayText } from "../summary/latex.js";
import { sourceSummaryOf } from "../summary/source-summary.js";
import type { Paper } from "../types.js";
import type { Action, PaperCard, PaperLite } from "./replies.js";

/**
 * Pages trusted as "the paper" itself: arXiv and Hugging Face's paper pages. Any other URL of an
 * abstract is digest text, and a hostile digest could make it a phishing page labelled "Read the
 * paper"; those stay plain links from the abstract.
 */
const PAPER_PAGE =
  /^https?:\/\/(?:(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/|huggingface\.co\/papers\/)[^\s/?#]+/i;

export function paperUrl(paper: Paper): string | null {
  if (paper.arxivId) return `https://arxiv.org/abs/${paper.arxivId}`;
  return paper.links.find((l) => PAPER_PAGE.test(l)) ?? null;
}

export function paperActions(paper: Paper, omit: Action["kind"][] = []): Action[] {
  const all: Action[] = [
    { kind: "discuss", label: "Discuss", command: `discuss ${paper.id}` },
    { kind: "related", label: "Related", command: `related ${paper.id}` },
    { kind: "summary", label: "TL;DR", command: `summary ${paper.id}` },
  ];
  if (paper.code.length) all.push({ kind: "code", label: "Code", command: `code ${paper.id}` });
  all.push(
    { kind: "queue", label: "Add to queue", command: `queue add ${paper.id}` },
    { kind: "claim", label: "I'll read it", command: `queue claim ${paper.id}` },
  );
  return all.filter((a) => !omit.includes(a.kind));
}

export function paperCard(
  engine: Paperboy,
  paper: Paper,
  options: { abstract?: boolean; omit?: Action["kind"][] } = {},
): PaperCard {
  const summary = engine.summary(paper);
  const card: PaperCard = {
    kind: "paper",
    id: paper.id,
    title: displayText(paper.title),
    date: paper.date,
    authors: paper.authors,
    tldr: summary.tldr,
    keyResults: summary.keyResults,
    links: paper.links,
    code: paper.code,
    url: paperUrl(paper),
    actions: paperActions(paper, options.omit),
  };
  if (summary.findings.length) card.findings = summary.findings;
  const source = sourceSummaryOf(paper);
  if (source) card.sourceSummary = source;
  if (options.abstract) card.abstract = displayText(paper.abstract, { title: paper.title });
  return card;
}

export function paperLite(
  engine: Paperboy,
  paper: Paper,
  extra: { snippet?: string; score?: number; tldr?: boolean } = {},
): PaperLite {
  const lite: PaperLite = {
    id: paper.id,
    title: displayText(paper.title),
    date: paper.date,
    code: paper.code,
  };
  if (extra.tldr !== false) lite.tldr = engine.summary(paper).tldr;
  if (extra.snippet !== undefined) lite.snippet = displayText(extra.snippet);
  if (extra.score !== undefined) lite.score = extra.score;
  return lite;
}
