/** WordNet for ask (round 12, measured, not shipped): the database reader of the table's build. */
import { describe, expect, it } from "vitest";
import { parseData, parseIndex } from "../../scripts/lib/wordnet.js";

describe("the WordNet reader", () => {
  it("reads a lemma's synsets in sense order and skips the licence header", () => {
    const index = parseIndex(
      "  1 This software and database is being provided\npicture n 3 2 @ ~ 3 2 03937282 03882197 05945422  \n",
    );
    expect(index.get("picture")).toEqual([3937282, 3882197, 5945422]);
    expect(index.has("1")).toBe(false);
  });

  it("reads a synset's words (hex count, adjective markers dropped) and pointers", () => {
    const data = parseData(
      "00020141 00 s 02 outback(a) 0 Remote 0 002 & 00019912 a 0000 + 05092372 n 0202 | sparsely populated  \n",
      "adj",
    );
    const s = data.get(20141);
    expect(s?.words).toEqual(["outback", "remote"]);
    expect(s?.pointers).toEqual([
      { symbol: "&", offset: 19912, pos: "adj" },
      { symbol: "+", offset: 5092372, pos: "noun" },
    ]);
  });
});
