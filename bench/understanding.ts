/**
 * Figures for related papers: latency of related papers in a 100k archive (the topics' figures are
 * in topics.ts, the questions' in ask.ts). Prints; asserts nothing.
 */
import { fileURLToPath } from "node:url";
import { RelatedIndex } from "../src/related/index.js";
import { seeded, syntheticArchive } from "./lib/understanding-corpus.js";

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

export async function runUnderstandingBench(): Promise<void> {
  benchRelated(100_000);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runUnderstandingBench();
