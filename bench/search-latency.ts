/**
 * Query latency alone, on an archive that already exists: opens it as the bench's search does,
 * warms up, and times 200 short and 200 20-word queries through the service (snippets included).
 * For comparing two versions of the code on the same archive in alternating runs when the
 * machine is too busy for the full bench's absolute figures to mean much. Each query's CPU time is
 * printed beside its wall time: on a loaded machine the wall time is mostly waiting for a core,
 * while the CPU time is about what the query takes on an idle one (a search runs on one thread;
 * the GC's helper threads are counted too, so it errs high).
 *   node --expose-gc --import tsx bench/search-latency.ts <archive.db> [label]
 */
import { loadPools, longQueries, shortQueries } from "./lib/corpus.js";
import { openSearchArchive } from "./lib/search-archive.js";

const [dbPath, label = "paperboy"] = process.argv.slice(2);
if (!dbPath) {
  process.stderr.write("usage: node --import tsx bench/search-latency.ts <archive.db> [label]\n");
  process.exit(2);
}
const archive = openSearchArchive(dbPath);
const w0 = performance.now();
archive.search.warmUp();
const warmUp = performance.now() - w0;
const pools = loadPools();
const pct = (times: number[], p: number) => {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};
const run = (queries: string[]) => {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    archive.search.search({ text: q });
    wall.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
};
// The same loop as the bench's calibration: about 80 ms on an idle core.
const c0 = performance.now();
let x = 0;
for (let i = 0; i < 1e8; i++) x += i;
const calibration = performance.now() - c0;
if (x < 0) console.log(x); // keeps the loop from being optimized away
const short = run(shortQueries(pools, 200));
const long = run(longQueries(pools, 200));
const ms = (v: number) => v.toFixed(1);
console.log(
  `${label}: calibration ${ms(calibration)} ms; warm-up ${ms(warmUp)} ms; 2–5 words p50/p95 ${ms(pct(short.wall, 50))}/${ms(pct(short.wall, 95))} ms; 20 words p50/p95 ${ms(pct(long.wall, 50))}/${ms(pct(long.wall, 95))} ms`,
);
console.log(
  `${label}: CPU time per query: 2–5 words p50/p95 ${ms(pct(short.cpu, 50))}/${ms(pct(short.cpu, 95))} ms; 20 words p50/p95 ${ms(pct(long.cpu, 50))}/${ms(pct(long.cpu, 95))} ms; resident memory ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
);
archive.close();
