/**
 * Query latency alone, on an archive that already exists: opens it as the bench's search does,
 * warms up, and times 200 short and 200 20-word queries through the service (snippets included).
 * For comparing two versions of the code on the same archive in alternating runs when the
 * machine is too busy for the full bench's absolute figures to mean much.
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
const run = (queries: string[]) =>
  queries.map((q) => {
    const t = performance.now();
    archive.search.search({ text: q });
    return performance.now() - t;
  });
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
  `${label}: calibration ${ms(calibration)} ms; warm-up ${ms(warmUp)} ms; 2–5 words p50/p95 ${ms(pct(short, 50))}/${ms(pct(short, 95))} ms; 20 words p50/p95 ${ms(pct(long, 50))}/${ms(pct(long, 95))} ms`,
);
archive.close();
