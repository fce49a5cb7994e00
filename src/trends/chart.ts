/**
 * The trends chart as a PNG: papers per topic per week (trends.ts) drawn by Vega-Lite (compiled to
 * Vega, rendered headless to SVG) and rasterized by resvg with the Inter font shipped in an npm
 * package (nothing is downloaded, no system font is read: the same image on every machine).
 *
 * For the weekly digest and the `trends` command:
 *   const png = await trendsPng(engine, { weeks: 8, watched: ["speculative decoding"] });
 * Returns the PNG's bytes; throws InvalidArgumentError for weeks out of range and ArchiveError for
 * an empty archive. A window with no papers draws the empty axes and says so in its subtitle.
 */
import { createRequire } from "node:module";
import type { TopLevelSpec } from "vega-lite";
import { WatchStore } from "../archive/watches.js";
import type { Paperboy } from "../paperboy.js";
import { DEFAULT_WEEKS, type Trends, type TrendsOptions, topicTrends } from "./trends.js";

/** The chart's size in CSS pixels; the PNG is SCALE times larger, sharp on high-density screens. */
export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 360;
export const SCALE = 2;
const FONT_FAMILY = "Inter";

const require = createRequire(import.meta.url);
// Vega and resvg are loaded when a chart is first drawn, not with every command: together they are
// about a third of the CLI's start-up, and most commands never draw.
type Vega = typeof import("vega");
let vega: Promise<Vega> | undefined;
const loadVega = (): Promise<Vega> => {
  vega ??= import("vega");
  return vega;
};
const resvg = (): typeof import("@resvg/resvg-js") => require("@resvg/resvg-js");
const FONT_FILES = [
  require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"),
  require.resolve("@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf"),
];

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Feb 2" (with the year when the weeks span two). */
function weekLabel(start: string, withYear: boolean): string {
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}${withYear ? ` '${String(y).slice(2)}` : ""}`;
}

/** The Vega-Lite spec of a trends chart: one line per topic, watched topics drawn bold. */
export function trendsSpec(trends: Trends): TopLevelSpec {
  const first = trends.weeks[0]?.start ?? "";
  const last = trends.weeks.at(-1)?.start ?? "";
  const withYear = first.slice(0, 4) !== last.slice(0, 4);
  const values = trends.lines.flatMap((line) =>
    trends.weeks.map((w, i) => ({
      week: weekLabel(w.start, withYear),
      order: i,
      topic: line.label,
      papers: line.counts[i] ?? 0,
      watched: line.watched,
    })),
  );
  const watched = trends.lines.some((l) => l.watched);
  const empty = trends.weeks.filter((w) => w.papers === 0).map((w) => weekLabel(w.start, withYear));
  const notes = [
    `${trends.papers} papers in ${trends.weeks.length} weeks`,
    // A week without digests (holidays, a gap in the archive) reads as 0 on every line: say why.
    ...(empty.length && trends.papers ? [`no digests the week of ${empty.join(", ")}`] : []),
    ...(trends.hidden ? [`${trends.hidden} smaller topics not shown`] : []),
    ...(watched ? ["bold: this channel's watches"] : []),
    ...(trends.lines.length === 0 ? ["no topics in these weeks"] : []),
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    background: "white",
    padding: 16,
    config: {
      font: FONT_FAMILY,
      title: { fontSize: 18, fontWeight: 600, subtitleFontSize: 12, subtitleColor: "#555", anchor: "start" },
      axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 400 },
      legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 240 },
    },
    title: { text: "Topics per week", subtitle: notes.join(" · ") },
    data: { values },
    mark: { type: "line", point: { size: 40 } },
    encoding: {
      x: {
        field: "week",
        type: "ordinal",
        sort: { field: "order" },
        title: null,
        axis: { labelAngle: 0 },
        scale: { domain: trends.weeks.map((w) => weekLabel(w.start, withYear)) },
      },
      y: { field: "papers", type: "quantitative", title: "papers", axis: { tickMinStep: 1 } },
      color: { field: "topic", type: "nominal", title: null, sort: null, scale: { scheme: "tableau10" } },
      strokeWidth: { condition: { test: "datum.watched", value: 4.5 }, value: 1.75 },
      opacity: watched ? { condition: { test: "datum.watched", value: 1 }, value: 0.55 } : { value: 1 },
    },
  };
}

type Compile = (spec: TopLevelSpec) => ReturnType<typeof import("vega-lite").compile>;
let compiler: Promise<Compile> | undefined;

/**
 * Vega-Lite's compiler, loaded on first use. Loading vega-lite sets `Set.prototype.toJSON` for the
 * whole process (its hashing needs it), which changes how every Set is logged or serialized and
 * broke discord.js's inspector at load: the patch is taken off again at once and put back only
 * while a spec compiles (synchronously, so nothing else runs meanwhile).
 */
function vegaLite(): Promise<Compile> {
  compiler ??= (async () => {
    const original = Object.getOwnPropertyDescriptor(Set.prototype, "toJSON");
    const restore = () => {
      if (original) Object.defineProperty(Set.prototype, "toJSON", original);
      else delete (Set.prototype as { toJSON?: unknown }).toJSON;
    };
    const vl = await import("vega-lite");
    const patch = Object.getOwnPropertyDescriptor(Set.prototype, "toJSON");
    restore();
    return (spec) => {
      if (patch) Object.defineProperty(Set.prototype, "toJSON", patch);
      try {
        return vl.compile(spec);
      } finally {
        restore();
      }
    };
  })();
  return compiler;
}

/** A spec rendered to SVG, headless (no canvas: Vega estimates text widths). */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const [compile, { parse, View }] = await Promise.all([vegaLite(), loadVega()]);
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** SVG to PNG bytes with the shipped font only. */
export function svgToPng(svg: string, scale = SCALE): Buffer {
  const { Resvg } = resvg();
  const image = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: "zoom", value: scale },
    background: "white",
  });
  return image.render().asPng();
}

/** A trends chart of numbers already computed (trends.ts). */
export async function renderTrendsPng(trends: Trends): Promise<Buffer> {
  return svgToPng(await specToSvg(trendsSpec(trends)));
}

/** The archive's topics over the last `weeks` weeks as a PNG; see the file's comment. */
export async function trendsPng(engine: Paperboy, options: TrendsOptions = {}): Promise<Buffer> {
  return renderTrendsPng(topicTrends(engine, options));
}

/** One sentence of what a chart shows, for screen readers and where the image cannot be shown. */
export function trendsAlt(trends: Trends): string {
  const top = [...trends.lines]
    .sort((a, b) => b.total - a.total)
    .slice(0, 3)
    .map((l) => `${l.label} (${l.total})`);
  const watched = trends.lines.filter((l) => l.watched).map((l) => l.label);
  return `Papers per topic per week, ${trends.weeks[0]?.start} to ${trends.weeks.at(-1)?.end}: ${trends.papers} papers; most on ${top.join(", ")}${watched.length ? `; watched: ${watched.join(", ")}` : ""}.`;
}

/**
 * The weekly digest's picture (the scheduler's `weeklyChart`): the last `weeks` weeks up to the
 * digest's last day, the channel's watches highlighted; null when those weeks hold no paper.
 */
export function weeklyTrendsChart(engine: Paperboy, weeks = DEFAULT_WEEKS) {
  return async (input: { platform: string; channel: string; until: string }) => {
    const watched = engine
      .store(WatchStore)
      .list(input)
      .map((w) => w.query);
    const data = topicTrends(engine, { weeks, until: input.until, watched });
    if (data.papers === 0) return null;
    return {
      name: `paperboy-trends-${data.weeks.at(-1)?.end}.png`,
      mediaType: "image/png" as const,
      data: await renderTrendsPng(data),
      alt: trendsAlt(data),
    };
  };
}
