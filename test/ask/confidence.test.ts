/**
 * An answer's confidence and when it is given as tentative (docs/ask.md, "Confidence"). The models
 * here are written by hand so that the probabilities are known exactly; how well the fitted
 * model's confidence predicts a right answer is measured by scripts/calibrate-ask.ts.
 */
import { describe, expect, it } from "vitest";
import { answerFromRanking, answerQuestion, TENTATIVE_BELOW, TENTATIVE_LEAD } from "../../src/ask/answer.js";
import { FEATURES } from "../../src/ask/features.js";
import type { AnswerModel } from "../../src/ask/model.js";
import { askPaper, rankingOf } from "../support/ask-paper.js";

const paper = askPaper;

const fourSentences = paper(
  "Large models are slow to serve. We propose a cache that skips repeated layers. " +
    "It runs on an NVIDIA A100 GPU. The cache cuts latency by 40% on three benchmarks.",
);

/** Every sentence and declining score alike but for declining's margin: probabilities are known. */
const flat = (margin: number): AnswerModel => ({
  weights: new Float64Array(FEATURES.length),
  margin,
  summaryMargin: 0,
  complementGap: 1,
});

const ranking = rankingOf;

describe("confidence and tentative answers", () => {
  it("gives a sentence that does not clearly win as tentative, saying so, with the sentence as evidence", () => {
    const r = ranking(fourSentences, "how does the cache decide what to skip?");
    const options = r.eligible.filter(Boolean).length + 1;
    // All sentences at 0, declining at -1: each sentence has e^0 / (n + e^-1).
    const a = answerFromRanking(r, flat(-1));
    expect(a.stated).toBe(true);
    expect(a.confidence).toBeCloseTo(1 / (options - 1 + Math.exp(-1)), 6);
    expect(a.confidence).toBeLessThan(TENTATIVE_BELOW);
    expect(a.tentative).toBe(true);
    expect(a.evidence).toHaveLength(1);
    expect(a.text).toBe(`${TENTATIVE_LEAD} ${a.evidence[0]}`);
  });

  it("gives a sentence that clearly wins as it is", () => {
    const one = paper("We propose a cache that skips repeated layers of large models at serving time.");
    // One sentence at 0 against declining far below it.
    const a = answerFromRanking(ranking(one, "what do they propose?"), flat(-10));
    expect(a.confidence).toBeGreaterThan(0.99);
    expect(a.tentative).toBe(false);
    expect(a.text).toBe(a.evidence.join(" "));
    expect(a.text).not.toContain(TENTATIVE_LEAD);
  });

  it("never makes a rule's answer tentative: hardware named in the paper is stated", () => {
    const r = ranking(fourSentences, "what hardware do they run on?");
    expect(r.stated).toBe(true);
    const a = answerFromRanking(r, flat(-1));
    expect(a.evidence.join(" ")).toContain("A100");
    expect(a.tentative).toBe(false);
  });

  it("has no confidence where no ranking decided: declining, links, does-not-mention", () => {
    const declined = answerFromRanking(
      ranking(fourSentences, "how does the cache decide what to skip?"),
      flat(5),
    );
    expect(declined.stated).toBe(false);
    expect(declined.confidence).toBeNull();
    expect(declined.tentative).toBe(false);
    const missing = answerQuestion(fourSentences, "how many TPUs did they use?");
    expect(missing.stated).toBe(false);
    expect(missing.confidence).toBeNull();
    const linked = answerQuestion(
      { ...fourSentences, code: ["https://github.com/x/cache"] },
      "where's the code?",
    );
    expect(linked.source).toBe("links");
    expect(linked.confidence).toBeNull();
    expect(linked.tentative).toBe(false);
  });

  it("gives the shipped model's answers a confidence between 0 and 1", () => {
    const a = answerQuestion(fourSentences, "how much does the cache cut latency?");
    expect(a.stated).toBe(true);
    expect(a.confidence).toBeGreaterThan(0);
    expect(a.confidence).toBeLessThanOrEqual(1);
    expect(a.tentative).toBe((a.confidence as number) < TENTATIVE_BELOW);
  });
});
