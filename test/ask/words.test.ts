/** Ask's words read on the one text analysis: folded, stemmed and joined as search reads them. */
import { describe, expect, it } from "vitest";
import { fitsMeasure, quantities } from "../../src/ask/cues.js";
import { matchKeys, mentions, words } from "../../src/ask/words.js";
import { termOf } from "../../src/text/analysis.js";

const word = (text: string) => words(text)[0] as NonNullable<ReturnType<typeof words>[0]>;

describe("ask's words", () => {
  it("keep names with their inner hyphens and dots, and the function words", () => {
    expect(words("Does GPT-4 beat Qwen3-8B v1.5 which").map((w) => w.lower)).toEqual([
      "does",
      "gpt-4",
      "beat",
      "qwen3-8b",
      "v1.5",
      "which",
    ]);
  });

  it("fold and stem as the shared analysis does", () => {
    expect(word("Fréchet").lower).toBe("frechet");
    // "é" typed as e + a combining accent stays one word.
    expect(words("Fre\u0301chet distance").map((w) => w.lower)).toEqual(["frechet", "distance"]);
    expect(word("classiﬁcation").stem).toBe(termOf("classification"));
    expect(word("attention").stem).toBe(termOf("attention"));
    expect(mentions(matchKeys("The Fréchet distance drops."), word("frechet"))).toBe(true);
  });

  it("match a unit glued to its number, and a unit with or without its SI prefix", () => {
    const keys = matchKeys("It reaches 50.4AP (+2.2) on COCO, 3.87x faster, at 1.0 GFLOPs for a 7B model.");
    expect(mentions(keys, word("AP"))).toBe(true);
    expect(mentions(keys, word("FLOPs"))).toBe(true);
    expect(mentions(matchKeys("It needs 2.1 FLOPs per token."), word("GFLOPs"))).toBe(true);
    expect(mentions(matchKeys("It needs 2.1 FLOPs per token."), word("MACs"))).toBe(false);
    // A name's digits are not a unit: "Qwen3" has no "wen".
    expect(mentions(matchKeys("We fine-tune Qwen3."), word("wen"))).toBe(false);
  });

  it('keep an ampersand inside a word ("Q&As", "R&D")', () => {
    expect(words("What topics do the Q&As cover?").map((w) => w.lower)).toContain("q&as");
    expect(mentions(matchKeys("we summarize ten Q&As of SNNs"), word("Q&As"))).toBe(true);
  });

  it("match a hyphened name joined and the other way round", () => {
    expect(mentions(matchKeys("We train with Qlearning."), word("Q-learning"))).toBe(true);
    expect(mentions(matchKeys("We train with Q-learning."), word("Qlearning"))).toBe(true);
    expect(mentions(matchKeys("Drive\u2010JEPA predicts."), word("DriveJEPA"))).toBe(true);
    expect(mentions(matchKeys("We train with learning."), word("Qlearning"))).toBe(false);
  });

  it("match a camel-case name written as two words and the other way round", () => {
    expect(mentions(matchKeys("fully compatible with Flash Attention"), word("FlashAttention"))).toBe(true);
    expect(mentions(matchKeys("built on the FlashAttention kernel"), word("attention"))).toBe(true);
    // Two lower-case words in a row are not a name: "the model" never matches "themodel".
    expect(mentions(matchKeys("we train the model"), word("themodel"))).toBe(false);
  });
});

describe("ask's quantities", () => {
  it("keep what a number counts when a comparison word comes first ('up to 50 iterations')", () => {
    const [q] = quantities("planning horizons of up to 50 iterations");
    expect(q?.noun).toBe("iterations");
    expect(fitsMeasure(q as NonNullable<typeof q>, "time")).toBe(true);
    const [m] = quantities("completing a reconstruction in 3 to 5 minutes per scene");
    expect(fitsMeasure(m as NonNullable<typeof m>, "time")).toBe(true);
  });

  it("read hours written short ('1hr vs 50hrs') as time, and '90%' as no time", () => {
    const found = quantities("needs 1hr vs 50hrs of labelled speech and reaches 90%");
    expect(found.map((q) => fitsMeasure(q, "time"))).toEqual([true, true, false]);
  });
});
