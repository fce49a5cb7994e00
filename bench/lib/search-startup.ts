/**
 * Child process of the search benchmark: opens the engine on an archive, loads the persisted
 * search index (as `serve` or a CLI search does on start), runs one search, and prints the time
 * and the resident memory as JSON. A fresh process, so nothing is warm.
 */
import { performance } from "node:perf_hooks";
import { openSearchArchive } from "./search-archive.js";

const t0 = performance.now();
const engine = openSearchArchive(process.argv[2] as string);
engine.search.ensureIndex();
const loaded = performance.now() - t0;
engine.search.search({ text: "diffusion models for video generation" });
const firstSearch = performance.now() - t0;
global.gc?.();
process.stdout.write(
  JSON.stringify({ loadMs: loaded, firstSearchMs: firstSearch, rssMb: process.memoryUsage().rss / 2 ** 20 }),
);
engine.close();
