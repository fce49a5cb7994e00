import { describe, expect, it } from "vitest";
import { previousGrouping } from "../../bench/lib/previous-topics/grouping.js";
import { agreement, goldFiles, loadGoldDay, paperboyMethod } from "../../bench/lib/topics-eval.js";
import { researchAreas } from "../../src/topics/areas.js";
import { topicText } from "../../src/topics/text.js";
import { groupTopics, MAX_TOPICS, type Topic, type TopicInput } from "../../src/topics/topics.js";
import { runCli, tempDb } from "../support/cli.js";
import { DIGESTS, expectedDay, SAMPLE_DAYS } from "../support/fixtures.js";
import { fixtureDays } from "./fixture-days.js";
import { roundupLabelProblems } from "./label-rules.js";

/** The shape every full roundup keeps (issue 17's "on every day" targets). */
function checkShape(topics: Topic[], papers: readonly TopicInput[]): void {
  const n = papers.length;
  expect(topics.length).toBeGreaterThanOrEqual(3);
  expect(topics.length).toBeLessThanOrEqual(MAX_TOPICS);
  const placed = topics.flatMap((t) => t.pks).sort((a, b) => a - b);
  expect(placed).toEqual(papers.map((p) => p.pk).sort((a, b) => a - b));
  const other = topics.filter((t) => t.other);
  expect(other.length).toBeLessThanOrEqual(1);
  expect(other[0]?.pks.length ?? 0).toBeLessThanOrEqual(Math.floor(0.2 * n));
  if (other.length) expect(topics.at(-1)?.other).toBe(true);
  if (n >= 30) for (const t of topics) expect(t.pks.length, t.label).toBeLessThanOrEqual(Math.floor(0.4 * n));
}

const DAYS = fixtureDays();

describe("topics of every fixture day (API and page forms)", () => {
  it("covers the days in test/fixtures/digests", () => {
    expect(DAYS.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        "2026-02-03.hf-api.json (hf-api form)",
        "2026-02-16.txt (page form)",
        "daily-papers-aug-12.txt (page form)",
      ]),
    );
    expect(DAYS.length).toBeGreaterThanOrEqual(11);
  });

  for (const day of DAYS) {
    it(`${day.name}: 3–10 topics, each paper once, Other ≤ 20%, none over 40%, labels a person would write, same twice`, () => {
      const topics = groupTopics(day.papers);
      checkShape(topics, day.papers);
      expect(roundupLabelProblems(topics, day.papers)).toEqual([]);
      expect(groupTopics(day.papers)).toEqual(topics);
    });
  }

  it("a range (the five API days and Aug 12 together, 288 papers): the same rules", () => {
    const papers = DAYS.filter((d) => d.name.includes("hf-api") || d.name.includes("aug-12"))
      .flatMap((d) => d.papers)
      .map((p, i) => ({ ...p, pk: i + 1 }));
    expect(papers).toHaveLength(288);
    const topics = groupTopics(papers);
    checkShape(topics, papers);
    expect(roundupLabelProblems(topics, papers)).toEqual([]);
  });
});

describe("agreement with a person's grouping (the gold days)", () => {
  it("is well above the previous method and plain chance on average (a regression guard, not a target)", () => {
    const days = goldFiles().map((f) => loadGoldDay(f));
    expect(days.map((d) => d.day)).toEqual(["2026-02-03", "2026-02-06", "2026-02-16"]);
    const mean = (f: (d: (typeof days)[number]) => number) =>
      days.reduce((s, d) => s + f(d), 0) / days.length;
    const ours = mean((d) => agreement(d, paperboyMethod(true)(d)).ari);
    const pageForm = mean((d) => agreement(d, paperboyMethod(false)(d)).ari);
    const previous = mean((d) => agreement(d, previousGrouping(d.papers)).ari);
    expect(ours).toBeGreaterThan(0.4);
    expect(pageForm).toBeGreaterThan(0.4);
    expect(ours).toBeGreaterThan(previous + 0.04);
  });
});

describe("topics of small and odd days", () => {
  const feb3 = DAYS.find((d) => d.name === "2026-02-03.hf-api.json (hf-api form)")?.papers as TopicInput[];

  it("none for no papers; one topic (or a plain list) for 1–3 papers; at most 3 topics below 10", () => {
    expect(groupTopics([])).toEqual([]);
    for (const n of [1, 2, 3]) {
      const topics = groupTopics(feb3.slice(0, n));
      expect(topics).toHaveLength(1);
      expect([...(topics[0]?.pks ?? [])].sort()).toEqual(
        feb3
          .slice(0, n)
          .map((p) => p.pk)
          .sort(),
      );
      expect(topics[0]?.label.length).toBeGreaterThan(0);
    }
    const six = groupTopics(feb3.slice(0, 6));
    expect(six.length).toBeLessThanOrEqual(3);
    expect(six.flatMap((t) => t.pks).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("papers with nothing to group them by (blank) are listed without topics", () => {
    const blank = Array.from({ length: 40 }, (_, i) => ({ pk: i + 1, id: `b${i}`, title: "", abstract: "" }));
    const topics = groupTopics(blank);
    expect(topics).toHaveLength(1);
    expect(topics[0]?.other).toBe(true);
    expect(topics[0]?.pks).toHaveLength(40);
  });

  it("titles only (no abstracts): a sensible roundup, every paper once, labels still borne out", () => {
    const titles = feb3.map((p) => ({ ...p, abstract: "", summary: null }));
    const topics = groupTopics(titles);
    expect(topics.flatMap((t) => t.pks).sort((a, b) => a - b)).toEqual(titles.map((p) => p.pk));
    expect(topics.length).toBeLessThanOrEqual(MAX_TOPICS);
    expect(roundupLabelProblems(topics, titles)).toEqual([]);
  });

  it("a day of near-duplicates (one paper 40 times, a word changed): no error, the shape rules hold", () => {
    const base = feb3[0] as TopicInput;
    const copies = Array.from({ length: 40 }, (_, i) => ({
      ...base,
      pk: i + 1,
      id: `dup${i}`,
      title: `${base.title} v${i}`,
      abstract: base.abstract.replace(/\bthe\b/, `the ${["new", "revised", "final", "short"][i % 4]}`),
    }));
    const topics = groupTopics(copies);
    expect(topics.flatMap((t) => t.pks).sort((a, b) => a - b)).toEqual(copies.map((p) => p.pk));
    for (const t of topics) expect(t.pks.length).toBeLessThanOrEqual(16);
    expect(roundupLabelProblems(topics, copies)).toEqual([]);
  });

  it("a 200-paper day: the shape rules hold", () => {
    const big = DAYS.filter((d) => d.name.includes("hf-api"))
      .flatMap((d) => d.papers)
      .slice(0, 200)
      .map((p, i) => ({ ...p, pk: i + 1 }));
    expect(big).toHaveLength(200);
    const topics = groupTopics(big);
    checkShape(topics, big);
    expect(roundupLabelProblems(topics, big)).toEqual([]);
  });

  it("titles in other scripts: no error, every paper once, labels borne out", () => {
    const scripts = [
      "大型语言模型的稀疏注意力机制研究",
      "Обучение с подкреплением для языковых моделей",
      "نماذج اللغة الكبيرة للترجمة الآلية",
      "拡散モデルによる動画生成",
      "대규모 언어 모델 에이전트",
    ];
    const papers = Array.from({ length: 25 }, (_, i) => ({
      pk: i + 1,
      id: `x${i}`,
      title: scripts[i % scripts.length] as string,
      abstract: i % 2 ? `${scripts[(i + 1) % scripts.length]} ${scripts[i % scripts.length]}` : "",
    }));
    const topics = groupTopics(papers);
    expect(topics.flatMap((t) => t.pks).sort((a, b) => a - b)).toEqual(papers.map((p) => p.pk));
    expect(roundupLabelProblems(topics, papers)).toEqual([]);
  });

  it("orders a topic's papers (its heading's own first) by upvotes, then code, then the digest's order", () => {
    const day = feb3.map((p) => ({ ...p, upvotes: null, hasCode: false }));
    const first = groupTopics(day)[0] as Topic;
    const [a, b, c] = first.pks as [number, number, number];
    const tweaked = day.map((p) =>
      p.pk === c ? { ...p, upvotes: 500 } : p.pk === b ? { ...p, hasCode: true } : p,
    );
    const again = groupTopics(tweaked).find((t) => t.label === first.label) as Topic;
    expect(again.pks.slice(0, 3)).toEqual([c, b, a]);
  });

  it("opens a topic with a paper its heading speaks for, not a more upvoted one that joined by likeness", () => {
    const catalog = researchAreas();
    let checked = 0;
    let behind = 0;
    for (const day of DAYS) {
      const byPk = new Map(day.papers.map((p) => [p.pk, p]));
      const about = (pk: number) => {
        const p = byPk.get(pk) as TopicInput;
        return catalog.match(topicText(p.title, p.abstract, p.summary)).about;
      };
      for (const t of groupTopics(day.papers)) {
        const area = catalog.areas.find((a) => a.label === t.label);
        if (!area) continue;
        const members = t.pks.map((pk) => about(pk).has(area.index));
        if (!members.includes(true)) continue;
        checked++;
        expect(members[0], `${day.name}: ${t.label}`).toBe(true);
        // Every paper about the area is listed before every one that is not.
        expect(members.indexOf(false) === -1 || members.lastIndexOf(true) < members.indexOf(false)).toBe(
          true,
        );
        if (members.includes(false)) behind++;
      }
    }
    // The days have such topics, and some hold papers that are not about their heading.
    expect(checked).toBeGreaterThan(20);
    expect(behind).toBeGreaterThan(0);
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
