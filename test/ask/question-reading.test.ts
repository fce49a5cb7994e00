/**
 * Round 8's faults of reading a question (docs/ask.md): what the rules decide before the answer
 * model ranks anything. Small papers written here; the sets' figures are in ask.test.ts.
 */
import { describe, expect, it } from "vitest";
import { type AnswerInput, answerQuestion, prepareAnswer } from "../../src/ask/answer.js";
import { intentWeights } from "../../src/ask/intent.js";
import { readQuestion } from "../../src/ask/question.js";

const paper = (abstract: string): AnswerInput => ({
  title: "A Test Paper",
  abstract,
  links: [],
  code: [],
  sourceSummary: null,
});

const detector = paper(
  "Sparse DETR detectors keep every query. We efficiently abandon the background queries after the encoder. " +
    "Our model reaches 50.4AP (+2.2) on COCO at approximately 1.0 GFLOPs per image, 3.87x faster than the baseline. " +
    "We study fine-tuning as cold-start initialization (IN) and as continued training (CT).",
);
const caseStudies = paper(
  "We present case studies of researchers working with a language model. " +
    "The problems come from theoretical computer science, as well as other areas such as economics and physics. " +
    "The model helped to solve open problems and to refute conjectures.",
);

/** The answer the rules give before ranking, or null when the question reaches the answer model. */
const decided = (p: AnswerInput, question: string) => {
  const prepared = prepareAnswer(p, question, []);
  return "answer" in prepared ? prepared.answer.text : null;
};

describe("reading the question (round 8)", () => {
  it("finds a metric glued to its number and a unit under its SI prefix", () => {
    expect(decided(detector, "AP on COCO?")).toBeNull();
    expect(decided(detector, "FLOPs?")).toBeNull();
    expect(answerQuestion(detector, "FLOPs?").text).not.toMatch(/does not mention/);
    // A metric the paper never reports is still missing.
    expect(decided(detector, "mIoU on ADE20K?")).toMatch(/does not mention mIoU/);
  });

  it("answers an acronym's long form from the sentence that introduces it", () => {
    const a = answerQuestion(detector, "what does IN stand for in this paper");
    expect(a.stated).toBe(true);
    expect(a.evidence).toEqual([expect.stringContaining("cold-start initialization (IN)")]);
    expect(answerQuestion(detector, "CT is short for what?").evidence[0]).toMatch(
      /continued training \(CT\)/,
    );
    // The word "in" is no acronym, and an acronym the paper never introduces is not made up.
    expect(answerQuestion(detector, "what does XYZ stand for?").stated).toBe(false);
  });

  it("still declines a counted or named thing the paper never mentions", () => {
    expect(decided(detector, "how many GPUs did they train on?")).toMatch(/does not mention GPUs/);
    expect(decided(caseStudies, "which datasets do they evaluate on?")).not.toBeNull();
    // A word of the kind of answer is not its subject: "what are the three parts" needs no "parts".
    expect(decided(caseStudies, "what are the three parts?")).toBeNull();
  });

  it("does not read solving open problems as asking for limitations", () => {
    const q = readQuestion("did it actually solve open problems or just help with routine stuff");
    expect(intentWeights(q).has("limitations")).toBe(false);
    expect(intentWeights(readQuestion("what open problems remain?")).has("limitations")).toBe(true);
    expect(answerQuestion(caseStudies, "did it actually solve open problems").text).not.toMatch(
      /limitations/,
    );
  });

  it("answers an English question that holds German stopwords", () => {
    const a = answerQuestion(caseStudies, "so it doesn't really solve open problems?");
    expect(a.text).not.toMatch(/only answer questions in English/);
  });
});
