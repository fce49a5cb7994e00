/**
 * `npm run bench`: every benchmark that exists, one after the other. Each prints its own figures;
 * a benchmark another part of the project has not written yet is skipped.
 */
import { existsSync } from "node:fs";

const parts: { file: string; run: string }[] = [
  { file: "./search.ts", run: "runSearchBench" },
  { file: "./summary.ts", run: "runSummaryBench" },
  { file: "./understanding.ts", run: "runUnderstandingBench" },
  { file: "./memory.ts", run: "runMemoryBench" },
  { file: "./topics.ts", run: "runTopicsBench" },
  { file: "./ask.ts", run: "runAskBench" },
  { file: "./alerts.ts", run: "runAlertsBench" },
  { file: "./interests.ts", run: "runInterestsBench" },
  { file: "./trends.ts", run: "runTrendsBench" },
];

for (const part of parts) {
  if (!existsSync(new URL(part.file, import.meta.url))) {
    console.log(`(${part.file} not present; skipped)`);
    continue;
  }
  const mod = (await import(part.file)) as Record<string, unknown>;
  const run = mod[part.run];
  if (typeof run !== "function") {
    console.log(`(${part.file} has no ${part.run}(); skipped)`);
    continue;
  }
  console.log(`\n== ${part.file} ==`);
  await (run as () => Promise<void>)();
}
