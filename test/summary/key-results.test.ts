import { describe, expect, it } from "vitest";
import { keyResults } from "../../src/summary/key-results.js";
import { abstractSentences, summarize } from "../../src/summary/summarize.js";
import { expectedDay } from "../support/fixtures.js";

const papers = expectedDay("2026-02-03").papers;
const byId = (id: string) => {
  const p = papers.find((x) => x.id === id);
  if (!p) throw new Error(`fixture paper ${id} missing`);
  return p;
};
const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe("key results", () => {
  it("lists the result sentences of an abstract with numbers, in abstract order", () => {
    const p = byId("2602.02084"); // RPG-Encoder: 93.7% Acc@5, over 10%, 98.5% coverage
    const results = summarize(p.title, p.abstract).keyResults;
    expect(results.length).toBeGreaterThanOrEqual(2);
    expect(results.length).toBeLessThanOrEqual(4);
    const joined = results.join(" ");
    for (const n of ["93.7%", "98.5%"]) expect(joined).toContain(n);
    expect(results.findIndex((r) => r.includes("93.7%"))).toBeLessThan(
      results.findIndex((r) => r.includes("98.5%")),
    );
    for (const r of results) {
      expect(r).toMatch(/\d/);
      expect(r).toMatch(/^[A-Z0-9]/);
      expect(r).toMatch(/[.!?]$/);
      expect(words(r).length).toBeLessThanOrEqual(40);
    }
  });

  it("reads speed-ups written without LaTeX (4.5times) as results and shows them as 4.5×", () => {
    const p = byId("2602.02276");
    expect(p.abstract).toContain("4.5times");
    expect(summarize(p.title, p.abstract).keyResults).toContainEqual(expect.stringContaining("4.5×"));
  });

  it("is empty for real abstracts without numbers", () => {
    for (const id of ["2602.02437", "2602.02185"]) {
      const p = byId(id);
      expect(p.abstract).not.toMatch(/\d\s*%/);
      expect(summarize(p.title, p.abstract).keyResults).toEqual([]);
    }
  });

  it("does not take counts, years, model names or references for results", () => {
    const s = abstractSentences(
      "We evaluate GPT-4 and ResNet-50 on 5 benchmarks released in 2023 (see Table 2 and Section 3.1). " +
        "Our code builds on CIFAR-10 loaders.",
    );
    expect(keyResults(s)).toEqual([]);
  });

  it("finds the common ways of writing a result", () => {
    const cases = [
      "Our method is 3.1x faster than FlashAttention.",
      "It gains +2.3 mIoU over the baseline.",
      "We reach 90% sparsity without loss.",
      "Training is 4-fold cheaper.",
      "BLEU improves by 1.8 points on WMT.",
      "The model achieves an F1 of 0.69 on the test set.",
    ];
    for (const c of cases) expect(keyResults([c]), c).toEqual([c]);
  });

  it("keeps only the result clauses of a long sentence and ends it cleanly", () => {
    const long =
      "We introduce a new retrieval architecture that combines a dense encoder with a sparse lexical index and a learned " +
      "reranker trained on synthetic queries, and we evaluate it on many open-domain benchmarks with several backbones, " +
      "improving recall by 7.5% and cutting latency by 40% while keeping the index small and";
    const [r] = keyResults([long]);
    expect(r).toBeDefined();
    expect(r).toContain("7.5%");
    expect(r).toContain("40%");
    expect(r).toMatch(/[.]$/);
    expect(r).not.toMatch(/\band\.$/);
    expect(words(r as string).length).toBeLessThanOrEqual(40);
  });
});
