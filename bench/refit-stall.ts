/**
 * The semantic refit's event-loop stall alone, on an archive that already exists (as
 * bench/search-latency.ts does for query times): for checking the < 50 ms bar without rebuilding
 * the full bench's 100k archive.
 *   node --expose-gc --import tsx bench/refit-stall.ts <archive.db>
 */
import { loadPools, shortQueries } from "./lib/corpus.js";
import { openSearchArchive } from "./lib/search-archive.js";
import { refitStall } from "./search.js";

const [dbPath] = process.argv.slice(2);
if (!dbPath) {
  process.stderr.write("usage: node --import tsx bench/refit-stall.ts <archive.db>\n");
  process.exit(2);
}
const live = openSearchArchive(dbPath);
live.search.warmUp();
await refitStall(live, shortQueries(loadPools(), 200));
live.close();
