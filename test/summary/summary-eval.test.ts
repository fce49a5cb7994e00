import { describe, expect, it } from "vitest";
import { readEvalFile } from "../../src/eval/data.js";
import { rougeF1 } from "../../src/eval/rouge.js";
import { evaluateSummaries } from "../../src/eval/summary-eval.js";
import { summarize } from "../../src/summary/summarize.js";
import { FIXTURES } from "../support/fixtures.js";

const sample = readEvalFile(`${FIXTURES}eval/dev-sample.jsonl`);

/** The contract's definition, computed independently: best gold per metric, mean, ×100. */
function expected(tldrOf: (source: string[], title: string) => string) {
  const sum = { rouge1: 0, rouge2: 0, rougeL: 0, words: 0 };
  for (const p of sample) {
    const t = tldrOf(p.source, p.title);
    const scores = p.target.map((g) => rougeF1(t, g));
    sum.rouge1 += Math.max(...scores.map((s) => s.rouge1));
    sum.rouge2 += Math.max(...scores.map((s) => s.rouge2));
    sum.rougeL += Math.max(...scores.map((s) => s.rougeL));
    sum.words += t.split(/\s+/).filter(Boolean).length;
  }
  const n = sample.length;
  return {
    rouge1: (100 * sum.rouge1) / n,
    rouge2: (100 * sum.rouge2) / n,
    rougeL: (100 * sum.rougeL) / n,
    words: sum.words / n,
  };
}

describe("summary eval", () => {
  const result = evaluateSummaries(sample);

  it("reports paperboy's TL;DR scores as the contract defines them", () => {
    expect(sample).toHaveLength(120);
    expect(result).not.toBeNull();
    const want = expected((source, title) => summarize(title, source.join(" ")).tldr);
    for (const k of ["rouge1", "rouge2", "rougeL", "words"] as const) {
      expect(result!.paperboy[k]).toBeCloseTo(want[k], 2);
    }
  });

  it("reports lead-1 as the baseline, and paperboy beats it", () => {
    const want = expected((source) => source[0] ?? "");
    for (const k of ["rouge1", "rouge2", "rougeL", "words"] as const) {
      expect(result!.baselines["lead-1"]![k]).toBeCloseTo(want[k], 2);
    }
    expect(result!.paperboy.rouge1).toBeGreaterThan(result!.baselines["lead-1"]!.rouge1);
    expect(result!.paperboy.rouge2).toBeGreaterThan(result!.baselines["lead-1"]!.rouge2);
    expect(result!.paperboy.words).toBeGreaterThanOrEqual(15);
    expect(result!.paperboy.words).toBeLessThanOrEqual(30);
  });

  it("returns null when there is nothing to evaluate", () => {
    expect(evaluateSummaries([])).toBeNull();
  });
});
