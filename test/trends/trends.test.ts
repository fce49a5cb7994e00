/**
 * Topic trends: papers per topic per week over a fixed archive (the five API-form fixture days,
 * 2026-02-02 to 02-16), topics linked across weeks by their papers and never by their labels, and
 * the chart rendered to a PNG that decodes, at the size the chart is drawn at.
 */
import { readdirSync, readFileSync } from "node:fs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPaperboyError } from "../../src/errors.js";
import { Paperboy } from "../../src/paperboy.js";
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  renderTrendsPng,
  SCALE,
  trendsPng,
  weeklyTrendsChart,
} from "../../src/trends/chart.js";
import { linkTopics, type PeriodTopic } from "../../src/trends/link-topics.js";
import { topicVectors } from "../../src/trends/topic-vectors.js";
import { MAX_LINES, type Trends, topicTrends, weekStarts } from "../../src/trends/trends.js";
import { DIGESTS } from "../support/fixtures.js";

const GOLD = "test/fixtures/eval/topics/";
const THEMES = "test/fixtures/eval/interests/themes.json";

let engine: Paperboy;
let three: Trends;
beforeAll(() => {
  engine = Paperboy.open({ dbPath: ":memory:" });
  engine.ingest(
    readdirSync(DIGESTS)
      .filter((f) => f.endsWith(".hf-api.json"))
      .map((f) => `${DIGESTS}${f}`),
  );
  three = topicTrends(engine, { weeks: 3, watched: ["speculative decoding"] });
});
afterAll(() => engine?.close());

function decode(png: Buffer): PNG {
  return PNG.sync.read(png);
}

describe("weeks", () => {
  it("are the Mondays ending with the week of the last day", () => {
    expect(weekStarts("2026-02-16", 3)).toEqual(["2026-02-02", "2026-02-09", "2026-02-16"]);
    expect(weekStarts("2026-02-22", 2)).toEqual(["2026-02-09", "2026-02-16"]);
    expect(weekStarts("2026-01-01", 2)).toEqual(["2025-12-22", "2025-12-29"]);
  });

  it("count every paper of the archive in its week, and no topic more than its week holds", () => {
    expect(three.weeks.map((w) => [w.start, w.end, w.papers])).toEqual([
      ["2026-02-02", "2026-02-08", engine.papers.pksInRange("2026-02-02", "2026-02-08").length],
      ["2026-02-09", "2026-02-15", 0],
      ["2026-02-16", "2026-02-22", engine.papers.dayPks("2026-02-16").length],
    ]);
    expect(three.papers).toBe(engine.archiveStats().papers);
    expect(three.lines.length).toBeGreaterThan(2);
    expect(three.lines.length).toBeLessThanOrEqual(MAX_LINES);
    three.weeks.forEach((w, i) => {
      const drawn = three.lines.reduce((n, l) => n + (l.counts[i] ?? 0), 0);
      expect(drawn).toBeLessThanOrEqual(w.papers);
    });
    expect(new Set(three.lines.map((l) => l.label)).size).toBe(three.lines.length);
  });

  it("follow a topic from one week into another, and mark the watched ones", () => {
    // Agents are a topic in both weeks of papers: one line, not two.
    const agents = three.lines.filter((l) => /agent/i.test(l.label));
    expect(agents).toHaveLength(1);
    expect(agents[0]?.counts[0]).toBeGreaterThan(0);
    expect(agents[0]?.counts[2]).toBeGreaterThan(0);
    // A watch marks the one line that holds most of its papers: "speculative decoding" is efficiency.
    expect(three.lines.filter((l) => l.watched).map((l) => l.label)).toEqual(["Model efficiency"]);
    expect(agents[0]?.watched).toBe(false);
    const both = topicTrends(engine, { weeks: 3, watched: ["speculative decoding", "agent"] });
    expect(both.lines.filter((l) => l.watched).map((l) => l.label)).toEqual([
      agents[0]?.label,
      "Model efficiency",
    ]);
  });

  it("refuses a number of weeks out of range, saying the range", () => {
    let caught: unknown;
    try {
      topicTrends(engine, { weeks: 1 });
    } catch (err) {
      caught = err;
    }
    expect(isPaperboyError(caught) && caught.message).toMatch(/from 2 to 26/);
  });
});

describe("topics linked across periods", () => {
  const themes = JSON.parse(readFileSync(THEMES, "utf8")) as {
    days: string[];
    themes: Record<string, Record<string, string[]>>;
  };
  const gold = (label: (day: number, l: string) => string): PeriodTopic[][] =>
    themes.days.map((day, d) =>
      (
        JSON.parse(readFileSync(`${GOLD}${day}.gold.json`, "utf8")) as {
          topics: { label: string; papers: string[] }[];
        }
      ).topics.map((t) => ({
        label: label(d, t.label),
        pks: t.papers.map((id) => engine.papers.resolve(id) as number),
      })),
    );

  it("by their papers: the hand-aligned themes of the three gold days end up in one series each", () => {
    const periods = gold((_, l) => l);
    const series = linkTopics(periods, topicVectors(engine));
    const seriesOf = (day: number, label: string) =>
      series.findIndex(
        (s) => (s.topics[day] ?? -1) >= 0 && periods[day]?.[s.topics[day] as number]?.label === label,
      );
    for (const [theme, byDay] of Object.entries(themes.themes)) {
      const found = new Set(
        themes.days.flatMap((day, d) => (byDay[day] ?? []).map((label) => seriesOf(d, label))),
      );
      expect(found.size, theme).toBe(1);
    }
  });

  it("never by their labels: renaming every topic links them the same way", () => {
    const vectors = topicVectors(engine);
    const named = linkTopics(
      gold((_, l) => l),
      vectors,
    );
    const renamed = linkTopics(
      gold((d, l) => `topic ${d}-${l.length}`),
      vectors,
    );
    expect(renamed.map((s) => s.topics)).toEqual(named.map((s) => s.topics));
    // And giving unrelated topics one label does not merge them.
    const same = linkTopics(
      gold(() => "Machine learning"),
      vectors,
    );
    expect(same.map((s) => s.topics)).toEqual(named.map((s) => s.topics));
  });
});

describe("the chart", () => {
  it("is a PNG that decodes, drawn at the chart's size and scale, the same bytes every time", async () => {
    const png = await renderTrendsPng(three);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const image = decode(png);
    // The plot plus its axes, title and legend, at SCALE: wider and taller than the plot alone.
    expect(image.width).toBeGreaterThan(CHART_WIDTH * SCALE);
    expect(image.width).toBeLessThan((CHART_WIDTH + 500) * SCALE);
    expect(image.height).toBeGreaterThan(CHART_HEIGHT * SCALE);
    expect(image.height).toBeLessThan((CHART_HEIGHT + 250) * SCALE);
    expect(png.length).toBeGreaterThan(20_000);
    expect(png.length).toBeLessThan(1_000_000);
    // Something is drawn: not a blank canvas (lines and text in colour and dark grey).
    let ink = 0;
    for (let i = 0; i < image.data.length; i += 4)
      if ((image.data[i] ?? 255) < 200 || (image.data[i + 2] ?? 255) < 200) ink++;
    expect(ink / (image.width * image.height)).toBeGreaterThan(0.01);
    expect((await renderTrendsPng(three)).equals(png)).toBe(true);
    // Vega-Lite's patch of Set.prototype (its hashing) does not outlive a render.
    expect(Object.hasOwn(Set.prototype, "toJSON")).toBe(false);
    expect(JSON.stringify({ s: new Set([1]) })).toBe('{"s":{}}');
  });

  it("trendsPng draws the archive's last weeks for the weekly digest", async () => {
    const png = await trendsPng(engine, { weeks: 3 });
    expect(decode(png).width).toBeGreaterThan(CHART_WIDTH * SCALE);
  });

  it("is the weekly digest's picture: a PNG with its alt text, or none for weeks without papers", async () => {
    const chart = weeklyTrendsChart(engine, 3);
    const image = await chart({ platform: "test", channel: "C1", until: "2026-02-20" });
    expect(image?.name).toBe("paperboy-trends-2026-02-22.png");
    expect(image?.alt).toMatch(/^Papers per topic per week, 2026-02-02 to 2026-02-22: 216 papers; most on /);
    expect(decode(Buffer.from(image?.data as Uint8Array)).width).toBeGreaterThan(CHART_WIDTH * SCALE);
    expect(await chart({ platform: "test", channel: "C1", until: "2025-06-01" })).toBeNull();
  });
});
