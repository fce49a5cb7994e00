import { describe, expect, it } from "vitest";
import { codeLinks, extractLinks } from "../../src/digest/links.js";

describe("links: bare code-host addresses and URLs broken by PDF extraction", () => {
  it("a bare github.com/... (or huggingface.co/...) is a link, with https", () => {
    expect(
      extractLinks(
        "Code is at github.com/org/repo. Weights: huggingface.co/org/Model-7B, www.gitlab.com/a/b",
      ),
    ).toEqual([
      "https://github.com/org/repo",
      "https://huggingface.co/org/Model-7B",
      "https://www.gitlab.com/a/b",
    ]);
    // Not inside an e-mail address or another URL, and no bare host of other sites.
    expect(
      extractLinks("Write to me@github.com/x or see example.com/page and https://x.org/github.com/y"),
    ).toEqual(["https://x.org/github.com/y"]);
    expect(codeLinks(extractLinks("see github.com/a/b"), [])).toEqual(["https://github.com/a/b"]);
  });

  it("rejoins a URL broken at a hyphen or after its owner, and only then", () => {
    expect(
      extractLinks(
        "Code is available at github.com/EavnJeong/Internal-Flow-Signatures-for- Self-Checking -and-Refinement-in-LLMs.",
      ),
    ).toEqual([
      "https://github.com/EavnJeong/Internal-Flow-Signatures-for-Self-Checking-and-Refinement-in-LLMs",
    ]);
    expect(extractLinks("released in https://github.com/Osilly/ Vision-DeepResearch .")).toEqual([
      "https://github.com/Osilly/Vision-DeepResearch",
    ]);
    expect(extractLinks("at https://github.com/MIRALab-USTC/LLM- TAPPA .")).toEqual([
      "https://github.com/MIRALab-USTC/LLM-TAPPA",
    ]);
    // A whole link followed by a word stays whole.
    expect(extractLinks("see https://site.org/ and https://github.com/a/b/ then more")).toEqual([
      "https://site.org/",
      "https://github.com/a/b/",
    ]);
  });
});
