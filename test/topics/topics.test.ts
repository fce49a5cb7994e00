import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/digest/parse-page.js";
import { groupTopics, type Topic, type TopicInput } from "../../src/topics/topics.js";
import { runCli, tempDb } from "../support/cli.js";
import { DIGESTS, expectedDay, SAMPLE_DAYS } from "../support/fixtures.js";

function fixtureDay(date: string): TopicInput[] {
  if (date === "2025-08-12") {
    const page = parsePage(readFileSync(`${DIGESTS}daily-papers-aug-12.txt`, "utf8"));
    return page.papers.map((p, i) => ({ pk: i + 1, id: `aug-${i}`, title: p.title, abstract: p.abstract }));
  }
  return expectedDay(date).papers.map((p, i) => ({
    pk: i + 1,
    id: p.id,
    title: p.title,
    abstract: p.abstract,
  }));
}

function checkShape(topics: Topic[], pks: number[]): void {
  const n = pks.length;
  expect(topics.length).toBeGreaterThanOrEqual(3);
  expect(topics.length).toBeLessThanOrEqual(10);
  const placed = topics.flatMap((t) => t.pks);
  expect([...placed].sort((a, b) => a - b)).toEqual([...pks].sort((a, b) => a - b));
  const other = topics.filter((t) => t.other);
  expect(other.length).toBeLessThanOrEqual(1);
  expect(other[0]?.pks.length ?? 0).toBeLessThanOrEqual(Math.floor(0.2 * n));
  if (n >= 30) for (const t of topics) expect(t.pks.length).toBeLessThanOrEqual(Math.floor(0.4 * n));
  const labels = topics.filter((t) => !t.other).map((t) => t.label);
  expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(labels.length);
  for (const label of labels) {
    const words = label.split(/\s+/).length;
    expect(words, label).toBeGreaterThanOrEqual(2);
    expect(words, label).toBeLessThanOrEqual(5);
    expect(label[0], label).toBe(label[0]?.toUpperCase());
  }
}

describe("topics of a day", () => {
  for (const date of [...SAMPLE_DAYS, "2025-08-12"]) {
    it(`${date}: 3–10 topics, every paper once, Other ≤ 20%, no topic > 40%, 2–5 word labels, same output twice`, () => {
      const papers = fixtureDay(date);
      const topics = groupTopics(papers);
      checkShape(
        topics,
        papers.map((p) => p.pk),
      );
      expect(groupTopics(papers)).toEqual(topics);
    });
  }

  it("a range (the three sample days, 145 papers): the same shape rules, same output twice", () => {
    const papers = SAMPLE_DAYS.flatMap((d) => fixtureDay(d)).map((p, i) => ({ ...p, pk: i + 1 }));
    const topics = groupTopics(papers);
    checkShape(
      topics,
      papers.map((p) => p.pk),
    );
    expect(groupTopics(papers)).toEqual(topics);
  });

  it("papers with nothing to tell them apart (blank, or one text copied) still get the shape rules, no crash", () => {
    const blank = Array.from({ length: 40 }, (_, i) => ({ pk: i + 1, id: `b${i}`, title: "", abstract: "" }));
    checkShape(
      groupTopics(blank),
      blank.map((p) => p.pk),
    );
    const real = fixtureDay("2026-02-03").slice(0, 20);
    const copies = [
      ...real,
      ...Array.from({ length: 30 }, (_, i) => ({ ...(real[0] as TopicInput), pk: 100 + i, id: `c${i}` })),
    ];
    checkShape(
      groupTopics(copies),
      copies.map((p) => p.pk),
    );
  });

  // Readability, as properties: what a person would not write as a topic name must not appear.
  const GENERIC_ONLY =
    /^(neural networks?|machine learning|deep learning|(large )?language models?|models?|data|accuracy|performance|results?|methods?|approach(es)?|sequence length|loss)$/i;
  const MEASURE_END =
    /\b(length|loss|accuracy|size|cost|costs|overhead|rate|ratio|time|error|score|gap|gaps)$/i;
  const ranges: [string, () => TopicInput[]][] = [
    ...[...SAMPLE_DAYS, "2025-08-12"].map((d): [string, () => TopicInput[]] => [d, () => fixtureDay(d)]),
    [
      "the three sample days together",
      () => SAMPLE_DAYS.flatMap((d) => fixtureDay(d)).map((p, i) => ({ ...p, pk: i + 1 })),
    ],
  ];
  for (const [name, load] of ranges) {
    it(`${name}: labels read as topic names (2–5 words, the papers' own words, no generic or measuring label, no head twice)`, () => {
      const papers = load();
      const byPk = new Map(papers.map((p) => [p.pk, p]));
      const topics = groupTopics(papers).filter((t) => !t.other);
      const heads: string[] = [];
      for (const t of topics) {
        const text = t.pks
          .map((pk) => `${byPk.get(pk)?.title} ${byPk.get(pk)?.abstract}`)
          .join(" ")
          .toLowerCase();
        const parts = t.label.split(" & ");
        expect(parts.length, t.label).toBeLessThanOrEqual(2);
        const words = t.label.split(/\s+/).filter((w) => w !== "&");
        expect(words.length, t.label).toBeGreaterThanOrEqual(2);
        expect(t.label.split(/\s+/).length, t.label).toBeLessThanOrEqual(5);
        for (const word of words) expect(text, t.label).toContain(word.toLowerCase());
        for (const part of parts) {
          expect(part, t.label).not.toMatch(GENERIC_ONLY);
          expect(part, t.label).not.toMatch(MEASURE_END);
        }
        // "Sparse attention & training" shares its first word: the head is the last word of each part.
        heads.push(...parts.map((p) => (p.split(" ").pop() as string).toLowerCase().replace(/s$/, "")));
      }
      expect(new Set(heads).size, topics.map((t) => t.label).join(", ")).toBe(heads.length);
    });
  }

  it("small sets: none, one topic for 1–3 papers, at most 3 topics and no Other below 10", () => {
    const papers = fixtureDay("2026-02-03");
    expect(groupTopics([])).toEqual([]);
    const two = groupTopics(papers.slice(0, 2));
    expect(two).toHaveLength(1);
    expect(two[0]?.pks).toEqual([1, 2]);
    const six = groupTopics(papers.slice(0, 6));
    expect(six.length).toBeGreaterThanOrEqual(1);
    expect(six.length).toBeLessThanOrEqual(3);
    expect(six.some((t) => t.other)).toBe(false);
    expect(six.flatMap((t) => t.pks).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    const empty = groupTopics([{ pk: 1, id: "x", title: "", abstract: "" }]);
    expect(empty).toHaveLength(1);
    expect(empty[0]?.label.length).toBeGreaterThan(0);
  });
});

describe("roundup on the command line", () => {
  it("roundup --json for the newest day and for a range; bad dates and empty days are user errors", async () => {
    const db = tempDb();
    for (const d of SAMPLE_DAYS) await runCli(["--db", db, "ingest", `${DIGESTS}${d}.hf-api.json`]);
    const day = await runCli(["--db", db, "roundup", "--json"]);
    expect(day.code).toBe(0);
    const r = day.json();
    expect(r.date).toBe("2026-02-04");
    const listed = (await runCli(["--db", db, "list", "--date", "2026-02-04", "--json"])).json().papers;
    const ids = r.topics.flatMap((t: { papers: { id: string }[] }) => t.papers.map((p) => p.id));
    expect(ids.sort()).toEqual(listed.map((p: { id: string }) => p.id).sort());
    expect(Object.keys(r.topics[0]).sort()).toEqual(["label", "papers"]);
    expect(Object.keys(r.topics[0].papers[0]).sort()).toEqual(["id", "title"]);

    const week = (
      await runCli(["--db", db, "roundup", "--date", "2026-02-02", "--until", "2026-02-04", "--json"])
    ).json();
    const total = SAMPLE_DAYS.reduce((s, d) => s + expectedDay(d).papers.length, 0);
    expect(week.topics.flatMap((t: { papers: unknown[] }) => t.papers)).toHaveLength(total);
    expect(week.topics.length).toBeLessThanOrEqual(10);

    const human = await runCli(["--db", db, "roundup", "--date", "2026-02-03"]);
    expect(human.stdout).toMatch(/^2026-02-03: 64 papers in \d+ topics/);
    const none = await runCli(["--db", db, "roundup", "--date", "2020-01-01"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no papers on 2020-01-01/);
    const bad = await runCli(["--db", db, "roundup", "--date", "yesterday"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/YYYY-MM-DD/);
  });
});
