/** WordNet for ask: the database reader (build time) and the compact table the runtime reads. */
import { describe, expect, it } from "vitest";
import { parseData, parseIndex } from "../../scripts/lib/wordnet.js";
import { wordnetRelated } from "../../src/ask/wordnet.js";
import { words } from "../../src/ask/words.js";

const word = (text: string) => words(text)[0] as NonNullable<ReturnType<typeof words>[0]>;

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

describe("the WordNet table", () => {
  it("gives the abstract's word for an everyday one, by stem so inflections share it", () => {
    expect(wordnetRelated(word("pictures")).map((w) => w.lower)).toContain("image");
    expect(wordnetRelated(word("customer")).map((w) => w.lower)).toContain("client");
  });

  it("gives nothing for a word WordNet does not have", () => {
    expect(wordnetRelated(word("qwen3-8b"))).toEqual([]);
  });
});
