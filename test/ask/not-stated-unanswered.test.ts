/**
 * Round 16: unanswerable questions that were answered (docs/ask.md, "Round 16: declining what the
 * paper does not state"). Each paper here is written for the test, not taken from a question set.
 */
import { describe, expect, it } from "vitest";
import { type AnswerInput, answerQuestion, prepareAnswer } from "../../src/ask/answer.js";

const paper = (title: string, abstract: string): AnswerInput => ({ title, abstract, links: [], code: [] });

describe("one of a kind of hardware, asked for by name", () => {
  const kindOnly = paper(
    "Tiled Attention Kernels for Long Documents",
    "We present a tiled attention kernel for documents of a million tokens. Our GPU-friendly " +
      "implementation runs 3.1x faster than the usual kernel. It also fits on small devices used at " +
      "the edge. We evaluate it on three long-document summarization benchmarks.",
  );
  const named = paper(
    "Tiled Attention Kernels for Long Documents",
    "We present a tiled attention kernel for documents of a million tokens. On one H100 our " +
      "implementation runs 3.1x faster than the usual kernel. We evaluate it on three long-document " +
      "summarization benchmarks.",
  );

  it("declines which GPU or which device when the paper only names the kind", () => {
    for (const q of ["which GPU did they time it on?", "on which edge devices did they try it?"]) {
      const prepared = prepareAnswer(kindOnly, q, []);
      expect("answer" in prepared && prepared.rule, q).toBe("no hardware");
      expect(answerQuestion(kindOnly, q).stated, q).toBe(false);
    }
  });

  it("answers with the device when the paper names one", () => {
    const a = answerQuestion(named, "which GPU did they time it on?");
    expect(a.stated).toBe(true);
    expect(a.evidence.join(" ")).toMatch(/H100/);
  });

  it("leaves 'what hardware' and 'what kind of device' to the kind the paper gives", () => {
    for (const q of ["what hardware is it made for?", "what kind of devices can run it?"]) {
      const prepared = prepareAnswer(kindOnly, q, []);
      expect("answer" in prepared ? prepared.rule : "ranked", q).not.toBe("no hardware");
    }
  });
});
