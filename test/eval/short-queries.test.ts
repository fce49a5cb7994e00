/**
 * Search as people use it in chat, measured as `eval --queries` measures it: the short-query set
 * over the six shared days, through the product's SearchService, beside minisearch.
 */
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  evaluateShortQueries,
  readShortQueries,
  type ShortQueryReport,
} from "../../src/eval/short-queries.js";
import { Paperboy } from "../../src/paperboy.js";
import { runCli, tempDb } from "../support/cli.js";
import { DIGESTS, FIXTURES } from "../support/fixtures.js";

const QUERIES = `${FIXTURES}eval/short-queries.jsonl`;
const DAYS = ["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-06", "2026-02-16"].map(
  (d) => `${DIGESTS}${d}.hf-api.json`,
);
const AUG12 = `${DIGESTS}daily-papers-aug-12.txt`;

describe("short chat queries", () => {
  let engine: Paperboy;
  let report: ShortQueryReport;
  beforeAll(() => {
    engine = Paperboy.open({ dbPath: ":memory:" });
    engine.ingest(DAYS);
    engine.ingest([AUG12], { date: "2025-08-12" });
    report = evaluateShortQueries(engine.papers, engine.searchService, readShortQueries(QUERIES));
  });
  afterAll(() => engine.close());

  it("asks every query of the set, of every kind, against the whole archive", () => {
    expect(report.papers).toBe(engine.papers.count());
    expect(report.missing).toEqual([]);
    const ours = report.engines.paperboy!;
    expect(ours.all!.queries).toBeGreaterThanOrEqual(80);
    for (const kind of ["name", "topic", "finding", "method-task"])
      expect(ours[`kind:${kind}`]).toBeDefined();
    expect(ours["set:heldout"]!.queries).toBeGreaterThan(40);
  });

  it("finds names however they are typed, and is ahead of minisearch on them (the issue's floor)", () => {
    const ours = report.engines.paperboy!;
    const theirs = report.engines["minisearch-stopwords-porter"]!;
    for (const set of ["set:tune", "set:heldout"]) {
      expect(ours[`${set} kind:name`]!.mrr10).toBeGreaterThanOrEqual(0.9);
      expect(ours[set]!.mrr10).toBeGreaterThanOrEqual(0.95);
    }
    expect(ours["kind:name"]!.mrr10).toBeGreaterThan(theirs["kind:name"]!.mrr10);
  });

  it("prints the figures with the corpus size through `eval --queries`", async () => {
    const db = tempDb();
    await runCli(["--db", db, "ingest", DAYS[0]!]);
    const queries = `${db}.queries.jsonl`;
    writeFileSync(
      queries,
      [
        '{"query":"paper banana","id":"2601.23265","kind":"name","set":"tune"}',
        '{"query":"jailbreak risk with many samples","id":"2601.22636","kind":"topic","set":"tune"}',
        '{"query":"not in this archive","id":"2602.02276","kind":"name","set":"tune"}',
      ].join("\n"),
    );
    const run = await runCli(["--db", db, "--json", "eval", "--queries", queries]);
    expect(run.code).toBe(0);
    const out = run.json();
    expect(out.papers).toBe(38);
    expect(out.shortQueries.corpus).toEqual({ papers: 38, queries: 2, missing: ["2602.02276"] });
    expect(out.shortQueries.paperboy["kind:name"].mrr10).toBe(1);
    expect(Object.keys(out.shortQueries["minisearch-stopwords-porter"])).toContain("kind:topic");
    const text = await runCli(["--db", db, "eval", "--queries", queries]);
    expect(text.stdout).toContain("2 queries over the archive's 38 papers");
    expect(text.stdout).toContain("left out, their papers not in the archive: 2602.02276");
  });

  it("says which line of a query file is wrong", async () => {
    const bad = `${tempDb()}.jsonl`;
    writeFileSync(bad, '{"query":"x","id":"1","kind":"name"}\n{"query":"y","id":"2","kind":"vibes"}\n');
    const run = await runCli(["eval", "--queries", bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/jsonl:2: kind/);
  });
});
