/**
 * The head the re-ranker reads (rank.ts `rerankHead`): the first stage's top 50, then the few of
 * its next hits nearest the query in the semantic space, so a paper worded unlike the query can
 * still be re-ranked into the top 10.
 */
import { describe, expect, it } from "vitest";
import type { PaperIndex } from "../../src/search/paper-index.js";
import { rerankHead, SEMANTIC_BAND, SEMANTIC_EXTRA } from "../../src/search/rank.js";
import { RERANK_DEPTH } from "../../src/search/rerank.js";

// pk = sid + 1, as in a fresh index.
const index = { pkOf: (sid: number) => sid + 1 } as unknown as PaperIndex;
const hits = Array.from({ length: 300 }, (_, sid) => ({ sid, score: 300 - sid }));
const unit = (x: number, y: number) => {
  const n = Math.hypot(x, y);
  return Float32Array.of(x / n, y / n);
};
const query = unit(1, 0);

describe("rerankHead", () => {
  it("adds the band's papers nearest the query, nearest first, and keeps every hit once", () => {
    // Papers at first-stage ranks 120, 60 and 199 (sids 119, 59, 198) point nearly where the query
    // does; rank 250 (sid 249) does too, but lies past the band.
    const near = new Map([
      [120, unit(1, 0.05)],
      [60, unit(1, 0.2)],
      [199, unit(1, 0.1)],
      [250, unit(1, 0)],
    ]);
    const { head, rest } = rerankHead(index, hits, query, (pk) => near.get(pk) ?? unit(0.1, 1));
    expect(head.slice(0, RERANK_DEPTH).map((h) => h.sid)).toEqual(
      hits.slice(0, RERANK_DEPTH).map((h) => h.sid),
    );
    const extra = head.slice(RERANK_DEPTH).map((h) => h.sid);
    expect(extra).toHaveLength(SEMANTIC_EXTRA);
    expect(extra.slice(0, 3)).toEqual([119, 198, 59]);
    expect(extra).not.toContain(249);
    expect(SEMANTIC_BAND).toBeLessThan(250);
    // Every hit is in the head or the rest, once; the rest keeps the first stage's order.
    const all = [...head, ...rest].map((h) => h.sid).sort((a, b) => a - b);
    expect(all).toEqual(hits.map((h) => h.sid));
    const restSids = rest.map((h) => h.sid);
    expect(restSids).toEqual([...restSids].sort((a, b) => a - b));
  });

  it("is the first stage's top 50 alone without a query vector or with too few hits", () => {
    expect(rerankHead(index, hits, null, () => query).head).toHaveLength(RERANK_DEPTH);
    const few = hits.slice(0, 30);
    expect(rerankHead(index, few, query, () => query)).toEqual({ head: few, rest: [] });
  });

  it("adds no paper pointing away from the query", () => {
    const { head } = rerankHead(index, hits, query, () => unit(-1, 0.1));
    expect(head).toHaveLength(RERANK_DEPTH);
  });
});
