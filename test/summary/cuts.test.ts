import { describe, expect, it } from "vitest";
import { sentenceFaults } from "../../src/summary/checks.js";
import { standAlone } from "../../src/summary/compress.js";
import { keyResults } from "../../src/summary/key-results.js";
import { OVERRUN_WORDS, safeFinish } from "../../src/summary/length.js";
import { summarize } from "../../src/summary/summarize.js";

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

// The broken classes of the issue, each at its root: the cut, the opening, the short sentence.
describe("safe cuts", () => {
  it("never cuts before a contrast: the 'but …' clause stays or the sentence is not cut", () => {
    const s =
      "We show that scaling the number of retrieved passages improves answer accuracy on every benchmark we study, " +
      "but only when the retriever is trained jointly with the reader model.";
    const out = safeFinish(s, 20);
    expect(out === null || out.includes("but only when")).toBe(true);
  });

  it("never cuts a clause's last few words off after a comma: they complete the phrase", () => {
    // From the bundled sample: the cut left "cannot handle irregular." (adjectives without their noun).
    const s =
      "We identify and overcome two key obstacles in extending the success of BERT-style pre-training to " +
      "convolutional networks: convolution operation cannot handle irregular, random-masked input images; the " +
      "single-scale nature of BERT pre-training is inconsistent with the hierarchical structure of convnets.";
    for (const budget of [20, 24, 28]) {
      const out = safeFinish(s, budget);
      if (out) expect(out).not.toMatch(/irregular\.$/);
    }
    // A short tail that ends at a comma is not the phrase's end ("…, respectively, while …").
    const t =
      "Integrated into three video models, the method achieves 2.09x, 2.38x, and 1.67x lower cost and speedups of " +
      "1.76x, 1.85x, and 1.58x, respectively, while keeping visual fidelity high on every benchmark and every resolution.";
    expect(safeFinish(t, 24)).not.toBeNull();
  });

  it("drops an opening 'And' from a TL;DR, and takes no key result from a sentence that continues the one before", () => {
    expect(standAlone("And we lay the foundation for future work on defenses for few-shot tasks.")).toBe(
      "We lay the foundation for future work on defenses for few-shot tasks.",
    );
    expect(sentenceFaults("And even 3-6% attention heads can be skipped.")).toContain("backward-opening");
    const abstract =
      "Video diffusion transformers are slow because attention is quadratic in the number of tokens. " +
      "We identify three recurring sparsity patterns in their attention maps. And even 3-6% attention heads can be skipped. " +
      "Integrated into three video models, our framework achieves 2.09x lower theoretical cost and 1.76x faster inference at equal quality.";
    const shown = summarize("Sparse attention for video diffusion", abstract).keyResults;
    expect(shown.some((r) => /heads can be skipped/.test(r))).toBe(false);
    expect(shown.some((r) => /2\.09x lower theoretical cost/.test(r))).toBe(true);
  });

  it("never cuts inside brackets", () => {
    const s =
      "In a careful study, we evaluate the new method on four long-context benchmarks (including RULER, LongBench, " +
      "InfiniteBench and a new synthetic retrieval task with needles at every depth) and report consistent gains.";
    for (const budget of [16, 20, 24]) {
      const out = safeFinish(s, budget);
      if (out) expect(sentenceFaults(out)).not.toContain("unbalanced-brackets");
    }
  });

  it("never cuts a list short", () => {
    const s =
      "We perform a careful comparison of training-free sparse attention methods at varying model scales, sequence " +
      "lengths, and sparsity levels on a diverse collection of long-sequence tasks that rely on natural language.";
    const out = safeFinish(s, 16) ?? "";
    expect(out).not.toMatch(/model scales, sequence lengths\.$/);
    expect(out).not.toMatch(/\brely\.$/);
  });

  it("never ends on a word that leaves a phrase open", () => {
    for (const s of [
      "We present a constraint-based approach applied to the representations in the latent space under the normalized softmax loss, proposed by earlier work on metric learning for faces.",
      "We study how to synthesize a dynamic reference from an external dictionary to perform conditional coding in the latent domain and how to learn the synthesis modules end to end.",
      "We present a method for decoding brain activity into images and captions, with a focus on captioning due to its enhanced flexibility as compared to brain decoding into images.",
    ]) {
      const out = safeFinish(s, 24);
      if (out) expect(sentenceFaults(out).filter((f) => f !== "too-short")).toEqual([]);
    }
  });

  it("never keeps an opening clause without its main clause", () => {
    const s =
      "By projecting the momentum onto the tangent space of the model parameters and constraining it on a rotational " +
      "manifold, we propose Mano, a novel, powerful, and efficient optimizer for training large language models.";
    const out = safeFinish(s, 20);
    expect(out === null || /\bwe propose Mano\b/.test(out)).toBe(true);
  });

  it("keeps a sentence a few words over the budget whole, and runs at most OVERRUN_WORDS over it", () => {
    const s =
      "We propose a scalable framework for training dense retrieval models on synthetic data without labels.";
    expect(safeFinish(s, words(s) - 3, 5)).toBe(s);
    const long = `We propose ${"a very long and winding description of the method ".repeat(8)}that works.`;
    const out = safeFinish(long, 20);
    if (out) expect(words(out)).toBeLessThanOrEqual(20 + OVERRUN_WORDS);
  });
});

describe("standing alone", () => {
  it.each([
    [
      "To investigate this question, we introduce a benchmark of planning tasks.",
      "We introduce a benchmark of planning tasks.",
    ],
    ["Then, we propose a Spike Sparse Convolution model.", "We propose a Spike Sparse Convolution model."],
    ["We further propose the evolution-scaling hypothesis.", "We propose the evolution-scaling hypothesis."],
    [
      "To address these issues, for detection we introduce a compression method.",
      "For detection we introduce a compression method.",
    ],
    ["Leveraging these findings, we propose Sparse-vDiT.", "We propose Sparse-vDiT."],
    ["However, to bridge the gap, we present X.", "We present X."],
    ["Most notably, it achieves 36.2 AP on LVIS.", "Our method achieves 36.2 AP on LVIS."],
    [
      "This approach achieves strong recovery on classification tasks.",
      "Our approach achieves strong recovery on classification tasks.",
    ],
    ["We use the loss, proposed by [18].", "We use the loss."],
    [
      "Models are popular due to algorithms introduced by (Kingma & Welling 2013, Rezende et al. 2014).",
      "Models are popular due to algorithms.",
    ],
    [
      "Instead of pruning models, we propose a new approach.",
      "Instead of pruning models, we propose a new approach.",
    ],
  ])("%j → %j", (source, shown) => {
    expect(standAlone(source)).toBe(shown);
  });

  it("names the title's system for 'It' when the title announces one", () => {
    expect(standAlone("It achieves 98.5% coverage on RepoCraft.", { name: "RPG-Encoder" })).toBe(
      "RPG-Encoder achieves 98.5% coverage on RepoCraft.",
    );
    // "It is known that …" is not about the method.
    expect(standAlone("It is known that attention is costly.", { name: "X" })).toBe(
      "It is known that attention is costly.",
    );
  });
});

describe("short TL;DRs and repeated results", () => {
  it("joins 'We propose X.' to the sentence that says what X is", () => {
    const abstract =
      "Backpropagation drives today's neural networks. However, it is unclear whether the brain implements it. " +
      "Here we propose a hybrid learning approach. Each neuron uses a reinforcement-learning strategy to approximate " +
      "the gradients that backpropagation would provide. We prove that it converges for some networks.";
    const { tldr } = summarize("Learning to solve the credit assignment problem", abstract);
    expect(words(tldr)).toBeGreaterThanOrEqual(8);
    expect(tldr).not.toBe("We propose a hybrid learning approach.");
  });

  it("never repeats the TL;DR as a key result", () => {
    const abstract =
      "We propose MEG-XL, a model pre-trained with 2.5 minutes of MEG context per sample, 5-300x longer than prior work. " +
      "Background sentence about brains and decoding words from signals.";
    const s = summarize("MEG-XL: Data-Efficient Brain-to-Text", abstract);
    expect(s.tldr).toContain("MEG-XL");
    expect(s.keyResults.some((r) => r.includes("2.5 minutes"))).toBe(false);
  });

  it("keeps a key result's parenthesis whole", () => {
    const [r] = keyResults([
      "We illustrate the performance quantitatively as well as qualitatively on tasks such as measuring sentence " +
        "similarity and word entailment, where we empirically observe significant gains (e.g., 4.1% relative " +
        "improvement over Sent2vec and GenSen).",
    ]);
    expect(r).toBeDefined();
    expect(r).toContain("(e.g., 4.1% relative improvement over Sent2vec and GenSen)");
  });
});
