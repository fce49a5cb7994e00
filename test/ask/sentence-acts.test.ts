import { describe, expect, it } from "vitest";
import { ACTS, type Act, sentenceActs } from "../../src/ask/sentence-acts.js";

/** The act of a sentence's main verb (score 1), or null. */
function mainAct(sentence: string): Act | null {
  const score = sentenceActs(sentence).score;
  const k = score.indexOf(1);
  return k >= 0 ? (ACTS[k] as Act) : null;
}

describe("sentence acts", () => {
  it("reads the act of the main clause, after an opening subordinate clause", () => {
    expect(mainAct("To address this, we propose LSNet, a lightweight network.")).toBe("proposal");
    expect(mainAct("By pruning 50% of the heads, we achieve a 2x speedup with no loss in accuracy.")).toBe(
      "outcome",
    );
    expect(mainAct("LSNet first aggregates large-kernel context and then applies small attention.")).toBe(
      "mechanism",
    );
    expect(mainAct("Experiments show that LSNet outperforms prior models by 2.3% top-1.")).toBe("outcome");
    expect(mainAct("However, mean pooling can dilute salient local signals.")).toBe("critique");
    expect(mainAct("We attribute this to the mismatch between training and inference.")).toBe("cause");
    expect(mainAct("Our model is trained with a contrastive objective on 10M image-text pairs.")).toBe(
      "mechanism",
    );
  });

  it("tells a verb from a noun of the same spelling", () => {
    // "models", "results", "training" as nouns carry no act; "we train" does.
    expect(mainAct("Large language models and their training data.")).toBeNull();
    expect(mainAct("We train the router with a ranking loss.")).toBe("mechanism");
  });

  it("marks an act the sentence carries beside its main one at half strength", () => {
    const s = sentenceActs("By pruning 50% of the heads, we achieve a 2x speedup.").score;
    expect(s[ACTS.indexOf("outcome")]).toBe(1);
    expect(s[ACTS.indexOf("mechanism")]).toBe(0.5);
    expect(s[ACTS.indexOf("cause")]).toBe(0);
  });
});

describe("sentence acts: the field's praise", () => {
  it("does not read the present perfect of an outcome verb as the paper's finding", () => {
    expect(mainAct("Large language models have demonstrated remarkable capabilities.")).toBeNull();
    expect(mainAct("Our method consistently outperforms strong baselines.")).toBe("outcome");
  });
});
