/**
 * Figures for the roundup's topics: time to group a day (70 papers) and a week (350), first call
 * and warm, wall and CPU (CPU stays honest on a shared machine), against the budgets (300 ms and
 * 2 s warm); then agreement with a person's grouping of each gold day (ARI, NMI) for paperboy,
 * plain k-means and the method before issue 17. Prints; asserts nothing.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseHfApi } from "../src/digest/parse-hf-api.js";
import { groupTopics, type TopicInput } from "../src/topics/topics.js";
import { agreementTable, goldFiles, loadGoldDay } from "./lib/topics-eval.js";
import { fixtureDay, syntheticArchive } from "./lib/understanding-corpus.js";

const DIGESTS = fileURLToPath(new URL("../test/fixtures/digests/", import.meta.url));
const API_DAYS = ["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-06", "2026-02-16"];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function timed<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

/** A day as the archive holds it in the API form: with the source's summary, upvotes and code. */
function apiDay(date: string): TopicInput[] {
  const parsed = parseHfApi(readFileSync(`${DIGESTS}${date}.hf-api.json`, "utf8"));
  return parsed.papers.map((p, i) => ({
    pk: i + 1,
    id: p.arxivId ?? `${date}-${i}`,
    title: p.title,
    abstract: p.abstract,
    summary: p.sourceSummary,
    upvotes: p.upvotes,
    hasCode: p.sourceCode.length > 0,
  }));
}

function timeTopics(label: string, papers: TopicInput[], budget: number): void {
  // The first call pays for JIT, the stem cache and loading the tagger, as a fresh process does.
  const cold = timed(() => groupTopics(papers));
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t = timed(() => groupTopics(papers));
    walls.push(t.wall);
    cpus.push(t.cpu);
  }
  walls.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const topics = cold.value;
  console.log(
    `topics: ${label} (${papers.length} papers, ${topics.length} topics): first call ${cold.wall.toFixed(0)} ms wall / ${cold.cpu.toFixed(0)} ms CPU; warm median ${quantile(walls, 0.5).toFixed(0)} ms, max ${(walls.at(-1) as number).toFixed(0)} ms wall; median ${quantile(cpus, 0.5).toFixed(0)} ms, max ${(cpus.at(-1) as number).toFixed(0)} ms CPU (budget ${budget} ms warm)`,
  );
  console.log(`  ${topics.map((t) => `${t.label} (${t.pks.length})`).join(", ")}`);
}

export function benchTopics(): void {
  console.log(
    `topics: machine load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (1, 5, 15 min) on ${cpus().length} cores`,
  );
  const aug12 = fixtureDay("2025-08-12").map((p, i) => ({ pk: i + 1, ...p }));
  timeTopics("a day, Aug 12 (page form)", aug12.slice(0, 70), 300);
  timeTopics("a day, 2026-02-03 (API form)", apiDay("2026-02-03"), 300);
  const real = [...API_DAYS.flatMap(apiDay), ...aug12];
  const week = [...real, ...syntheticArchive(350 - real.length, 3)].map((p, i) => ({ ...p, pk: i + 1 }));
  timeTopics("a week", week, 2000);
  for (const line of agreementTable(goldFiles().map((f) => loadGoldDay(f))))
    console.log(`topics vs gold: ${line}`);
}

export async function runTopicsBench(): Promise<void> {
  benchTopics();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runTopicsBench();
