import { describe, expect, it } from "vitest";
import { COMPRESSION_RULES, compress } from "../../src/summary/compress.js";
import { finishSentence, OVERRUN_WORDS } from "../../src/summary/length.js";
import { shippedModel } from "../../src/summary/model.js";
import { summarize } from "../../src/summary/summarize.js";
import { expectedDay, SAMPLE_DAYS } from "../support/fixtures.js";

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const stems = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]+/g) ?? []);

function expectCleanSentence(tldr: string, maxWords: number): void {
  expect(tldr).toMatch(/^["(“]?[A-Z0-9]/);
  expect(tldr).toMatch(/[.!?]["')”]?$/);
  // A sentence that cannot be cut safely within the budget may run a few words over it.
  expect(words(tldr).length).toBeLessThanOrEqual(maxWords + OVERRUN_WORDS);
  expect(tldr).not.toMatch(/\s(?:the|of|and|a|an|to|with|by)\.$/i);
  expect(tldr).not.toMatch(/\$|\\[a-z]+/i);
}

describe("TL;DR", () => {
  const maxWords = shippedModel().maxWords;

  it("ships a fitted model whose compression rules all exist and whose limit is at most 30 words", () => {
    const model = shippedModel();
    expect(Object.keys(model.weights).length).toBeGreaterThan(20);
    for (const rule of model.compression) expect(Object.keys(COMPRESSION_RULES)).toContain(rule);
    expect(model.maxWords).toBeLessThanOrEqual(30);
  });

  it("gives every fixture paper one clean sentence drawn from its abstract", () => {
    for (const date of SAMPLE_DAYS) {
      for (const p of expectedDay(date).papers) {
        const { tldr } = summarize(p.title, p.abstract);
        expectCleanSentence(tldr, maxWords);
        expect(words(tldr).length).toBeGreaterThanOrEqual(5);
        const source = stems(p.abstract.replace(/times/g, " "));
        const own = [...stems(tldr)].filter((w) => !source.has(w));
        expect(own.length, `${p.id}: ${tldr}`).toBeLessThanOrEqual(2);
        expect(tldr).not.toMatch(/^In this (paper|work)/);
      }
    }
  });

  it("prefers the sentence that says what the paper does over background", () => {
    const abstract =
      "Large language models are widely used for many tasks in industry. " +
      "However, their inference cost remains high for long inputs. " +
      "In this paper, we propose SparseKV, a cache eviction method that keeps only the most attended keys. " +
      "Experiments on four benchmarks show that SparseKV is 3.1x faster with 90% sparsity.";
    const s = summarize("", abstract);
    expect(s.tldr).toMatch(/^We propose SparseKV/);
    expect(s.keyResults).toEqual([
      "Experiments on four benchmarks show that SparseKV is 3.1x faster with 90% sparsity.",
    ]);
  });

  it("answers an empty abstract with an empty TL;DR, no results and no findings", () => {
    expect(summarize("A Title Whose Abstract Never Arrived", "")).toEqual({
      tldr: "",
      keyResults: [],
      findings: [],
    });
    expect(summarize("Title", "   \n ")).toEqual({ tldr: "", keyResults: [], findings: [] });
  });

  it("uses a one-sentence abstract, and a text without a final period, as the TL;DR", () => {
    expect(summarize("", "We show that small models can plan.").tldr).toBe(
      "We show that small models can plan.",
    );
    expect(summarize("", "we show that small models can plan").tldr).toBe(
      "We show that small models can plan.",
    );
  });

  it("copes with a 200 KB abstract and a 200 KB sentence without periods", () => {
    const unit = "We propose a method that improves accuracy by 2.5% on ImageNet. ";
    const huge = unit.repeat(Math.ceil(200_000 / unit.length));
    const s = summarize("", huge);
    expectCleanSentence(s.tldr, maxWords);
    expect(s.keyResults.length).toBeLessThanOrEqual(4);
    const run = summarize("", "word ".repeat(40_000));
    expectCleanSentence(run.tldr, maxWords);
  });

  it("makes LaTeX-heavy text readable", () => {
    const abstract =
      "We propose $\\mathcal{O}(n \\log n)$ attention, \\emph{FastAttn}, following~\\cite{vaswani2017}. " +
      "It reaches 19.3\\% lower error with $\\alpha = 0.5$ and is $2.1\\times$ faster.";
    const s = summarize("", abstract);
    expectCleanSentence(s.tldr, maxWords);
    expect(s.tldr).toContain("FastAttn");
    expect(s.keyResults.join(" ")).toContain("19.3%");
    expect(s.keyResults.join(" ")).toContain("α = 0.5");
    expect(s.keyResults.join(" ")).toContain("2.1×");
  });
});

describe("compression rules", () => {
  it("removes lead-ins, connectives, parentheticals and rewrites 'This paper proposes'", () => {
    expect(
      compress("In this paper, we propose FOO (Fast Output Optimizer) [3, 4].", ["lead-in", "parenthetical"]),
    ).toBe("We propose FOO.");
    expect(compress("However, to address this issue, we design Z.", ["connective"])).toBe("We design Z.");
    expect(compress("This paper studies sparse attention.", ["this-paper"])).toBe(
      "We study sparse attention.",
    );
    expect(compress("Here we show that X holds.", ["lead-in"])).toBe("We show that X holds.");
  });

  it("keeps a parenthetical that holds a percentage", () => {
    expect(compress("It wins (by 3% on average).", ["parenthetical"])).toBe("It wins (by 3% on average).");
  });

  it("cuts long sentences at a clause boundary, never leaving a dangling word", () => {
    const long =
      "We propose a scalable framework for training retrieval models on synthetic data, which allows practitioners " +
      "to adapt dense retrievers to new domains and to new languages with little supervision and without manual labels.";
    const out = finishSentence(long, 20);
    expect(out).toBe("We propose a scalable framework for training retrieval models on synthetic data.");
    const noPunct = `We propose ${"very ".repeat(30)}good models for the tasks`;
    const cut = finishSentence(noPunct, 20);
    expect(words(cut).length).toBeLessThanOrEqual(20);
    expect(cut).toMatch(/\.$/);
  });
});
