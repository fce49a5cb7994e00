/**
 * Papers for the understanding benchmarks: the fixture days as they are, and a synthetic archive
 * of any size made from them (new ids, sentences mixed across papers of the same day so that
 * vectors differ but stay topical).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parsePage } from "../../src/digest/parse-page.js";
import { seeded } from "../../src/random.js";
import { splitSentences } from "../../src/summary/sentences.js";

export { seeded };

export interface BenchPaper {
  id: string;
  title: string;
  abstract: string;
  date: string;
}

const DIGESTS = fileURLToPath(new URL("../../test/fixtures/digests/", import.meta.url));
export const FIXTURE_DAYS = ["2026-02-02", "2026-02-03", "2026-02-04", "2025-08-12"] as const;

export function fixtureDay(date: string): BenchPaper[] {
  if (date === "2025-08-12") {
    const parsed = parsePage(readFileSync(`${DIGESTS}daily-papers-aug-12.txt`, "utf8"));
    return parsed.papers.map((p, i) => ({ id: `aug12-${i}`, title: p.title, abstract: p.abstract, date }));
  }
  const day = JSON.parse(readFileSync(`${DIGESTS}${date}.expected.json`, "utf8")) as {
    papers: { id: string; title: string; abstract: string }[];
  };
  return day.papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract, date }));
}

/** `count` synthetic papers: each a fixture paper's title with sentences of its day's papers mixed in. */
export function syntheticArchive(count: number, seed = 7): BenchPaper[] {
  const days = FIXTURE_DAYS.map((d) => fixtureDay(d));
  const sentences = days.map((day) => day.map((p) => splitSentences(p.abstract)));
  const random = seeded(seed);
  const out: BenchPaper[] = [];
  for (let i = 0; i < count; i++) {
    const d = i % days.length;
    const day = days[d] as BenchPaper[];
    const j = Math.floor(random() * day.length);
    const base = day[j] as BenchPaper;
    const own = (sentences[d] as string[][])[j] as string[];
    const mixed = own.filter(() => random() < 0.7);
    for (let m = 0; m < 2; m++) {
      const other = (sentences[d] as string[][])[Math.floor(random() * day.length)] as string[];
      const s = other[Math.floor(random() * other.length)];
      if (s) mixed.splice(Math.floor(random() * (mixed.length + 1)), 0, s);
    }
    const week = Math.floor(i / 400);
    out.push({
      id: `syn-${i}`,
      title: base.title,
      abstract: mixed.join(" "),
      date: new Date(Date.UTC(2020, 0, 1 + week)).toISOString().slice(0, 10),
    });
  }
  return out;
}
