import { describe, expect, it } from "vitest";
import { boundPapers, boundText, MAX_ABSTRACT_CHARS } from "../../src/digest/bounds.js";
import type { ParsedPaper } from "../../src/types.js";

const paper = (abstract: string, title = "T"): ParsedPaper => ({
  title,
  abstract,
  authors: [],
  arxivId: null,
  sourceCode: [],
  upvotes: null,
  sourceSummary: null,
  date: null,
  aliases: [],
  days: [],
  origin: { line: 7 },
});

describe("bounds on a stored paper", () => {
  it("keeps short text as it is, and cuts long text at a sentence end with a mark", () => {
    expect(boundText("Short.", 100)).toBe("Short.");
    const text = `${"A sentence of words. ".repeat(2000)}`;
    const cut = boundText(text, 1000);
    expect(cut.length).toBeLessThanOrEqual(1000);
    expect(cut).toMatch(/words\.…$/);
  });

  it("cuts one unbroken word hard, never inside a surrogate pair", () => {
    const cut = boundText("😀".repeat(2000), 101);
    expect(cut.length).toBeLessThanOrEqual(101);
    expect(cut.endsWith("…")).toBe(true);
    expect(/[\uD800-\uDBFF]…$/.test(cut)).toBe(false);
  });

  it("bounds a 5 MB one-paragraph abstract and says where", () => {
    const { papers, warnings } = boundPapers([paper("word ".repeat(1_000_000)), paper("fine")]);
    expect(papers[0]!.abstract.length).toBeLessThanOrEqual(MAX_ABSTRACT_CHARS);
    expect(papers[1]!.abstract).toBe("fine");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/^line 7: abstract of 5000000 characters stored cut/);
  });
});
