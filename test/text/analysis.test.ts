/** The one text analysis: names' spellings, titles as indexed, papers compared, abbreviations. */
import { describe, expect, it } from "vitest";
import {
  Abbreviations,
  analyze,
  analyzeTitle,
  comparedTerms,
  expandAbbreviations,
  nameForms,
  paperTermCounts,
  plainText,
  sentenceWords,
  titleNames,
  titleText,
} from "../../src/text/analysis.js";

describe("title names", () => {
  it.each([
    ["PaperBanana: Automating Academic Illustration", ["paperbanana", "paper", "banana"]],
    ["DreamActor-M2: Universal Character Image Animation", ["dreamactorm2", "dream", "actor"]],
    ["Drive-JEPA: Video JEPA Meets Trajectory Distillation", ["drivejepa", "drive", "jepa"]],
    ["Kimi K2.5: Visual Agentic Intelligence", ["kimik25", "k25"]],
    ["UniAudio 2.0: A Unified Audio Language Model", ["uniaudio20", "uniaudio2", "uni", "audio"]],
    ["Fast-SAM3D: 3Dfy Anything in Images", ["fastsam3d", "sam", "3d"]],
    ["WildGraphBench: Benchmarking GraphRAG", ["wildgraphbench", "wild", "graph", "bench", "rag"]],
    ["THINKSAFE: Self-Generated Safety Alignment", ["thinksafe"]],
    ["Golden Goose: A Simple Trick", ["goldengoose"]],
  ])("%s → %j among its forms", (title, expected) => {
    const forms = nameForms(title);
    for (const f of expected) expect(forms).toContain(f);
  });

  it("leaves words, plural acronyms, quantities and lowercase numbers alone", () => {
    expect(titleNames("Long-Horizon Real-Time Reasoning in LLMs with 0.9B Parameters")).toEqual([]);
    expect(nameForms("Semantic Search over 9 Million Theorems")).toEqual([]);
    // Two lowercase letters are spelling, not a word of their own ("Lo" + "RA").
    expect(nameForms("Vanilla LoRA May Suffice")).not.toContain("lo");
  });

  it("indexes a title with its names' spellings, and analyzes them like any word", () => {
    expect(titleText("Plain Title")).toBe("Plain Title");
    expect(titleText("MemOCR: Visual Memory")).toBe("MemOCR: Visual Memory\nmemocr mem ocr");
    expect(analyzeTitle("MemOCR: Visual Memory")).toEqual([
      "memocr",
      "visual",
      "memori",
      "memocr",
      "mem",
      "ocr",
    ]);
  });
});

describe("sentences", () => {
  it("splits where a sentence ends and leaves out sentences without words", () => {
    expect(sentenceWords("First one. Second! Third?\nFourth. ... ")).toEqual([
      ["first", "one"],
      ["second"],
      ["third"],
      ["fourth"],
    ]);
    expect(sentenceWords("3.5 points, e.g.the model")).toEqual([
      ["3", "5", "points", "e", "g", "the", "model"],
    ]);
  });
});

describe("comparing papers", () => {
  it("counts title terms twice and leaves out URLs and LaTeX markup", () => {
    const counts = paperTermCounts(
      "Sparse Attention",
      "We make attention sparse, see https://github.com/x/sparse-attn and \\textbf{speed}.",
    );
    expect(counts.get("spars")).toBe(3);
    expect(counts.get("attent")).toBe(3);
    expect(counts.get("speed")).toBe(1);
    expect(counts.has("github")).toBe(false);
    expect(counts.has("textbf")).toBe(false);
    expect(plainText("a $x^2$ {b}")).toBe("a  x 2   b ");
  });

  it("reads a text to compare (topics) like search reads it, without its URLs and LaTeX", () => {
    expect(comparedTerms("Q-learning on Fréchet \\emph{features}, see https://github.com/x/y")).toEqual([
      "learn",
      "qlearn",
      "frechet",
      "featur",
      "see",
    ]);
    expect(comparedTerms("GPT-4 and 3D")).toEqual(analyze("GPT-4 and 3D"));
  });

  it("counts a short form the archive is sure of as its long form's terms too", () => {
    const dict = new Abbreviations();
    dict.set(1, "We train with reinforcement learning (RL) on tasks.");
    dict.set(2, "Reinforcement learning (RL) again.");
    const counts = expandAbbreviations(new Map([["rl", 2]]), dict, () => 2);
    expect(Object.fromEntries(counts)).toEqual({ rl: 2, reinforc: 2, learn: 2 });
    // A short form mostly used as a plain word is not expanded.
    expect(expandAbbreviations(new Map([["rl", 1]]), dict, () => 100).size).toBe(1);
    expect(analyze("RL")).toEqual(["rl"]);
  });
});
