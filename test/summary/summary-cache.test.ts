/**
 * The engine's summary cache is bounded: past its capacity the least recently used summary is
 * dropped (and made again when asked), so a long-running bot paging through a large archive does
 * not grow without end.
 */
import { describe, expect, it } from "vitest";
import { summarize } from "../../src/summary/summarize.js";
import { SUMMARY_CACHE_ENTRIES, SummaryCache } from "../../src/summary/summary-cache.js";

const paper = (i: number) => ({
  id: `2601.${String(i).padStart(5, "0")}`,
  title: `Method ${i}: a study`,
  abstract: `We propose method ${i}. It improves accuracy by ${i}% on the benchmark.`,
});

/** A cache whose summaries are counted (and cheap), by paper id. */
function counted(max?: number) {
  const made: string[] = [];
  const cache = new SummaryCache({
    ...(max === undefined ? {} : { max }),
    compute: (title) => {
      made.push(title);
      return { tldr: title, keyResults: [], findings: [] };
    },
  });
  return { cache, made };
}

describe("the summary cache", () => {
  it("answers a paper again from the cache, and makes it again when its text changed", () => {
    const { cache, made } = counted(3);
    const p = paper(1);
    const first = cache.summary(p);
    expect(cache.summary(p)).toBe(first);
    expect(made).toEqual([p.title]);
    const corrected = { ...p, abstract: `${p.abstract} Corrected.` };
    expect(cache.summary(corrected)).not.toBe(first);
    expect(made.length).toBe(2);
    expect(cache.size).toBe(1);
  });

  it("past its capacity drops the least recently used summary, which is made again when asked", () => {
    const { cache, made } = counted(3);
    for (const i of [1, 2, 3]) cache.summary(paper(i));
    cache.summary(paper(1)); // 1 is now the most recently used; 2 the least
    cache.summary(paper(4));
    expect(cache.size).toBe(3);
    expect(made.length).toBe(4);
    cache.summary(paper(1));
    cache.summary(paper(3));
    expect(made.length).toBe(4);
    cache.summary(paper(2));
    expect(made.length).toBe(5);
    expect(made.at(-1)).toBe(paper(2).title);
  });

  it("stays at SUMMARY_CACHE_ENTRIES however many papers are summarized", () => {
    const { cache, made } = counted();
    for (let i = 0; i < SUMMARY_CACHE_ENTRIES + 50; i++) cache.summary(paper(i));
    expect(cache.size).toBe(SUMMARY_CACHE_ENTRIES);
    expect(made.length).toBe(SUMMARY_CACHE_ENTRIES + 50);
    // The oldest went first; the newest are answered without being made again.
    cache.summary(paper(SUMMARY_CACHE_ENTRIES + 49));
    expect(made.length).toBe(SUMMARY_CACHE_ENTRIES + 50);
    cache.summary(paper(0));
    expect(made.length).toBe(SUMMARY_CACHE_ENTRIES + 51);
  });

  it("keeps a roundup's summaries without counting them as reads of those already kept", () => {
    const { cache, made } = counted(3);
    cache.summary(paper(1));
    cache.summary(paper(2));
    // A roundup brings 1 again (kept, not replaced, and not made more recent) and 3 (new).
    const fromRoundup = { tldr: "from the roundup", keyResults: [], findings: [] };
    cache.remember(paper(1), fromRoundup);
    cache.remember(paper(3), fromRoundup);
    expect(cache.summary(paper(3))).toBe(fromRoundup);
    expect(made.length).toBe(2);
    // 1 is still the least recently used: a fourth paper drops it.
    cache.summary(paper(4));
    cache.summary(paper(2));
    expect(made.length).toBe(3);
    expect(cache.summary(paper(1)).tldr).toBe(paper(1).title);
    expect(made.length).toBe(4);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it("makes summaries with the shipped summarizer by default", () => {
    const cache = new SummaryCache({ max: 2 });
    const p = paper(7);
    expect(cache.summary(p)).toEqual(summarize(p.title, p.abstract));
  });
});
