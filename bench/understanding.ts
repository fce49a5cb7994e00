/**
 * Figures for related papers, topics and questions: latency of related papers in a 100k archive,
 * time to group a day (70 papers) and a week (350), agreement of each topic method with the
 * one-day gold grouping (ARI, NMI). Prints; asserts nothing. (Questions: bench/ask.ts.)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RelatedIndex } from "../src/related/index.js";
import { groupTopics, type TopicInput, type TopicOptions } from "../src/topics/topics.js";
import { adjustedRandIndex, normalizedMutualInformation } from "./lib/partition-agreement.js";
import { FIXTURE_DAYS, fixtureDay, seeded, syntheticArchive } from "./lib/understanding-corpus.js";

const FIXTURES = fileURLToPath(new URL("../test/fixtures/", import.meta.url));

function ms(t0: number): number {
  return performance.now() - t0;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** Wall and CPU milliseconds of one call (CPU time stays honest when the machine is shared). */
function timed<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const wall = ms(t0);
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

export function benchRelated(size: number): void {
  const docs = syntheticArchive(size).map((p, i) => ({ pk: i + 1, ...p }));
  const index = new RelatedIndex();
  const build = timed(() => {
    index.upsert(docs);
    index.related(1, 5); // the first query weighs every vector
  });
  console.log(
    `related: built the index of ${size} papers in ${(build.wall / 1000).toFixed(2)} s wall, ${(build.cpu / 1000).toFixed(2)} s CPU`,
  );
  const random = seeded(11);
  const probes = Array.from({ length: 300 }, () => 1 + Math.floor(random() * size));
  const times: number[] = [];
  let cpu = 0;
  const answers: string[][] = [];
  for (const pk of probes) {
    const t = timed(() => index.related(pk, 10));
    times.push(t.wall);
    cpu += t.cpu;
    answers.push(t.value.map((h) => h.id));
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  console.log(
    `related: ${times.length} queries on ${size} papers: mean ${mean.toFixed(2)} ms, p50 ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms, max ${(times.at(-1) as number).toFixed(2)} ms wall; mean ${(cpu / times.length).toFixed(2)} ms CPU (budget 100 ms)`,
  );
  // The capped postings are an approximation: how many of the exact top 10 do they return?
  const exact = new RelatedIndex({ maxPostings: Number.POSITIVE_INFINITY });
  exact.upsert(docs);
  let same = 0;
  let exactMax = 0;
  probes.forEach((pk, q) => {
    const t = timed(() => exact.related(pk, 10));
    exactMax = Math.max(exactMax, q === 0 ? 0 : t.wall);
    const mine = new Set(answers[q]);
    same += t.value.filter((h) => mine.has(h.id)).length / Math.max(1, t.value.length);
  });
  console.log(
    `related: overlap of the top 10 with an uncapped index: ${((100 * same) / probes.length).toFixed(1)}% (uncapped max query ${exactMax.toFixed(1)} ms)`,
  );
  const add = timed(() => {
    index.upsert(docs.slice(0, 70).map((d) => ({ ...d, pk: size + d.pk, id: `new-${d.pk}` })));
    index.related(size + 1, 10);
  });
  console.log(
    `related: adding a day of 70 papers to the built index and querying: ${add.wall.toFixed(1)} ms`,
  );
}

function timeTopics(label: string, papers: TopicInput[], budget: number): void {
  // The first call pays for JIT and the stem cache, as a fresh `paperboy roundup` process does.
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
    `topics: ${label} (${papers.length} papers, ${topics.length} topics): first call ${cold.wall.toFixed(0)} ms wall / ${cold.cpu.toFixed(0)} ms CPU; then median ${quantile(walls, 0.5).toFixed(0)} ms, max ${(walls.at(-1) as number).toFixed(0)} ms wall; median ${quantile(cpus, 0.5).toFixed(0)} ms, max ${(cpus.at(-1) as number).toFixed(0)} ms CPU (budget ${budget} ms)`,
  );
  console.log(`  ${topics.map((t) => `${t.label} (${t.pks.length})`).join(", ")}`);
}

/** The gold grouping of 2026-02-03: paper id → topic. */
function goldTopics(): Map<string, string> {
  const gold = JSON.parse(readFileSync(`${FIXTURES}eval/topics/2026-02-03.gold.json`, "utf8")) as {
    topics: { papers: string[] }[];
  };
  const goldOf = new Map<string, string>();
  gold.topics.forEach((t, k) => {
    for (const id of t.papers) goldOf.set(id, String(k));
  });
  return goldOf;
}

/** ARI and NMI of a grouping against the gold, over the gold's papers (found by id among `papers`). */
function agreement(papers: TopicInput[], options: TopicOptions, goldOf: Map<string, string>): string {
  const topics = groupTopics(papers, options);
  const mine = new Map<string, string>();
  topics.forEach((t, k) => {
    for (const pk of t.pks) mine.set(papers[pk - 1]?.id as string, String(k));
  });
  const ids = [...goldOf.keys()].sort();
  const a = ids.map((i) => goldOf.get(i) as string);
  const b = ids.map((i) => mine.get(i) as string);
  const sizes = topics.map((t) => `${t.other ? "Other " : ""}${t.pks.length}`).join("/");
  return `ARI ${adjustedRandIndex(a, b).toFixed(3)}, NMI ${normalizedMutualInformation(a, b).toFixed(3)} (${sizes})`;
}

export function benchTopics(): void {
  const aug12 = fixtureDay("2025-08-12").map((p, i) => ({ pk: i + 1, ...p }));
  timeTopics("a day, Aug 12", aug12.slice(0, 70), 500);
  const feb3 = fixtureDay("2026-02-03").map((p, i) => ({ pk: i + 1, ...p }));
  timeTopics("a day, 2026-02-03", feb3, 500);
  const real = FIXTURE_DAYS.flatMap((d) => fixtureDay(d));
  const week = [...real, ...syntheticArchive(350 - real.length, 3)].map((p, i) => ({ pk: i + 1, ...p }));
  timeTopics("a week", week, 3000);

  const goldOf = goldTopics();
  const methods: [string, TopicOptions][] = [
    ["TF-IDF + k-means (ml-kmeans), k by silhouette", { space: "tfidf", method: "kmeans" }],
    ["TF-IDF + average-linkage agglomerative", { space: "tfidf", method: "agglomerative" }],
    ["LSA + k-means (ml-kmeans)", { space: "lsa", method: "kmeans" }],
    ["LSA + average-linkage agglomerative", { space: "lsa", method: "agglomerative" }],
    ["default (LSA; linkage up to 150 papers, k-means past)", {}],
  ];
  for (const [name, options] of methods) {
    console.log(`topics vs 2026-02-03 gold, the day alone: ${name}: ${agreement(feb3, options, goldOf)}`);
  }
  // A range is grouped coarser than a day; its split of the gold day's papers still tells a
  // chained grouping (two giant topics) from a useful one.
  for (const [name, options] of methods.slice(2)) {
    console.log(`topics vs 2026-02-03 gold, inside the week: ${name}: ${agreement(week, options, goldOf)}`);
  }
}

export async function runUnderstandingBench(): Promise<void> {
  benchTopics();
  benchRelated(100_000);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runUnderstandingBench();
