/**
 * A day stored in a few statements (day-batch.ts) leaves the archive exactly as storing it paper
 * by paper does: the same rows in every table (keys, links, positions, revisions), through new
 * days, the same days again in another form (merges), papers that gain an arXiv id, and days
 * whose papers interact (repeats, shared ids), which fall back to paper by paper.
 */
import { describe, expect, it } from "vitest";
import type { Db } from "../../src/archive/db.js";
import { openDatabase } from "../../src/archive/db.js";
import { PaperStore } from "../../src/archive/papers.js";
import { ManualClock } from "../../src/clock.js";
import { ingestFile } from "../../src/ingest.js";
import type { ParsedPaper } from "../../src/types.js";
import { testArchive } from "../support/archive.js";

const FIXTURES = "test/fixtures/digests";
const TABLES = {
  papers: "pk",
  paper_keys: "key",
  paper_links: "pk, kind, url",
  days: "date",
  day_papers: "date, pk",
  // The archive's identity is its own on each.
  "meta WHERE key <> 'archive_id'": "key",
} as const;

function archive(batchDays: boolean) {
  const clock = new ManualClock("2026-02-17T08:00:00Z");
  const db = openDatabase(testArchive({ memory: true }));
  let statements = 0;
  const counted = db as unknown as Record<"all" | "get" | "run", (...a: unknown[]) => unknown>;
  for (const m of ["all", "get", "run"] as const) {
    const f = counted[m].bind(db);
    counted[m] = (...a: unknown[]) => {
      statements++;
      return f(...a);
    };
  }
  const store = new PaperStore(db, clock, { batchDays });
  return {
    db,
    clock,
    store,
    /** Statements the last call of `fn` ran. */
    count(fn: () => void): number {
      statements = 0;
      fn();
      return statements;
    },
  };
}

function dump(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(TABLES))
    out[table] = db
      .prepare(`SELECT * FROM ${table} ORDER BY ${order}`)
      .all()
      .map((r) => JSON.parse(JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? Number(v) : v))));
  return out;
}

function paper(n: number, extra: Partial<ParsedPaper> = {}): ParsedPaper {
  return {
    title: `A study of sparse attention, part ${n}`,
    abstract: `Part ${n} of the study. Code: https://github.com/lab/part${n}.`,
    authors: [`Author ${n}`],
    arxivId: null,
    sourceCode: [],
    upvotes: null,
    sourceSummary: null,
    date: null,
    aliases: [],
    days: [],
    origin: {},
    ...extra,
  } as ParsedPaper;
}

describe("a day stored in a few statements", () => {
  it("leaves the same archive as paper by paper, and takes a few statements where that takes hundreds", () => {
    const batched = archive(true);
    const single = archive(false);
    const files = [
      "2026-02-02.hf-api.json",
      "2026-02-02.txt",
      "2026-02-03.txt",
      "2026-02-03.hf-api.json",
      "2026-02-02.hf-api.json",
      "daily-papers-aug-12.txt",
      "hostile/duplicates.txt",
      "2026-02-16.txt",
    ];
    const counts: number[][] = [];
    for (const file of files) {
      const options = { now: batched.clock.now(), date: "2026-02-16" };
      const reports = [batched, single].map((a) => {
        let report: unknown;
        const n = a.count(() => {
          report = ingestFile(a.store, `${FIXTURES}/${file}`, options);
        });
        return { n, report };
      });
      expect(reports[0]?.report, file).toEqual(reports[1]?.report);
      counts.push(reports.map((r) => r.n));
      expect(dump(batched.db), file).toEqual(dump(single.db));
      batched.clock.advance(60_000);
      single.clock.advance(60_000);
    }
    // A new 38-paper day: about 250 statements paper by paper, a dozen batched; a day that
    // repeats papers (hostile/duplicates.txt) goes paper by paper on both.
    for (const [i, [inBatch, byPaper]] of (counts as [number, number][]).entries()) {
      if (files[i] === "hostile/duplicates.txt") expect(inBatch).toBe(byPaper);
      else expect(inBatch, files[i]).toBeLessThan(byPaper / 2);
    }
    expect(counts[0]?.[0]).toBeLessThan(20);

    // Papers that gain an arXiv id, change text and sources, and a day whose entries interact.
    const days = [
      [paper(1), paper(2, { aliases: ["pb-0123456789ab"] })],
      [
        paper(1, { arxivId: "2602.00001", sourceCode: ["https://github.com/lab/one"], upvotes: 4 }),
        paper(2, {
          abstract: "Part 2, corrected. Code: https://github.com/lab/part2.",
          days: ["2026-02-15"],
        }),
        paper(3, { arxivId: "2602.00003" }),
      ],
      [paper(3, { arxivId: "2602.00003" }), paper(4), paper(4, { upvotes: 9 })],
    ];
    const handCounts: number[] = [];
    for (const list of days) {
      const input = { date: "2026-02-16", source: "hand", format: "jsonl" as const, papers: list };
      let result: unknown;
      const n = batched.count(() => {
        result = batched.store.storeDay(input);
      });
      expect(result).toEqual(single.store.storeDay(input));
      expect(dump(batched.db)).toEqual(dump(single.db));
      handCounts.push(n);
    }
    // The last day repeats a paper: paper by paper (more statements than its two papers batched).
    expect(handCounts[2]).toBeGreaterThan(handCounts[0] as number);
    batched.db.close();
    single.db.close();
  });
});
