/**
 * A synthetic archive for the search benchmark: the shared digest days replicated under new ids,
 * with each abstract re-mixed from sentences of other papers (the digests' and, when
 * ../shared is there, SciTLDR's) so the vocabulary and term statistics stay those of real ML
 * abstracts instead of 100k copies of 180 texts. Deterministic (seeded).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seeded } from "../../src/random.js";
import type { ParsedPaper } from "../../src/types.js";

export { seeded };

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/digests/", import.meta.url));
const SHARED = fileURLToPath(new URL("../../../shared/eval/scitldr/", import.meta.url));
const DAYS = ["2026-02-02", "2026-02-03", "2026-02-04"];

export interface Pools {
  titles: string[];
  sentences: string[];
  authors: string[];
  source: string;
}

export function loadPools(): Pools {
  const titles: string[] = [];
  const sentences: string[] = [];
  const authors: string[] = [];
  for (const day of DAYS) {
    const entries = JSON.parse(readFileSync(`${FIXTURES}${day}.hf-api.json`, "utf8")) as {
      paper: { title: string; summary: string; authors: { name: string }[] };
    }[];
    for (const e of entries) {
      titles.push(e.paper.title.replace(/\s+/g, " ").trim());
      sentences.push(...splitSentences(e.paper.summary));
      for (const a of e.paper.authors) authors.push(a.name);
    }
  }
  let source = "the sample digests";
  for (const file of ["train.jsonl", "dev.jsonl"]) {
    if (!existsSync(`${SHARED}${file}`)) continue;
    for (const line of readFileSync(`${SHARED}${file}`, "utf8").split("\n")) {
      if (!line.trim()) continue;
      sentences.push(
        ...(JSON.parse(line) as { source: string[] }).source.map((s) => s.trim()).filter(Boolean),
      );
    }
    source = "the sample digests and SciTLDR abstracts";
  }
  return { titles, sentences, authors, source };
}

function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** One day of `perDay` papers; ids are arXiv-like and unique per (day, position). */
export function syntheticDay(pools: Pools, dayIndex: number, perDay: number, seed = 7): ParsedPaper[] {
  const rand = seeded(seed * 1_000_003 + dayIndex);
  const date = dayDate(dayIndex);
  const out: ParsedPaper[] = [];
  for (let i = 0; i < perDay; i++) {
    const n = dayIndex * perDay + i;
    const yymm = 2000 + Math.floor(n / 90_000);
    const arxivId = `${yymm}.${String(n % 90_000).padStart(5, "0")}`;
    const baseTitle = pick(rand, pools.titles);
    // A few words of a random sentence keep titles distinct without inventing words.
    const extra = pick(rand, pools.sentences)
      .split(" ")
      .slice(0, 2 + Math.floor(rand() * 3))
      .join(" ");
    const sentenceCount = 4 + Math.floor(rand() * 5);
    const abstract = Array.from({ length: sentenceCount }, () => pick(rand, pools.sentences)).join(" ");
    const authorCount = 2 + Math.floor(rand() * 5);
    out.push({
      title: `${baseTitle}: ${extra.replace(/[.,;:]$/, "")}`,
      abstract,
      authors: Array.from({ length: authorCount }, () => pick(rand, pools.authors)),
      arxivId,
      sourceCode: rand() < 0.4 ? [`https://github.com/bench/${arxivId}`] : [],
      upvotes: Math.floor(rand() * 50),
      sourceSummary: null,
      date,
      aliases: [],
      days: [date],
      origin: { entry: i },
    });
  }
  return out;
}

export function dayDate(dayIndex: number): string {
  const d = new Date(Date.UTC(2020, 0, 1));
  d.setUTCDate(d.getUTCDate() + dayIndex);
  return d.toISOString().slice(0, 10);
}

/** The jsonl export form of papers (what `ingest --format jsonl` reads). */
export function toJsonl(papers: readonly ParsedPaper[]): string {
  return papers
    .map((p) =>
      JSON.stringify({
        id: p.arxivId,
        title: p.title,
        abstract: p.abstract,
        date: p.date,
        authors: p.authors,
        arxiv_id: p.arxivId,
        links: [],
        code: p.sourceCode,
        upvotes: p.upvotes,
      }),
    )
    .join("\n");
}

/** Queries people type in chat: 2–5 consecutive words of a title. */
export function shortQueries(pools: Pools, count: number, seed = 11): string[] {
  const rand = seeded(seed);
  return Array.from({ length: count }, () => {
    const words = pick(rand, pools.titles).split(/\s+/);
    const len = 2 + Math.floor(rand() * 4);
    const start = Math.floor(rand() * Math.max(1, words.length - len));
    return words.slice(start, start + len).join(" ");
  });
}

/** 20-word queries: a pasted piece of an abstract. */
export function longQueries(pools: Pools, count: number, seed = 13): string[] {
  const rand = seeded(seed);
  return Array.from({ length: count }, () => {
    const words = `${pick(rand, pools.sentences)} ${pick(rand, pools.sentences)}`.split(/\s+/);
    return words.slice(0, 20).join(" ");
  });
}
