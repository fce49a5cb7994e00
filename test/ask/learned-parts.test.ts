import { describe, expect, it } from "vitest";
import { INTENTS } from "../../src/ask/intent.js";
import { intentModelOf, intentProbabilities, shippedIntentModel } from "../../src/ask/intent-model.js";
import { readQuestion } from "../../src/ask/question.js";
import { cosine, shippedTermSpace, termSpaceOf } from "../../src/ask/term-space.js";
import { words } from "../../src/ask/words.js";
import { PaperboyError } from "../../src/errors.js";

const topIntent = (text: string) => {
  const p = intentProbabilities(shippedIntentModel(), readQuestion(text).text);
  return INTENTS[p.indexOf(Math.max(...p))];
};

describe("ask: the learned intent classifier", () => {
  it("reads fragments, typos and chat wording", () => {
    expect(topIntent("datasets?")).toBe("datasets");
    expect(topIntent("datsets used?")).toBe("datasets");
    expect(topIntent("whats the catch")).toBe("limitations");
    expect(topIntent("what do u get on imagenet")).toBe("results");
    const p = intentProbabilities(shippedIntentModel(), "explain the architecture");
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it("is refused when its file is not the code's model", () => {
    const bad = {
      model: "ask-intent",
      version: 99,
      fitted: { at: "2026-01-01", script: "s", data: "d", method: "m" },
      features: ["bias"],
      weights: {},
    };
    expect(() => intentModelOf(bad)).toThrow(PaperboyError);
  });
});

describe("ask: the latent term space", () => {
  const space = () => shippedTermSpace();
  const near = (q: string, a: string) => cosine(space().embed(words(q)), space().embed(words(a)));

  it("brings a question close to a sentence that answers it in other words", () => {
    const evaluation = "We evaluate on ImageNet and COCO benchmarks.";
    const degradation = "Performance degrades significantly at moderate sparsity.";
    const speed = "Our kernels run 3x faster with lower latency.";
    expect(near("which datasets", evaluation)).toBeGreaterThan(near("which datasets", degradation) + 0.2);
    expect(near("how fast is it", speed)).toBeGreaterThan(near("how fast is it", evaluation) + 0.2);
  });

  it("has nothing to say of function words alone, and refuses a file whose rows do not match", () => {
    expect(space().embed(words("what is the"))).toBeNull();
    const file = {
      model: "ask-term-space",
      version: 1,
      fitted: { at: "2026-01-01", script: "s", data: "d", method: "m" },
      features: ["a", "b"],
      weights: { d0: [1, 2], d2: [1, 2] },
    };
    expect(() => termSpaceOf(file)).toThrow(/d1 is missing/);
  });
});
