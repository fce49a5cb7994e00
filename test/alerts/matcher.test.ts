/**
 * The matcher scores only the papers that share a word with a watch, when the model cannot alert
 * on any other (unsharedCeiling): these tests hold that shortcut to what scoring every pair gives.
 */
import { afterAll, describe, expect, it } from "vitest";
import { matchWatches, type PaperToMatch, type WatchToMatch } from "../../src/alerts/matcher.js";
import { relevanceContext } from "../../src/alerts/relevance-context.js";
import { sharesNothing } from "../../src/alerts/watch-features.js";
import {
  relevance,
  shippedWatchModel,
  unsharedCeiling,
  type WatchModel,
} from "../../src/alerts/watch-model.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { tempDb } from "../support/cli.js";
import { DIGESTS } from "../support/fixtures.js";

const engine = Paperboy.open({
  dbPath: tempDb(),
  clock: new ManualClock("2026-02-02T12:00:00Z"),
  logger: silentLogger(),
});
engine.ingest([`${DIGESTS}2026-02-02.hf-api.json`], { date: "2026-02-02" });
afterAll(() => engine.close());

const QUERIES = [
  "robot control world model",
  "document parsing OCR",
  "agentic trajectories reinforcement arenas",
  "sparse attention",
  "LLM",
  "reasoning models embedding",
  "video generation diffusion",
  "quantum chromodynamics lattice",
];

function day(): PaperToMatch[] {
  const pks = engine.papers.dayPks("2026-02-02");
  return engine
    .papersAt(pks)
    .map((p, i) => ({ pk: pks[i] as number, date: p.date, hasCode: p.code.length > 0, createdAt: "" }));
}

/** Every pair scored, no shortcut. */
function bruteForce(model: WatchModel, watches: WatchToMatch[], papers: PaperToMatch[]) {
  const context = relevanceContext(engine.searchService.scoringParts());
  const prepared = context.papers(papers.map((p) => p.pk));
  const out = new Map<string, { pk: number; score: number }[]>();
  for (const w of watches) {
    const watch = context.watch(w.query);
    if (!watch) continue;
    const hits = papers
      .map((p) => ({ pk: p.pk, score: relevance(model, watch, prepared.get(p.pk) as never) }))
      .filter((h) => h.score >= model.threshold)
      .sort((a, b) => b.score - a.score || a.pk - b.pk);
    if (hits.length) out.set(w.key, hits);
  }
  return out;
}

describe("matching watches", () => {
  const watches = QUERIES.map((query, k) => ({ key: `w${k}`, query, createdAt: "" }));

  it("finds exactly what scoring every pair finds, with the shipped model", () => {
    const papers = day();
    expect(papers.length).toBeGreaterThan(30);
    const model = shippedWatchModel();
    const fast = matchWatches(relevanceContext(engine.searchService.scoringParts()), model, watches, papers);
    expect(fast.size).toBeGreaterThan(2);
    expect(fast).toEqual(bruteForce(model, watches, papers));
  });

  it("scores every paper when a model could alert on one sharing no word", () => {
    const papers = day();
    const shipped = shippedWatchModel();
    // Semantic similarity alone made enough to alert: no paper may be skipped.
    const semantic: WatchModel = {
      weights: shipped.weights.map((_, j) => (j === 0 ? -1 : j === 4 ? 6 : 0)),
      threshold: 0.5,
    };
    const fast = matchWatches(
      relevanceContext(engine.searchService.scoringParts()),
      semantic,
      watches,
      papers,
    );
    expect(fast).toEqual(bruteForce(semantic, watches, papers));
  });

  it("never lets a paper sharing no word score above the ceiling", () => {
    const context = relevanceContext(engine.searchService.scoringParts());
    const papers = context.papers(day().map((p) => p.pk));
    const model = shippedWatchModel();
    let unshared = 0;
    for (const query of QUERIES) {
      const watch = context.watch(query);
      if (!watch) continue;
      const ceiling = unsharedCeiling(model, watch);
      for (const paper of papers.values()) {
        if (!sharesNothing(watch, paper)) continue;
        unshared++;
        expect(relevance(model, watch, paper)).toBeLessThanOrEqual(ceiling + 1e-12);
      }
    }
    expect(unshared).toBeGreaterThan(100);
  });
});
