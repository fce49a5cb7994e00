import { describe, expect, it } from "vitest";
import { paperUrl } from "../../src/bot/cards.js";
import type { Paper } from "../../src/types.js";

const paper = (links: string[], arxivId: string | null = null): Paper => ({
  id: "pb-0123456789ab",
  title: "T",
  abstract: "A",
  date: "2026-02-03",
  authors: [],
  arxivId,
  links,
  code: links.filter((l) => l.includes("github.com")),
  upvotes: null,
  sourceSummary: null,
  aliases: [],
  days: [],
});

describe("the paper's own link", () => {
  it("is arXiv's page for an arXiv paper", () => {
    expect(paperUrl(paper(["https://evil.example/phish"], "2602.00919"))).toBe(
      "https://arxiv.org/abs/2602.00919",
    );
  });

  it("is never an arbitrary URL of the abstract (a hostile digest's phishing page)", () => {
    expect(paperUrl(paper(["https://evil.example/phish", "https://github.com/a/b"]))).toBeNull();
  });

  it("is an arXiv or Hugging Face paper page the abstract names", () => {
    expect(paperUrl(paper(["https://evil.example/x", "https://arxiv.org/abs/2601.12345v2"]))).toBe(
      "https://arxiv.org/abs/2601.12345v2",
    );
    expect(paperUrl(paper(["https://huggingface.co/papers/2601.12345"]))).toBe(
      "https://huggingface.co/papers/2601.12345",
    );
    expect(paperUrl(paper(["https://arxiv.org.evil.example/abs/1"]))).toBeNull();
  });
});
