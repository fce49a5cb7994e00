import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/summary/sentences.js";

describe("splitSentences", () => {
  it("keeps abbreviations, citations, decimals and speed-ups inside their sentence", () => {
    const text =
      "We follow Smith et al. (2020) and use e.g. ResNet and ViT, i.e. two backbones. " +
      "Our method is 3.1x faster and gains +2.3 mIoU (see Fig. 2 and Eq. 4). " +
      "It reaches 90.5% accuracy vs. 88.1% for the baseline.";
    expect(splitSentences(text)).toEqual([
      "We follow Smith et al. (2020) and use e.g. ResNet and ViT, i.e. two backbones.",
      "Our method is 3.1x faster and gains +2.3 mIoU (see Fig. 2 and Eq. 4).",
      "It reaches 90.5% accuracy vs. 88.1% for the baseline.",
    ]);
  });

  it("does not split inside URLs and splits after a URL that ends a sentence", () => {
    const text =
      "Code is at https://github.com/org/repo.v2/tree/main. Models are on huggingface.co/org/Model.Large. We release all.";
    expect(splitSentences(text)).toEqual([
      "Code is at https://github.com/org/repo.v2/tree/main.",
      "Models are on huggingface.co/org/Model.Large.",
      "We release all.",
    ]);
  });

  it("handles question marks, exclamations, quotes, a digit-initial sentence and a missing space", () => {
    const text =
      'Can models reason? They can! We call it "Jumpout." 3D scenes are next.Results hold across tasks.';
    expect(splitSentences(text)).toEqual([
      "Can models reason?",
      "They can!",
      'We call it "Jumpout."',
      "3D scenes are next.",
      "Results hold across tasks.",
    ]);
  });

  it("keeps a decimal point a converter spaced ('77. 7%') inside its sentence, and splits after a bare number", () => {
    expect(
      splitSentences(
        "On ImageNet-1k, SpaRTAN achieves 77. 7% accuracy with 3.8M parameters. It is 2. 5x faster.",
      ),
    ).toEqual([
      "On ImageNet-1k, SpaRTAN achieves 77. 7% accuracy with 3.8M parameters.",
      "It is 2. 5x faster.",
    ]);
    // A number that ends a sentence before one that opens with a digit but no unit is a boundary.
    expect(splitSentences("We evaluate on 12 tasks across 3. 2 of them are new.")).toEqual([
      "We evaluate on 12 tasks across 3.",
      "2 of them are new.",
    ]);
  });

  it("splits after a single capital letter and after 'etc.' before a capital", () => {
    expect(splitSentences("We study type A. Then type B, C, etc. Finally we conclude.")).toEqual([
      "We study type A.",
      "Then type B, C, etc.",
      "Finally we conclude.",
    ]);
  });

  it("does not split before a lower-case word, and collapses line breaks", () => {
    expect(splitSentences("The U.S. Army uses it. and\nthen more w.r.t. the task.")).toEqual([
      "The U.S. Army uses it. and then more w.r.t. the task.",
    ]);
  });

  it("returns [] for blank text and the whole text when there is no terminator", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("  \n ")).toEqual([]);
    expect(splitSentences("A title without a period")).toEqual(["A title without a period"]);
  });

  it("splits a 200 KB abstract into many sentences, every character kept", () => {
    const unit = "We measure 3.1x speed-ups on e.g. ImageNet. ";
    const text = unit.repeat(Math.ceil(200_000 / unit.length));
    const out = splitSentences(text);
    expect(out.length).toBe(Math.ceil(200_000 / unit.length));
    expect(out.join(" ")).toBe(text.trim());
  });
});
