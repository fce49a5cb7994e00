import { describe, expect, it } from "vitest";
import { sentenceFaults, summaryFaults } from "../../src/summary/checks.js";

// The yardstick itself: each fault is found on a sentence that has it, and a clean one has none.
describe("summary checks", () => {
  it("passes a clean sentence", () => {
    expect(
      sentenceFaults("We propose SparseKV, a cache eviction method that keeps only the most attended keys."),
    ).toEqual([]);
    expect(
      sentenceFaults("We argue that a teacher controls the sequence of tasks that a learner is trained on."),
    ).toEqual([]);
    expect(sentenceFaults("This work presents a two-stage neural architecture for matching graphs.")).toEqual(
      [],
    );
  });

  it.each([
    ["unbalanced-brackets", "We propose a model (with two heads for retrieval and ranking tasks."],
    ["unbalanced-brackets", "We introduce “Subset Scanning methods to detect anomalous inputs to networks."],
    ["latex", "We propose {\\bf FastAttn}, an attention with linear cost in sequence length."],
    ["latex", "We propose bf FastAttn, an attention with linear cost in the sequence length."],
    ["latex", "We propose A^2D, a decomposing method for enhancing the effectiveness of RLVR."],
    ["latex", "We reveal an improved adaptive complexity Oleft~footnoteHere that is logarithmic."],
    ["latex", "We show that the soft thresholding of the ell_1 norm is highly suboptimal here."],
    [
      "dangling-end",
      "We present a constraint on the latent space under the normalized softmax loss, proposed by.",
    ],
    ["dangling-end", "We study how to synthesize a dynamic reference in the latent domain and how."],
    ["dangling-end", "We focus on brain captioning due to its enhanced flexibility as compared."],
    ["too-short", "We propose a hybrid learning approach."],
    ["backward-opening", "To investigate this question, we introduce a benchmark of forty planning tasks."],
    ["backward-opening", "Then, we propose a Spike Sparse Convolution model for extracting point features."],
    [
      "backward-opening",
      "This approach achieves strong recovery on classification tasks, retaining up to 90%.",
    ],
  ])("finds %s in %j", (code, sentence) => {
    expect(sentenceFaults(sentence)).toContain(code);
  });

  it("finds cuts before a contrast, inside brackets, in a list and before the main clause", () => {
    const abstract =
      "We show that larger models memorize more of their training data, but only when the data repeats often. " +
      "Our method runs on a single GPU (an A100 with 80 GB of memory) and trains in one day. " +
      "We compare sparse attention methods at varying model scales, sequence lengths, and sparsity levels on long tasks. " +
      "We expand the arsenal of building blocks; but instead of combining standard primitives, we advocate sparse kernels.";
    const faults = (tldr: string) =>
      summaryFaults({ tldr, keyResults: [], findings: [] }, abstract).map((f) => f.code);
    expect(faults("We show that larger models memorize more of their training data.")).toContain(
      "cut-before-contrast",
    );
    expect(faults("Our method runs on a single GPU (an A100 with 80 GB.")).toContain("cut-inside-brackets");
    expect(
      faults("We compare sparse attention methods at varying model scales, sequence lengths."),
    ).toContain("cut-list");
    expect(
      faults("We expand the arsenal of building blocks; but instead of combining standard primitives."),
    ).toContain("cut-claim");
    expect(
      faults("Our method runs on a single GPU (an A100 with 80 GB of memory) and trains in one day."),
    ).toEqual([]);
  });

  it("finds a key result that repeats the TL;DR", () => {
    const tldr = "We propose MEG-XL, a model pre-trained with 2.5 minutes of MEG context per sample.";
    const faults = summaryFaults({ tldr, keyResults: [tldr], findings: [] }, tldr);
    expect(faults).toContainEqual({ part: "key result 1", code: "repeats-tldr", text: tldr });
  });
});
