import { describe, expect, it } from "vitest";
import { Paperboy } from "../../src/paperboy.js";
import { RelatedIndex } from "../../src/related/index.js";
import { testArchive } from "../support/archive.js";
import { runCli, tempDb } from "../support/cli.js";
import { DIGESTS, HOSTILE } from "../support/fixtures.js";

const AUG12 = `${DIGESTS}daily-papers-aug-12.txt`;

async function idsByTitle(db: string, date: string, pattern: RegExp): Promise<string[]> {
  const papers = (await runCli(["--db", db, "list", "--date", date, "--json"])).json().papers;
  return papers.filter((p: { title: string }) => pattern.test(p.title)).map((p: { id: string }) => p.id);
}

describe("related papers", () => {
  it("the two 'Dilated convolution with learnable spacings' papers are each other's top related paper", async () => {
    const db = tempDb();
    await runCli(["--db", db, "ingest", AUG12, "--date", "2025-08-12"]);
    const [a, b] = await idsByTitle(db, "2025-08-12", /^dilated convolution with learnable spacings$/i);
    expect(a && b && a !== b).toBeTruthy();
    const fromA = (await runCli(["--db", db, "related", a as string, "--json"])).json();
    const fromB = (await runCli(["--db", db, "related", b as string, "--json"])).json();
    expect(fromA.id).toBe(a);
    expect(fromA.results[0].id).toBe(b);
    expect(fromB.results[0].id).toBe(a);
    expect(fromA.results).toHaveLength(5);
    const scores = fromA.results.map((r: { score: number }) => r.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(fromA.results.map((r: { id: string }) => r.id)).not.toContain(a);
  });

  it("leaves out the paper's duplicates (same abstract under another title)", async () => {
    const db = tempDb();
    await runCli(["--db", db, "ingest", AUG12, "--date", "2025-08-12"]);
    await runCli(["--db", db, "ingest", `${HOSTILE}crlf-bom.txt`, "--date", "2025-03-05"]);
    await runCli(["--db", db, "ingest", `${HOSTILE}duplicates.txt`, "--date", "2025-03-09"]);
    const [windows] = await idsByTitle(db, "2025-03-05", /^Windows Line Endings/);
    const copies = [
      ...(await idsByTitle(db, "2025-03-05", /Width/)),
      ...(await idsByTitle(db, "2025-03-09", /^same paper twice$/i)),
    ];
    expect(copies.length).toBeGreaterThanOrEqual(2);
    const r = (await runCli(["--db", db, "related", windows as string, "--limit", "20", "--json"])).json();
    const ids = r.results.map((x: { id: string }) => x.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const copy of copies) expect(ids).not.toContain(copy);
    expect(ids).not.toContain(windows);
    expect(r.results.every((x: { score: number }) => x.score <= 0.98)).toBe(true);
  });

  it("follows the archive: after another day is ingested it answers as an index built from scratch would", () => {
    const live = Paperboy.open({ dbPath: testArchive({ memory: true }), indexPath: null });
    live.ingest([`${DIGESTS}2026-02-02.hf-api.json`]);
    const first = live.papers.day("2026-02-02")[0]?.id as string;
    expect(live.related(first, 5).results.length).toBe(5);
    live.ingest([`${DIGESTS}2026-02-03.hf-api.json`]);
    const fresh = Paperboy.open({ dbPath: testArchive({ memory: true }), indexPath: null });
    fresh.ingest([`${DIGESTS}2026-02-02.hf-api.json`]);
    fresh.ingest([`${DIGESTS}2026-02-03.hf-api.json`]);
    const probe = live.papers.day("2026-02-03")[3]?.id as string;
    expect(live.related(probe, 8).results).toEqual(fresh.related(probe, 8).results);
    expect(live.related(first, 8).results).toEqual(fresh.related(first, 8).results);
    live.close();
    fresh.close();
  });

  it("finds a paper added after the index was weighted, without a full rebuild", () => {
    const index = new RelatedIndex({ reweightShare: 0.5 });
    const docs = Array.from({ length: 20 }, (_, i) => ({
      pk: i + 1,
      id: `p${i + 1}`,
      title: `Paper ${i + 1} on topic ${i % 4 === 0 ? "graph sparsification" : `filler word${i}`}`,
      abstract: `An abstract about word${i} and term${i} and unrelated thing${i}.`,
      date: "2026-01-01",
    }));
    index.upsert(docs);
    expect(index.related(1, 3).map((h) => h.id)).toEqual(expect.arrayContaining(["p5"]));
    index.upsert([
      {
        pk: 99,
        id: "new",
        title: "Graph sparsification at scale",
        abstract: "Graph sparsification for word0 and term0.",
        date: "2026-01-02",
      },
    ]);
    expect(index.related(1, 1)[0]?.id).toBe("new");
  });

  it("an unknown id or a bad --limit is a one-line user error", async () => {
    const db = tempDb();
    await runCli(["--db", db, "ingest", AUG12, "--date", "2025-08-12"]);
    const unknown = await runCli(["--db", db, "related", "2999.99999"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no paper with id "2999.99999"/);
    const [a] = await idsByTitle(db, "2025-08-12", /learnable spacings/i);
    const bad = await runCli(["--db", db, "related", a as string, "--limit", "0"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/--limit "0".*1 to 100/);
    const human = await runCli(["--db", db, "related", a as string, "--limit", "2"]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^Related to /);
    expect(human.stdout.trim().split("\n")).toHaveLength(3);
  });
});

describe("the related index at scale", () => {
  const doc = (pk: number, title: string, abstract: string) => ({
    pk,
    id: `p${pk}`,
    title,
    abstract,
    date: "2026-01-01",
  });
  // Sixty papers share "graph" and "sparsification"; two of them also share the rare "hypergraph".
  const docs = Array.from({ length: 60 }, (_, i) =>
    doc(
      i + 1,
      `Graph sparsification study ${i}`,
      `Graph sparsification with word${i} and term${i}.${i < 2 ? " Hypergraph hypergraph coarsening." : ""}`,
    ),
  );

  it("with each term's postings cut to a few, the paper sharing the rare terms is still found first", () => {
    const capped = new RelatedIndex({ maxPostings: 5 });
    const exact = new RelatedIndex({ maxPostings: Number.POSITIVE_INFINITY });
    capped.upsert(docs);
    exact.upsert(docs);
    expect(exact.related(1, 1)[0]?.id).toBe("p2");
    expect(capped.related(1, 1)[0]?.id).toBe("p2");
    const scores = capped.related(1, 5).map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("a paper replaced under the same key answers for its new text only", () => {
    const index = new RelatedIndex();
    index.upsert(docs);
    expect(index.related(3, 1)[0]?.id).not.toBe("p60");
    index.upsert([
      doc(3, "Hypergraph coarsening", "Hypergraph coarsening and hypergraph sparsification, word59 term59."),
    ]);
    expect(index.size).toBe(60);
    const hits = index.related(3, 3).map((h) => h.id);
    expect(hits[0]).toMatch(/^p[12]$/);
    // No one finds the old text of paper 3 any more: it answers only once, as itself.
    expect(index.related(4, 60).filter((h) => h.id === "p3")).toHaveLength(1);
  });

  it("prepare() builds the index ahead of the first request; the answers are the same", () => {
    const live = Paperboy.open({ dbPath: testArchive({ memory: true }), indexPath: null });
    live.ingest([`${DIGESTS}2026-02-02.hf-api.json`]);
    expect(live.relatedService.prepare()).toBe(live.papers.day("2026-02-02").length);
    const lazy = Paperboy.open({ dbPath: testArchive({ memory: true }), indexPath: null });
    lazy.ingest([`${DIGESTS}2026-02-02.hf-api.json`]);
    const id = live.papers.day("2026-02-02")[5]?.id as string;
    expect(live.related(id, 5).results).toEqual(lazy.related(id, 5).results);
    live.close();
    lazy.close();
  });
});
