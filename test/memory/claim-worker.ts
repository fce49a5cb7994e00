/**
 * One claimer in its own thread (its own SQLite connection), for the concurrent-claim test: waits
 * at a shared barrier so both claimers start together, then claims every paper it is given.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "../../src/archive/db.js";
import { QueueStore } from "../../src/archive/reading-queue.js";
import { systemClock } from "../../src/clock.js";

const { dbPath, user, papers, barrier } = workerData as {
  dbPath: string;
  user: string;
  papers: string[];
  barrier: SharedArrayBuffer;
};
// Only the archive and the store: what a second process claiming at the same time would open.
const db = openDatabase(dbPath);
const store = new QueueStore(db, systemClock);
const flag = new Int32Array(barrier);
Atomics.add(flag, 1, 1);
Atomics.notify(flag, 1);
Atomics.wait(flag, 0, 0);
const outcomes: string[] = [];
for (const id of papers) {
  const out = store.claim({ platform: "test", workspace: "W1", channel: "C1" }, id, { id: user });
  outcomes.push("claimed" in out ? "won" : "taken" in out ? `lost:${out.taken.claimedBy?.id}` : "other");
}
db.close();
parentPort?.postMessage(outcomes);
