import { describe, expect, it } from "vitest";
import { bestRougeF1Tokens, lcsLength, rougeF1, rougeTokens } from "../../src/eval/rouge.js";

// Every expected value below was computed by hand from the definitions in rouge_score.
describe("ROUGE (rouge_score with use_stemmer=True)", () => {
  it("tokenizes like rouge_score: lower case, non-alphanumerics split, stems only words over 3 letters", () => {
    expect(rougeTokens("ResNet-50 gets 76.1% top-1!")).toEqual([
      "resnet",
      "50",
      "get",
      "76",
      "1",
      "top",
      "1",
    ]);
    expect(rougeTokens("Running models ran quickly.")).toEqual(["run", "model", "ran", "quickli"]);
    expect(rougeTokens("  --  ")).toEqual([]);
  });

  it("scores 'the cat sat on the mat' against 'the cat is on the mat'", () => {
    // unigrams: 5 of 6 shared; bigrams: the cat, on the, the mat = 3 of 5; LCS: the cat on the mat = 5.
    const s = rougeF1("the cat sat on the mat", "the cat is on the mat");
    expect(s.rouge1).toBeCloseTo(5 / 6, 12);
    expect(s.rouge2).toBeCloseTo(3 / 5, 12);
    expect(s.rougeL).toBeCloseTo(5 / 6, 12);
  });

  it("matches stems across word forms, and order matters for bigrams and LCS", () => {
    // [run model ran quickli] vs [the model run quick]: 2 shared unigrams, no bigram, LCS 1.
    const s = rougeF1("Running models ran quickly.", "The model runs quick");
    expect(s.rouge1).toBeCloseTo(0.5, 12);
    expect(s.rouge2).toBe(0);
    expect(s.rougeL).toBeCloseTo(0.25, 12);
  });

  it("clips repeated n-grams by their count in the reference", () => {
    // P = 1/4, R = 1/2, F = 2 * (1/8) / (3/4) = 1/3.
    const s = rougeF1("the the the the", "the cat");
    expect(s.rouge1).toBeCloseTo(1 / 3, 12);
    expect(s.rouge2).toBe(0);
    expect(s.rougeL).toBeCloseTo(1 / 3, 12);
  });

  it("gives 0, not NaN, for an empty candidate or reference", () => {
    expect(rougeF1("", "a reference")).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
    expect(rougeF1("a candidate", "")).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
  });

  it("takes the best gold for each metric on its own", () => {
    const cand = rougeTokens("a b c d");
    // gold 1 "a b x y": R1 = 1/2, R2 = 1/3, LCS 2 -> 1/2.  gold 2 "d c b a": R1 = 1, R2 = 0, LCS 1 -> 1/4.
    const best = bestRougeF1Tokens(cand, [rougeTokens("a b x y"), rougeTokens("d c b a")]);
    expect(best.rouge1).toBeCloseTo(1, 12);
    expect(best.rouge2).toBeCloseTo(1 / 3, 12);
    expect(best.rougeL).toBeCloseTo(1 / 2, 12);
  });

  it("computes the longest common subsequence", () => {
    expect(lcsLength(["a", "b", "c", "b", "d", "a", "b"], ["b", "d", "c", "a", "b", "a"])).toBe(4);
    expect(lcsLength([], ["a"])).toBe(0);
  });
});
