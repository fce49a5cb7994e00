/**
 * The trends chart: time to compute papers per topic per week (one roundup per week, cached by the
 * engine) and to draw the PNG (Vega-Lite → SVG → resvg), for the fixture archive's weeks (216
 * papers in 3 weeks) and for 8 synthetic weeks of 70 papers a weekday (2,800 papers); first call
 * and warm, wall and CPU (CPU stays honest on a shared machine). Prints; asserts nothing.
 *   npx tsx bench/trends.ts
 */
import { readdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Paperboy } from "../src/paperboy.js";
import { renderTrendsPng } from "../src/trends/chart.js";
import { topicTrends } from "../src/trends/trends.js";
import { loadPools, syntheticDay } from "./lib/corpus.js";

const DIGESTS = fileURLToPath(new URL("../test/fixtures/digests/", import.meta.url));

async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

async function measure(label: string, engine: Paperboy, weeks: number): Promise<void> {
  const f = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(0)} ms wall / ${t.cpu.toFixed(0)} ms CPU`;
  const first = await timed(() => topicTrends(engine, { weeks }));
  const warm = await timed(() => topicTrends(engine, { weeks }));
  const draw1 = await timed(() => renderTrendsPng(first.value));
  const draw2 = await timed(() => renderTrendsPng(first.value));
  console.log(
    `  ${label}: ${first.value.papers} papers, ${first.value.lines.length} lines; topics per week first ${f(first)}, warm ${f(warm)}; PNG (${Math.round(draw2.value.length / 1024)} KB) first ${f(draw1)}, warm ${f(draw2)}`,
  );
}

export async function runTrendsBench(): Promise<void> {
  console.log(
    `trends: machine load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (1, 5, 15 min) on ${cpus().length} cores`,
  );
  const fixture = Paperboy.open({ dbPath: ":memory:" });
  fixture.ingest(
    readdirSync(DIGESTS)
      .filter((f) => f.endsWith(".hf-api.json"))
      .map((f) => `${DIGESTS}${f}`),
  );
  await measure("fixture archive, 3 weeks", fixture, 3);
  fixture.close();

  const synthetic = Paperboy.open({ dbPath: ":memory:" });
  const pools = loadPools();
  // 8 weeks of weekdays ending on Friday 2026-02-27, 70 papers each.
  const end = Date.parse("2026-02-27T00:00:00Z");
  let n = 0;
  for (let d = 8 * 7 - 1; d >= 0; d--) {
    const date = new Date(end - d * 86_400_000);
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    synthetic.papers.storeDay({
      date: date.toISOString().slice(0, 10),
      source: "bench",
      format: "jsonl",
      papers: syntheticDay(pools, n++, 70),
    });
  }
  synthetic.relatedService.sync();
  await measure("synthetic, 8 weeks", synthetic, 8);
  synthetic.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runTrendsBench();
