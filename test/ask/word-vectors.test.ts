import { describe, expect, it } from "vitest";
import {
  encodeWordVectors,
  nearestInPaper,
  readWordVectors,
  rowOf,
  similarity,
  wordOf,
} from "../../scripts/lib/word-vectors.js";
import { words } from "../../src/ask/words.js";
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
