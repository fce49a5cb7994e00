/** The fast scorer reads MiniSearch's postings; with MiniSearch's own settings it must rank as MiniSearch does. */
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { PaperIndex } from "../../src/search/paper-index.js";
import { planQuery } from "../../src/search/query-plan.js";
import { RANKING, type RankingConfig } from "../../src/search/ranking.js";
import { scoreQuery } from "../../src/search/scorer.js";
import { topK } from "../../src/search/top-k.js";
import { analyze, analyzeTitle } from "../../src/text/analysis.js";
import { expectedDay, SAMPLE_DAYS } from "../support/fixtures.js";

const papers = SAMPLE_DAYS.flatMap((d) => expectedDay(d).papers).map((p, i) => ({
  pk: i + 1,
  title: p.title,
  abstract: p.abstract,
  authors: "",
  date: "2026-02-02",
  hasCode: p.github !== null,
}));

const MINISEARCH_LIKE: RankingConfig = {
  ...RANKING,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  coordination: 1,
  queryTf: 1,
  rerank: false,
  maxTerms: 1000,
  // MiniSearch searches only the words typed.
  abbreviationWeight: 0,
  joinedNameWeight: 0,
  fuzzyNameWeight: 0,
};

describe("scoreQuery", () => {
  const index = PaperIndex.empty();
  for (const p of papers) index.upsert(p);
  const mini = new MiniSearch({
    idField: "pk",
    fields: ["title", "abstract", "authors"],
    // The product's analysis: a title also has its names' spellings (a query has no field).
    tokenize: (t: string, field?: string) => (field === "title" ? analyzeTitle(t) : analyze(t)),
    processTerm: (t: string) => t,
  });
  mini.addAll(papers);

  it.each([
    "video diffusion models",
    "reinforcement learning with verifiable rewards for reasoning",
    "agents tool use",
    "sparse attention long context inference efficiency",
  ])("ranks %s like MiniSearch#search", (q) => {
    const ours = scoreQuery(index, planQuery(index, q, MINISEARCH_LIKE).terms, MINISEARCH_LIKE, 10);
    const theirs = mini.search(q);
    expect(ours.total).toBe(theirs.length);
    expect(ours.hits.map((h) => index.pkOf(h.sid))).toEqual(theirs.slice(0, 10).map((r) => r.id));
    ours.hits.forEach((h, i) => {
      expect(h.score).toBeCloseTo((theirs[i] as { score: number }).score, 6);
    });
  });

  it("skips replaced versions of a paper", () => {
    const ix = PaperIndex.empty();
    ix.upsert({ ...papers[0]!, abstract: "zebra crossing detection" });
    ix.upsert({ ...papers[0]!, abstract: "giraffe counting" });
    expect(scoreQuery(ix, [{ term: "zebra", weight: 1 }], RANKING, 5).total).toBe(0);
    expect(scoreQuery(ix, [{ term: "giraff", weight: 1 }], RANKING, 5).total).toBe(1);
  });

  it("applies date and code filters", () => {
    const ix = PaperIndex.empty();
    ix.upsert({
      pk: 1,
      title: "graph networks",
      abstract: "",
      authors: "",
      date: "2026-01-01",
      hasCode: false,
    });
    ix.upsert({
      pk: 2,
      title: "graph networks",
      abstract: "",
      authors: "",
      date: "2026-02-01",
      hasCode: true,
    });
    const terms = planQuery(ix, "graph", RANKING).terms;
    expect(scoreQuery(ix, terms, RANKING, 5, { since: 20260115 }).hits.map((h) => ix.pkOf(h.sid))).toEqual([
      2,
    ]);
    expect(scoreQuery(ix, terms, RANKING, 5, { until: 20260115 }).hits.map((h) => ix.pkOf(h.sid))).toEqual([
      1,
    ]);
    expect(scoreQuery(ix, terms, RANKING, 5, { hasCode: true }).total).toBe(1);
  });
});

describe("topK", () => {
  it("returns the k best in order, as a full sort would", () => {
    const scores = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 503) / 7);
    const sids = scores.map((_, i) => i);
    const better = (a: number, sa: number, b: number, sb: number) => (sa !== sb ? sa > sb : a < b);
    const got = topK(10, sids, sids.length, (s) => scores[s] as number, better).map((r) => r.sid);
    const want = [...sids].sort((a, b) => (better(a, scores[a]!, b, scores[b]!) ? -1 : 1)).slice(0, 10);
    expect(got).toEqual(want);
  });
});

/** A paper with only a title. */
const titled = (pk: number, title: string) => ({
  pk,
  title,
  abstract: "",
  authors: "",
  date: "2026-02-02",
  hasCode: false,
});

describe("analysis", () => {
  it("drops stopwords and stems the same way for any text", () => {
    expect(analyze("The Transformers are transforming models")).toEqual(["transform", "transform", "model"]);
    expect(analyze("🙂 ~ ^ * ( )")).toEqual([]);
  });

  it("folds accents, ligatures and wide forms of Latin letters, so a query typed plainly meets them", () => {
    const plain = analyze("Cramer distance, Frechet inception, naive Bayes, Erdos, Lodz, classification");
    expect(analyze("Cramér distance, Fréchet inception, naïve Bayes, Erdős, Łódź, classiﬁcation")).toEqual(
      plain,
    );
    // The same letters written decomposed (e + U+0301), as some PDFs and macOS file names do.
    expect(analyze("Crame\u0301r distance, Fre\u0301chet inception")).toEqual(plain.slice(0, 4));
    expect(analyze("ＧＰＵ Straße")).toEqual(analyze("GPU strasse"));
  });

  it("keeps the marks that are letters in other scripts, and their words whole", () => {
    // Devanagari vowel signs and the virama are combining marks: the word must not split at them.
    expect(analyze("हिन्दी भाषा")).toEqual(["हिन्दी", "भाषा"]);
    // Japanese voicing marks and Cyrillic й change the word: not folded away.
    expect(analyze("がくしゅう")).not.toEqual(analyze("かくしゅう"));
    expect(analyze("Майкл")).not.toEqual(analyze("Маикл"));
    expect(analyze("ΣΟΦΊΑ")).toEqual(["σοφία"]);
  });

  it("reads a single letter hyphened to a word as a name of its own", () => {
    expect(analyze("Q-learning with k-means")).toEqual(["learn", "qlearn", "mean", "kmean"]);
    // Not inside longer hyphenated phrases: "of-the" is no letter compound.
    expect(analyze("state-of-the-art")).toEqual(["state", "art"]);
    const index = PaperIndex.empty();
    index.upsert(titled(1, "Deep Q-learning for Atari"));
    index.upsert(titled(2, "Learning learning learning"));
    const hits = scoreQuery(index, planQuery(index, "q-learning", RANKING).terms, RANKING, 10).hits;
    expect(hits.map((h) => index.pkOf(h.sid))).toEqual([1, 2]);
  });

  it("finds a paper written with accents from a query typed without them", () => {
    const index = PaperIndex.empty();
    index.upsert(titled(1, "Fréchet distances for Cramér GANs"));
    index.upsert(titled(2, "Distances for GANs"));
    const hits = scoreQuery(index, planQuery(index, "frechet cramer", RANKING).terms, RANKING, 10).hits;
    expect(hits.map((h) => index.pkOf(h.sid))).toEqual([1]);
  });
});
