import { describe, expect, it } from "vitest";
import { readEvalFile } from "../../src/eval/data.js";
import { evaluateSearch, scoresFromRanks } from "../../src/eval/search-eval.js";
import { runCli } from "../support/cli.js";
import { FIXTURES } from "../support/fixtures.js";

const SAMPLE = `${FIXTURES}eval/dev-sample.jsonl`;

describe("search eval", () => {
  it("computes MRR@10 and recall from ranks", () => {
    expect(scoresFromRanks([1, 2, 0, 10])).toEqual({ mrr10: 0.4, recall1: 0.25, recall10: 0.75 });
  });

  it("scores paperboy beside the baselines on the sample", () => {
    const papers = readEvalFile(SAMPLE);
    const r = evaluateSearch(papers);
    expect(r.papers).toBe(papers.length);
    expect(Object.keys(r.baselines)).toContain("minisearch-defaults");
    const base = r.baselines["minisearch-defaults"]!;
    expect(r.paperboy.mrr10).toBeGreaterThanOrEqual(base.mrr10);
    expect(r.paperboy.recall10).toBeGreaterThan(0.9);
  });

  it("prints the contract's JSON through the CLI", async () => {
    const run = await runCli(["--json", "eval", "--data", SAMPLE]);
    expect(run.code).toBe(0);
    const out = run.json();
    expect(Object.keys(out.search).sort()).toEqual(["mrr10", "recall1", "recall10"]);
    expect(out.baselines.search["minisearch-defaults"].mrr10).toBeLessThanOrEqual(1);
    expect("summary" in out).toBe(true);
  });

  it("says what is wrong with a bad data file", async () => {
    const run = await runCli(["eval", "--data", `${FIXTURES}digests/2026-02-02.txt`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/2026-02-02\.txt:1: .*JSON/);
  });
});
