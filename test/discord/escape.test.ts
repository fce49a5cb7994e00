import { describe, expect, test } from "vitest";
import { escapeText, fitText, plainText, safeUrl } from "../../adapters/discord/escape.js";
import { readFixture } from "../support/fixtures.js";
import { expectInert, readBack } from "./inert.js";

const hostile = readFixture("digests/hostile/mentions-and-markup.txt");

describe("escapeText", () => {
  test("neutralizes every mention and markdown construct of the hostile digest", () => {
    for (const line of hostile.split(/\n\s*\n/)) expectInert(escapeText(line));
  });

  test("is lossless: the reader sees exactly the original text", () => {
    for (const line of hostile.split("\n")) expect(readBack(escapeText(line))).toBe(line);
  });

  test("breaks @everyone, @here, user, role and channel mentions", () => {
    const out = escapeText("hi @everyone @here <@123456789012345678> <@!80351110224678912> <@&1> <#2>");
    expect(out).not.toMatch(/@everyone|@here|<@\d|<@!|<@&|<#\d/);
  });

  test("escapes block quotes, headings, lists and subtext at line starts", () => {
    const out = escapeText("> quoted\n>>> all\n# big\n- item\n1. first\n-# small");
    for (const line of out.split("\n")) expect(line).toMatch(/^\\|^\d+\\\./);
  });

  test("leaves URLs intact so they stay links", () => {
    const out = escapeText("code at https://github.com/a_b/c__d*e and *bold*");
    expect(out).toContain("https://github.com/a_b/c__d*e");
    expect(out).toContain("\\*bold\\*");
  });
});

describe("fitText", () => {
  test("cuts to the limit with an ellipsis and never splits an escape or a surrogate pair", () => {
    // No white space: the worst case for escapeMarkdown's URL look-behinds.
    const text = "*_`|~[".repeat(1000) + "😀".repeat(100);
    for (const max of [1, 2, 10, 99, 100, 256, 1024]) {
      const out = fitText(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.endsWith("…")).toBe(true);
      // An escape split in half would leave an odd run of backslashes before the ellipsis.
      const run = /(\\*)…$/.exec(out)?.[1]?.length ?? 0;
      expect(run % 2).toBe(0);
      expect(out).not.toMatch(/[\ud800-\udbff]…$/);
    }
  });

  test("returns short text unchanged (escaped)", () => {
    expect(fitText("a*b", 100)).toBe("a\\*b");
  });
});

test("plainText collapses control characters and breaks mentions", () => {
  expect(plainText("a\u0000b\n\tc @everyone")).toBe("a b c @\u200beveryone");
});

test("safeUrl accepts http(s) only and encodes characters that would end an autolink", () => {
  expect(safeUrl("javascript:alert(1)")).toBeNull();
  expect(safeUrl("not a url")).toBeNull();
  expect(safeUrl("https://x.example/a b>c|d`e")).toBe("https://x.example/a%20b%3Ec%7Cd%60e");
});
