import { afterEach, describe, expect, it } from "vitest";
import type { Passage } from "../../src/ask/passages.js";
import { bestIn, cosinesToPaper, credit, paperWords } from "../../src/ask/vector-match.js";
import {
  encodeWordVectors,
  nearestInPaper,
  readWordVectors,
  rowOf,
  similarity,
  wordOf,
} from "../../src/ask/word-vectors.js";
import { matchKeys, words } from "../../src/ask/words.js";
import { ErrorCode, PaperboyError } from "../../src/errors.js";

// A four-dimensional table: "images" and "pictures" point the same way, "photo" near them,
// "however" elsewhere; "image" stands in for its stem.
const TABLE = readWordVectors(
  encodeWordVectors(
    ["however", "pictures", "images", "photo", "budget", "image"],
    Int8Array.from(
      [
        [0, 0, 127, 0],
        [127, 0, 0, 0],
        [127, 0, 0, 0],
        [100, 78, 0, 0],
        [0, 127, 0, 0],
        [127, 10, 0, 0],
      ].flat(),
    ),
    4,
    { script: "test" },
  ),
  "inline",
);

function passage(text: string): Passage {
  return { tokens: words(text), keys: matchKeys(text) } as unknown as Passage;
}

afterEach(() => {
  delete process.env.ASK_VECTORS_FREQUENT;
});

describe("word vectors", () => {
  it("reads back what it encodes", () => {
    expect(TABLE.dimensions).toBe(4);
    expect(TABLE.rowOf.get("photo")).toBe(3);
    expect([...TABLE.norms].map((n) => Math.round(n))).toEqual([127, 127, 127, 127, 127, 127]);
  });

  it("scores cosines: same direction 1, orthogonal 0, unknown words 0", () => {
    expect(similarity(wordOf("pictures"), wordOf("images"), TABLE)).toBeCloseTo(1, 5);
    expect(similarity(wordOf("pictures"), wordOf("however"), TABLE)).toBe(0);
    expect(similarity(wordOf("pictures"), wordOf("photo"), TABLE)).toBeCloseTo(100 / Math.hypot(100, 78), 5);
    expect(similarity(wordOf("pictures"), wordOf("zebra"), TABLE)).toBe(0);
  });

  it("falls back to a word with the same stem, the most frequent one first", () => {
    // "imaged" is not in the table; its stem "imag" is shared by "images" (row 2) and "image" (row 5).
    expect(rowOf(wordOf("imaged"), TABLE)).toBe(2);
    expect(rowOf(wordOf("zebra"), TABLE)).toBe(-1);
  });

  it("finds the nearest candidate", () => {
    const near = nearestInPaper(wordOf("photo"), words("however the budget pictures"), TABLE);
    expect(near?.word.lower).toBe("pictures");
    expect(near?.cosine).toBeCloseTo(100 / Math.hypot(100, 78), 5);
    expect(nearestInPaper(wordOf("zebra"), words("pictures"), TABLE)).toBeNull();
  });

  it("refuses a file that is not a table, with a code", () => {
    const good = encodeWordVectors(["a"], Int8Array.from([1, 2]), 2, {});
    const bad = [
      Buffer.from("nope"),
      Buffer.concat([good, Buffer.from([0])]),
      Buffer.from(good.toString("latin1").replace('"version":1', '"version":9'), "latin1"),
    ];
    for (const bytes of bad) {
      try {
        readWordVectors(bytes, "x.bin");
        expect.unreachable("read an invalid table");
      } catch (e) {
        expect(e).toBeInstanceOf(PaperboyError);
        expect((e as PaperboyError).code).toBe(ErrorCode.WeightsInvalid);
      }
    }
  });
});

describe("vectors against a paper", () => {
  it("keeps the paper's content words only, once each", () => {
    const p = [passage("The images and the images of a budget."), passage("However, 3D images.")];
    expect(paperWords(p).map((w) => w.lower)).toEqual(["images", "budget", "however"]);
  });

  it("never lets general English's most frequent words stand in", () => {
    const p = [passage("However, the photo budget.")];
    process.env.ASK_VECTORS_FREQUENT = "0";
    expect([...cosinesToPaper(wordOf("pictures"), p, TABLE).keys()]).toEqual(["photo"]);
    // Rows 0-3 are "frequent" now: only "budget" (row 4) may stand in, and it is orthogonal.
    process.env.ASK_VECTORS_FREQUENT = "4";
    expect(cosinesToPaper(wordOf("pictures"), p, TABLE).size).toBe(0);
  });

  it("gives a passage its closest word's cosine, and credit above the floor only", () => {
    process.env.ASK_VECTORS_FREQUENT = "0";
    const cosines = cosinesToPaper(wordOf("pictures"), [passage("a photo"), passage("a budget")], TABLE);
    expect(bestIn(cosines, passage("one photo here"))).toBeCloseTo(0.789, 3);
    expect(bestIn(cosines, passage("nothing"))).toBe(0);
    expect(credit(0.3)).toBe(0);
    expect(credit(1)).toBe(1);
    expect(credit(0.65)).toBeCloseTo(0.5, 5);
  });
});
