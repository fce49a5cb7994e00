import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractLinks, isCodeHost } from "../../src/digest/links.js";
import { decodeUtf8, normalizeText, readableLatex } from "../../src/digest/normalize.js";
import { parseDigest, sniffFormat } from "../../src/digest/parse.js";
import { parseHfApi } from "../../src/digest/parse-hf-api.js";
import { parsePage } from "../../src/digest/parse-page.js";
import { PaperboyError } from "../../src/errors.js";
import { DIGESTS, expectedDay, HOSTILE, SAMPLE_DAYS } from "../support/fixtures.js";

const read = (path: string) => decodeUtf8(readFileSync(path), path);

function errorOf(fn: () => unknown): PaperboyError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PaperboyError) return err;
    throw err;
  }
  throw new Error("expected a PaperboyError");
}

describe("page parser", () => {
  it("reads all 72 papers of the Aug 12 page, keeping the two same-titled papers apart", () => {
    const d = parsePage(read(`${DIGESTS}daily-papers-aug-12.txt`));
    expect(d.papers).toHaveLength(72);
    expect(d.day).toEqual({ month: 8, day: 12 });
    const dilated = d.papers.filter(
      (p) => p.title.toLowerCase() === "dilated convolution with learnable spacings",
    );
    expect(dilated).toHaveLength(2);
    expect(dilated[0]?.abstract).not.toBe(dilated[1]?.abstract);
  });

  it("finds 26 distinct links, 24 on code hosts, in the Aug 12 page", () => {
    const d = parsePage(read(`${DIGESTS}daily-papers-aug-12.txt`));
    const links = new Set(d.papers.flatMap((p) => extractLinks(p.abstract)));
    expect(links.size).toBe(26);
    expect([...links].filter(isCodeHost)).toHaveLength(24);
    for (const l of links) expect(l).not.toMatch(/[.\]})]$/);
  });

  for (const date of SAMPLE_DAYS) {
    it(`gives exactly the expected titles and abstracts for ${date} (page and API form)`, () => {
      const expected = expectedDay(date).papers;
      const page = parseDigest(read(`${DIGESTS}${date}.txt`));
      const api = parseDigest(read(`${DIGESTS}${date}.hf-api.json`));
      expect(page.format).toBe("page");
      expect(api.format).toBe("hf-api");
      for (const d of [page, api]) {
        expect(d.papers.map((p) => p.title)).toEqual(expected.map((p) => p.title));
        expect(d.papers.map((p) => p.abstract)).toEqual(expected.map((p) => p.abstract));
      }
      expect(api.papers.map((p) => p.arxivId)).toEqual(expected.map((p) => p.id));
      expect(api.papers.map((p) => p.sourceCode[0] ?? null)).toEqual(expected.map((p) => p.github));
      expect(api.day).toEqual({ date });
      expect(api.warnings).toEqual([]);
    });
  }
});

describe("normalization and links", () => {
  it("removes BOM, zero-width characters and odd spaces, and uses NFC", () => {
    expect(normalizeText("\uFEFFZero\u200BWidth\u00A0Title  \r\n x")).toBe("ZeroWidth Title x");
    expect(normalizeText("Cafe\u0301")).toBe("Café");
  });

  it("cleans trailing punctuation and LaTeX duplicates from URLs", () => {
    expect(
      extractLinks(
        "Code: https://github.com/a/b. See \\href{https://github.com/x/y}{https://github.com/x/y} and https://github.com/c/d] or (https://e.org/f).",
      ),
    ).toEqual([
      "https://github.com/a/b",
      "https://github.com/x/y",
      "https://github.com/c/d",
      "https://e.org/f",
    ]);
    expect(extractLinks("https://github.com/r/t{https://github.com/r/t}")).toEqual([
      "https://github.com/r/t",
    ]);
  });

  it("shows LaTeX leftovers readably without changing what is stored", () => {
    expect(readableLatex("by 19.3\\% and Tanks\\&Temples, \\ie routed")).toBe(
      "by 19.3% and Tanks&Temples, i.e. routed",
    );
  });

  it("sniffs formats", () => {
    expect(sniffFormat("[{}]")).toBe("hf-api");
    expect(sniffFormat('{"id":"x","abstract":"y"}\n')).toBe("jsonl");
    expect(sniffFormat("new\n\nDaily Papers")).toBe("page");
  });
});

describe("hostile digests", () => {
  const cases: [string, string, RegExp][] = [
    ["empty.txt", "E_DIGEST_EMPTY", /empty/],
    ["header-only.txt", "E_DIGEST_EMPTY", /no papers/],
    ["not-a-digest.html", "E_DIGEST_NOT_A_DIGEST", /HTML page \("502 Bad Gateway"\)/],
    ["truncated-title-only.txt", "E_DIGEST_TRUNCATED", /A Title Whose Abstract Never Arrived.*no abstract/],
    ["api-not-json.json", "E_DIGEST_INVALID_JSON", /not valid JSON/],
    ["bad-api.json", "E_DIGEST_INVALID_JSON", /entry 0: paper\.summary is missing/],
  ];
  for (const [file, code, message] of cases) {
    it(`${file} fails with ${code} and a message naming the problem`, () => {
      const err = errorOf(() => parseDigest(read(`${HOSTILE}${file}`), { file }));
      expect(err.code).toBe(code);
      expect(err.describe()).toMatch(message);
      expect(err.describe()).toContain(file);
    });
  }

  it("truncated page names the line of the orphan title", () => {
    const err = errorOf(() => parseDigest(read(`${HOSTILE}truncated-title-only.txt`), { file: "t.txt" }));
    expect(err.location.line).toBe(17);
  });

  it("invalid UTF-8 fails at decoding, naming the line", () => {
    const err = errorOf(() => read(`${HOSTILE}invalid-utf8.txt`));
    expect(err.code).toBe("E_DIGEST_ENCODING");
    expect(err.location.line).toBe(17);
    expect(err.message).toMatch(/re-save the file as UTF-8/);
  });

  it("bad API entries become warnings naming index and field when others are valid", () => {
    const good = {
      paper: { id: "2601.00002", title: "Good", summary: "A fine abstract.", authors: [{ name: "A" }] },
    };
    const d = parseHfApi(
      JSON.stringify([good, { paper: { id: "2601.00001", title: "No summary" } }, { title: 42 }]),
    );
    expect(d.papers).toHaveLength(1);
    expect(d.warnings.map((w) => [w.entry, w.field])).toEqual([
      [1, "paper.summary"],
      [2, "paper"],
    ]);
  });

  it("CRLF + BOM ingests cleanly", () => {
    const d = parseDigest(read(`${HOSTILE}crlf-bom.txt`));
    expect(d.papers.map((p) => p.title)).toEqual(["Windows Line Endings and NBSP", "ZeroWidth Title"]);
    expect(d.papers[0]?.abstract).not.toMatch(/\r/);
  });

  it("oversized titles and abstracts are kept whole", () => {
    const raw = read(`${HOSTILE}oversized.txt`);
    const d = parseDigest(raw);
    const longest = Math.max(...d.papers.map((p) => p.abstract.length));
    expect(longest).toBeGreaterThan(200_000);
    expect(Math.max(...d.papers.map((p) => p.title.length))).toBeGreaterThan(6000);
  });

  it("unicode and LaTeX survive intact", () => {
    const d = parseDigest(read(`${HOSTILE}unicode-and-latex.txt`));
    expect(d.papers[0]?.title).toBe("Über-Sparse Transformers: 稀疏注意力 🚀 for العربية");
    expect(d.papers[0]?.abstract).toContain("$\\mathcal{O}(n \\log n)$");
    expect(extractLinks(d.papers[0]?.abstract ?? "")).toEqual([
      "https://github.com/x/y",
      "https://github.com/example/sparse-attn",
    ]);
  });
});
