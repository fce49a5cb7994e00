/**
 * Two engines on one archive (two replicas on PostgreSQL; `serve` and a CLI ingest on one SQLite
 * file): what one writes, the other answers from at once — search, related, autocomplete, a
 * paper's summary — never from the index or cache it built before.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { Paperboy } from "../../src/paperboy.js";
import type { ParsedPaper } from "../../src/types.js";
import { testArchive } from "../support/archive.js";

function paper(n: number, topic: string, extra: Partial<ParsedPaper> = {}): ParsedPaper {
  return {
    title: `${topic} study number ${n}`,
    abstract: `We study ${topic} in setting ${n}. Our method improves accuracy by ${n} points on ${topic} benchmarks.`,
    authors: [`Author ${n}`],
    arxivId: `2601.${String(10000 + n)}`,
    sourceCode: [],
    upvotes: null,
    sourceSummary: null,
    date: null,
    aliases: [],
    days: [],
    origin: {},
    ...extra,
  };
}

describe("two engines on one archive", () => {
  it("answer at once from what the other stored: search, related, autocomplete, summaries", () => {
    const target = testArchive();
    const clock = new ManualClock("2026-02-03T08:00:00Z");
    const writer = Paperboy.open({ dbPath: target, clock, indexPath: null });
    const reader = Paperboy.open({ dbPath: target, clock, indexPath: null });
    try {
      writer.papers.storeDay({
        date: "2026-02-02",
        source: "a",
        format: "jsonl",
        papers: [1, 2, 3].map((n) => paper(n, "protein folding")),
      });
      // The reader builds its indexes and caches on the first day.
      expect(reader.search({ text: "protein folding" }).total).toBe(3);
      expect(reader.search({ text: "quantum annealing" }).total).toBe(0);
      const first = reader.paper("2601.10001");
      expect(reader.summary(first).tldr).toMatch(/protein folding/);
      expect(reader.related("2601.10001").results.map((r) => r.id)).not.toContain("2601.10005");

      // The other engine stores a second day and corrects the first paper's abstract.
      writer.papers.storeDay({
        date: "2026-02-03",
        source: "b",
        format: "jsonl",
        papers: [
          paper(4, "quantum annealing"),
          paper(5, "protein folding"),
          paper(1, "protein folding", {
            abstract:
              "We fold proteins with a diffusion model. It is 3x faster than AlphaFold on CASP15 targets.",
          }),
        ],
      });
      expect(reader.search({ text: "quantum annealing" }).results.map((h) => h.id)).toEqual(["2601.10004"]);
      expect(reader.search({ text: "diffusion model AlphaFold" }).results[0]?.id).toBe("2601.10001");
      expect(reader.related("2601.10002").results.map((r) => r.id)).toContain("2601.10005");
      expect(reader.suggestPapers("quantum ann", 5).map((s) => s.id)).toContain("2601.10004");
      expect(reader.summary(reader.paper("2601.10001")).tldr).toMatch(/diffusion model/);
    } finally {
      reader.close();
      writer.close();
    }
  });
});
