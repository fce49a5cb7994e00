import { describe, expect, it } from "vitest";
import { renderReply, styleFor } from "../../adapters/console/render.js";
import { oversizedRoundup } from "../support/roundup-replies.js";

describe("console roundup", () => {
  const reply = oversizedRoundup();
  const text = renderReply(reply, styleFor(false));

  it("opens with the day and the one-line opening, then each topic with its count", () => {
    const lines = text.split("\n");
    expect(lines[0]).toBe("Papers of 2026-02-03");
    expect(lines[1]).toBe(reply.headline);
    for (const t of reply.topics) expect(text).toContain(`· ${t.papers.length} papers`);
    expect(text.trimEnd().split("\n").at(-1)).toBe("TL;DR of any paper: summary <id>");
  });

  it("gives each paper one line with its id; a TL;DR only under a topic's first two", () => {
    for (const p of reply.topics.flatMap((t) => t.papers)) {
      const line = text.split("\n").find((l) => l.includes(` ${p.id}`)) as string;
      expect(line, p.id).toBeDefined();
      expect(line.startsWith("  • ")).toBe(p.tldr === undefined);
    }
    const tldrLines = text.split("\n").filter((l) => l.startsWith("      "));
    expect(tldrLines.some((l) => l.includes("tldr0"))).toBe(true);
  });

  it("strips the digest's escape sequences", () => {
    expect(text).not.toContain("\u001b");
  });

  it("lists a day too small to group without a heading", () => {
    const tiny = renderReply(
      {
        ...reply,
        shown: 1,
        count: 1,
        headline: "1 paper today.",
        topics: [{ label: "Other", other: true, papers: [reply.topics[0]?.papers[0] as never] }],
      },
      styleFor(false),
    );
    expect(tiny).not.toContain("Other");
    expect(tiny).toContain("1 paper today.");
  });
});
