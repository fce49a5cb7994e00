/** The compacted index answers exactly as MiniSearch's postings did, and survives its file format. */
import { describe, expect, it } from "vitest";
import { PaperIndex } from "../../src/search/paper-index.js";
import { planQuery } from "../../src/search/query-plan.js";
import { RANKING } from "../../src/search/ranking.js";
import { scoreQuery } from "../../src/search/scorer.js";
import { decodeSegment, encodeSegment } from "../../src/search/segment-codec.js";
import { expectedDay, SAMPLE_DAYS } from "../support/fixtures.js";

const papers = SAMPLE_DAYS.flatMap((d) => expectedDay(d).papers).map((p, i) => ({
  pk: i + 1,
  title: p.title,
  abstract: p.abstract,
  authors: "",
  date: `2026-02-0${(i % 3) + 2}`,
  hasCode: p.github !== null,
}));
const QUERIES = ["video diffusion models", "agents tool use", "sparse attention long context inference"];

function answers(index: PaperIndex) {
  return QUERIES.map((q) => {
    const r = scoreQuery(index, planQuery(index, q, RANKING).terms, RANKING, 20, {
      hasCode: q.startsWith("agents"),
    });
    return { total: r.total, hits: r.hits.map((h) => [index.pkOf(h.sid), Number(h.score.toFixed(9))]) };
  });
}

describe("compacted index", () => {
  it("a bulk build equals MiniSearch plus compaction, posting for posting", () => {
    const viaMini = PaperIndex.empty();
    for (const p of papers) viaMini.upsert({ ...p, authors: p.pk % 2 ? "Ada Lovelace, Alan Turing" : "" });
    viaMini.compact();
    const bulk = PaperIndex.bulk(
      papers.map((p) => ({ ...p, authors: p.pk % 2 ? "Ada Lovelace, Alan Turing" : "" })),
    );
    expect(bulk.base.terms).toEqual(viaMini.base.terms);
    for (const field of ["offsets", "slots", "tfs"] as const) {
      expect(bulk.base[field].map((a) => Array.from(a))).toEqual(
        viaMini.base[field].map((a) => Array.from(a)),
      );
    }
    expect(Array.from(bulk.base.docs.pks)).toEqual(Array.from(viaMini.base.docs.pks));
    expect(bulk.base.docs.lengths.map((a) => Array.from(a))).toEqual(
      viaMini.base.docs.lengths.map((a) => Array.from(a)),
    );
    expect(Array.from(bulk.base.docs.dates)).toEqual(Array.from(viaMini.base.docs.dates));
    expect(answers(bulk)).toEqual(answers(viaMini));
  });

  it("ranks the same before and after compaction and after a round trip through bytes", () => {
    const index = PaperIndex.empty();
    for (const p of papers) index.upsert(p);
    const before = answers(index);
    expect(before[0]!.total).toBeGreaterThan(5);
    index.compact();
    expect(index.baseSize).toBe(papers.length);
    expect(answers(index)).toEqual(before);
    const loaded = PaperIndex.fromSegment(
      decodeSegment(encodeSegment(index.base)),
      index.abbreviations,
      index.analyzed,
    );
    expect(answers(loaded)).toEqual(before);
  });

  it("serves base and recent papers together, and drops replaced versions when compacting", () => {
    const index = PaperIndex.empty();
    for (const p of papers.slice(0, 100)) index.upsert(p);
    index.compact();
    for (const p of papers.slice(100)) index.upsert(p);
    index.upsert({ ...papers[0]!, abstract: "zebra crossing detection" });
    const zebra = () => scoreQuery(index, [{ term: "zebra", weight: 1 }], RANKING, 5);
    expect(zebra().hits.map((h) => index.pkOf(h.sid))).toEqual([1]);
    expect(index.documentCount).toBe(papers.length);
    const mixed = answers(index);
    index.compact();
    expect(index.baseSize).toBe(papers.length);
    expect(zebra().total).toBe(1);
    expect(answers(index).map((a) => a.hits.map(([pk]) => pk))).toEqual(
      mixed.map((a) => a.hits.map(([pk]) => pk)),
    );
    index.discard(1);
    expect(zebra().total).toBe(0);
  });

  it("refuses bytes that do not add up", () => {
    const index = PaperIndex.empty();
    for (const p of papers.slice(0, 20)) index.upsert(p);
    index.compact();
    const bytes = encodeSegment(index.base);
    expect(() => decodeSegment(bytes.subarray(0, bytes.length - 64))).toThrow();
  });
});
