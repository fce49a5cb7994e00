/**
 * PaperStore on its own: what a write adds, updates and counts, that a failing write leaves
 * nothing, how ids resolve, and how papers are read back (order kept, missing left out).
 */
import { describe, expect, it } from "vitest";
import { ChannelStore } from "../../src/archive/channels.js";
import { openDatabase } from "../../src/archive/db.js";
import { PaperStore } from "../../src/archive/papers.js";
import { ManualClock } from "../../src/clock.js";
import { Paperboy } from "../../src/paperboy.js";
import type { ParsedPaper } from "../../src/types.js";

function paper(n: number, extra: Partial<ParsedPaper> = {}): ParsedPaper {
  return {
    title: `Paper number ${n} on sparse attention`,
    abstract: `We study problem ${n}. Code is at https://github.com/lab/p${n}. It is ${n}x faster.`,
    authors: [`Author ${n}`],
    arxivId: `2601.${String(10000 + n)}`,
    sourceCode: [],
    upvotes: null,
    sourceSummary: null,
    date: null,
    aliases: [],
    days: [],
    origin: {},
    ...extra,
  };
}

function store() {
  const clock = new ManualClock("2026-02-02T08:00:00Z");
  const db = openDatabase(":memory:");
  return { papers: new PaperStore(db, clock), db, clock };
}

const day = (date: string, papers: ParsedPaper[]) => ({
  date,
  source: `${date}.txt`,
  format: "page" as const,
  papers,
});

describe("PaperStore", () => {
  it("stores a day: counts, digest order, a new revision, and the keys it changed", () => {
    const { papers } = store();
    expect(papers.revision()).toBe(0);
    const r = papers.storeDay(day("2026-02-02", [paper(1), paper(2), paper(3)]));
    expect(r).toMatchObject({ papers: 3, added: 3, updated: 0, duplicates: 0, revision: 1 });
    expect(r.changed).toHaveLength(3);
    expect(papers.count()).toBe(3);
    expect(papers.day("2026-02-02").map((p) => p.id)).toEqual(["2601.10001", "2601.10002", "2601.10003"]);
    expect(papers.dayPks("2026-02-02")).toEqual(r.changed);
    expect(papers.latestDay()).toBe("2026-02-02");
  });

  it("meets a paper again: one record, the later day added, a revision only when something changed", () => {
    const { papers } = store();
    papers.storeDay(day("2026-02-02", [paper(1), paper(2)]));
    const same = papers.storeDay(day("2026-02-02", [paper(1), paper(2)]));
    expect(same).toMatchObject({ added: 0, updated: 2, revision: 1, changed: [] });
    const later = papers.storeDay(day("2026-02-03", [paper(2, { upvotes: 40 }), paper(2), paper(4)]));
    expect(later).toMatchObject({ papers: 2, added: 1, updated: 1, duplicates: 1, revision: 2 });
    expect(papers.count()).toBe(3);
    expect(papers.get("2601.10002")?.days).toEqual(["2026-02-02", "2026-02-03"]);
    expect(papers.get("2601.10002")?.upvotes).toBe(40);
    expect(papers.days()).toEqual([
      { date: "2026-02-03", papers: 2 },
      { date: "2026-02-02", papers: 2 },
    ]);
    expect(papers.changedSince(1).length).toBeGreaterThan(0);
    expect(papers.changedSince(2)).toEqual([]);
  });

  it("stores all of a day or none of it", () => {
    const { papers } = store();
    papers.storeDay(day("2026-02-02", [paper(1)]));
    const broken = { ...paper(2), title: null as unknown as string };
    expect(() => papers.storeDay(day("2026-02-03", [paper(3), broken]))).toThrow();
    expect(papers.count()).toBe(1);
    expect(papers.days().map((d) => d.date)).toEqual(["2026-02-02"]);
    expect(papers.revision()).toBe(1);
  });

  it("resolves ids, arXiv ids with a version, and aliases; unknown ids are null", () => {
    const { papers } = store();
    papers.storeDay(
      day("2026-02-02", [paper(1, { aliases: ["pb-0123456789ab"] }), paper(2, { arxivId: null })]),
    );
    const pk = papers.resolve("2601.10001");
    expect(pk).not.toBeNull();
    expect(papers.resolve("2601.10001v3")).toBe(pk);
    expect(papers.resolve(" pb-0123456789ab ")).toBe(pk);
    expect(papers.get("2601.10001")?.aliases).toEqual(["pb-0123456789ab"]);
    const noArxiv = papers.day("2026-02-02")[1]!;
    expect(noArxiv.id).toMatch(/^pb-[0-9a-f]{12}$/);
    expect(papers.get(noArxiv.id)?.title).toBe(paper(2).title);
    expect(papers.resolve("2999.99999")).toBeNull();
    expect(papers.get("nothing")).toBeNull();
  });

  it("reads papers back in the order asked, leaving missing keys out, with links and code split", () => {
    const { papers } = store();
    const { changed } = papers.storeDay(day("2026-02-02", [paper(1), paper(2), paper(3)]));
    const [a, b, c] = changed as [number, number, number];
    expect(papers.byPks([c, 99_999, a, b]).map((p) => p.id)).toEqual([
      "2601.10003",
      "2601.10001",
      "2601.10002",
    ]);
    expect(papers.byPks([])).toEqual([]);
    const one = papers.byPk(a);
    expect(one).toMatchObject({
      code: ["https://github.com/lab/p1"],
      authors: ["Author 1"],
      date: "2026-02-02",
    });
    expect(papers.byPk(99_999)).toBeNull();
    expect([...papers.iterateForIndex()].map((p) => p.pk)).toEqual([a, b, c]);
  });

  it("ranges papers by the day they were first seen", () => {
    const { papers } = store();
    papers.storeDay(day("2026-02-02", [paper(1)]));
    papers.storeDay(day("2026-02-04", [paper(2)]));
    papers.storeDay(day("2026-02-06", [paper(3), paper(1)]));
    const ids = (pks: number[]) => papers.byPks(pks).map((p) => p.id);
    expect(ids(papers.pksInRange("2026-02-03", "2026-02-06"))).toEqual(["2601.10002", "2601.10003"]);
    expect(ids(papers.pksInRange(undefined, "2026-02-02"))).toEqual(["2601.10001"]);
    expect(papers.pksInRange()).toHaveLength(3);
  });

  it("keeps the ingest log, failures included", () => {
    const { papers, db } = store();
    papers.logIngest({ path: "a.txt", format: "page", date: "2026-02-02", papers: 3, added: 3, updated: 0 });
    papers.logIngest({
      path: "b.txt",
      format: null,
      date: null,
      papers: 0,
      added: 0,
      updated: 0,
      error: "empty",
    });
    const rows = db.prepare("SELECT path, status, error FROM ingest_log ORDER BY id").all();
    expect(rows).toEqual([
      { path: "a.txt", status: "ok", error: null },
      { path: "b.txt", status: "failed", error: "empty" },
    ]);
  });
});

describe("feature stores", () => {
  it("the engine makes a feature's store once, over its own database and clock", () => {
    const clock = new ManualClock("2026-02-02T08:00:00Z");
    const engine = Paperboy.open({ dbPath: ":memory:", clock });
    try {
      const store = engine.store(ChannelStore);
      expect(engine.store(ChannelStore)).toBe(store);
      store.save({
        platform: "test",
        channel: "C1",
        workspace: "W",
        subscribed: true,
        timezone: "UTC",
        time: "09:00",
        filters: [],
      });
      expect(engine.channels.subscribed().map((c) => c.channel)).toEqual(["C1"]);
    } finally {
      engine.close();
    }
  });
});
