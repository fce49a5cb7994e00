/** The related-papers measure: topic gold days, lists condensed to the judged day. */
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTopicGold, scoreRelated, type TopicGold } from "../../src/eval/related-eval.js";
import { runCli, tempDb } from "../support/cli.js";
import { DIGESTS, FIXTURES } from "../support/fixtures.js";

const gold: TopicGold = {
  day: "d",
  topicOf: new Map([
    ["a1", 0],
    ["a2", 0],
    ["a3", 0],
    ["b1", 1],
    ["b2", 1],
    ["o", -1],
  ]),
};

describe("related-papers measure", () => {
  it("scores average precision, P@3 and the first judged paper over lists condensed to the day", () => {
    const lists: Record<string, string[]> = {
      // Papers of other days ("x…") are passed over; "o" (Other) is a judged wrong answer.
      a1: ["x1", "a2", "o", "x2", "a3"],
      a2: ["a1", "a3"],
      a3: ["b1", "a1", "a2"],
      b1: ["b2"],
      b2: ["a1", "o", "b1"],
    };
    const s = scoreRelated([gold], (id) => lists[id] ?? []);
    expect(s.queries).toBe(5);
    // AP: a1 (1 + 2/3)/2, a2 1, a3 (1/2 + 2/3)/2, b1 1, b2 1/3.
    expect(s.map).toBeCloseTo(((1 + 2 / 3) / 2 + 1 + (1 / 2 + 2 / 3) / 2 + 1 + 1 / 3) / 5, 4);
    expect(s.first).toBeCloseTo(3 / 5, 4);
    expect(s.precision3).toBeCloseTo((2 / 3 + 2 / 3 + 2 / 3 + 1 / 3 + 1 / 3) / 5, 4);
  });

  it("reads the gold files, 'Other' as no topic, and says what is wrong with a bad one", () => {
    const g = readTopicGold(`${FIXTURES}eval/topics/2026-02-03.gold.json`);
    expect(g.day).toBe("2026-02-03");
    expect(g.topicOf.size).toBe(64);
    expect([...g.topicOf.values()]).toContain(-1);
    const bad = `${tempDb()}.json`;
    writeFileSync(bad, '{"day":"x","topics":[{"label":"A"}]}');
    expect(() => readTopicGold(bad)).toThrow(/topics\.0\.papers/);
  });

  it("prints MAP, P@3 and the archive's size through `eval --related-gold`", async () => {
    const db = tempDb();
    await runCli(["--db", db, "ingest", `${DIGESTS}2026-02-03.hf-api.json`]);
    const run = await runCli([
      "--db",
      db,
      "--json",
      "eval",
      "--related-gold",
      `${FIXTURES}eval/topics/2026-02-03.gold.json`,
    ]);
    expect(run.code).toBe(0);
    const out = run.json();
    expect(out.related.corpus).toEqual({ papers: 64, days: ["2026-02-03"] });
    expect(out.related.queries).toBeGreaterThan(40);
    // Better than chance: about a fifth of a day's papers share a topic.
    expect(out.related.map).toBeGreaterThan(0.3);
  });
});
