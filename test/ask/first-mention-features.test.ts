/**
 * Round 16's features (docs/ask.md, "Round 16: novelty and why ranking, measured"): the sentence
 * where the question's words first occur and the one after it, each under the question's kind (a
 * why question's cause is mostly not where its words first occur).
 */
import { describe, expect, it } from "vitest";
import { featureIndex } from "../../src/ask/features.js";
import { askPaper, rankingOf } from "../support/ask-paper.js";

const paper = askPaper(
  "Quantization keeps large models accurate at four bits. " +
    "However, quantization deteriorates sharply at two bits. " +
    "Existing grids are fixed, severely restricting the feasible set of weights. " +
    "We propose adaptive grids that recover the lost accuracy.",
);

/** The value of one feature for each sentence of the abstract, in order. */
function column(question: string, feature: string): number[] {
  const r = rankingOf(paper, question);
  const j = featureIndex(feature);
  return r.passages.flatMap((p, i) =>
    p.source === "abstract" ? [(r.rows[i] as Float64Array)[j] as number] : [],
  );
}

describe("ask: where the question's words first occur, by the question's kind", () => {
  it("marks the sentence where a why question's words first occur, and the one after it", () => {
    const q = "why does quantization deteriorate at two bits?";
    expect(column(q, "first-mention:kind:why")).toEqual([0, 1, 0, 0]);
    expect(column(q, "after-first-mention:kind:why")).toEqual([0, 0, 1, 0]);
  });

  it("leaves them at 0 for a question that is not a why", () => {
    const q = "does quantization deteriorate at two bits?";
    expect(column(q, "first-mention")).toEqual([0, 1, 0, 0]);
    expect(column(q, "first-mention:kind:why")).toEqual([0, 0, 0, 0]);
    expect(column(q, "after-first-mention:kind:why")).toEqual([0, 0, 0, 0]);
    // The same places, under the question's own kind.
    expect(column(q, "first-mention:kind:yes-no")).toEqual([0, 1, 0, 0]);
    expect(column(q, "after-first-mention:kind:yes-no")).toEqual([0, 0, 1, 0]);
  });
});
