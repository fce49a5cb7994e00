/** The paired comparison the ask measurement scripts print (scripts/lib/paired-change.ts). */
import { describe, expect, it } from "vitest";
import type { Example } from "../../scripts/lib/ask-examples.js";
import { pairedChange, signTest } from "../../scripts/lib/paired-change.js";

const example = (answerable: boolean, paper = "p") =>
  ({ q: { question: "q", intent: "other", expect: answerable ? "x" : null }, paper }) as unknown as Example;

describe("a paired change between two ways of answering", () => {
  it("counts wins and losses apart for answerable and unanswerable questions", () => {
    const examples = [example(true), example(true), example(true), example(false), example(false)];
    const base = [true, false, false, true, false];
    const row = [false, true, true, true, true];
    const c = pairedChange(examples, row, base);
    expect([c.fixA, c.breakA, c.fixU, c.breakU]).toEqual([2, 1, 1, 0]);
    // Balanced change: (+1 of 3 answerable + 1 of 2 unanswerable) / 2.
    expect(c.diff).toBeCloseTo((1 / 3 + 1 / 2) / 2, 10);
    expect(c.se).toBeCloseTo(0.5 * Math.sqrt(3 / 9 + 1 / 4), 10);
    expect(c.p).toBeCloseTo(signTest(3, 1), 10);
  });

  it("keeps only the questions asked for", () => {
    const examples = [example(true, "a"), example(true, "b")];
    const c = pairedChange(examples, [true, true], [false, false], (e) => e.paper === "a");
    expect([c.fixA, c.breakA, c.fixU, c.breakU]).toEqual([1, 0, 0, 0]);
    expect(c.diff).toBeCloseTo(0.5, 10);
  });

  it("gives the exact two-sided sign test", () => {
    expect(signTest(0, 0)).toBe(1);
    expect(signTest(5, 5)).toBe(1);
    // 9 of 10 one way: 2 × (1 + 10) / 1024.
    expect(signTest(9, 1)).toBeCloseTo(22 / 1024, 12);
  });
});
