/**
 * The worker thread of a roundup (in-worker.ts): opens the archive read-only on its own
 * connection (the SQLite file, or a PostgreSQL connection of its own), runs the job (roundup-job.ts) and posts the result back. It runs with a memory
 * limit; the main thread keeps answering meanwhile.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "../archive/db.js";
import { PaperStore } from "../archive/papers.js";
import { systemClock } from "../clock.js";
import type { ArchiveJob } from "./in-worker.js";
import { runRoundupJob } from "./roundup-job.js";

const job = workerData as ArchiveJob;
// On PostgreSQL this connection is the worker's own (pg_stat_activity names it).
const db = openDatabase(job.archive, { readonly: true, postgres: { applicationName: "paperboy-roundup" } });
try {
  parentPort?.postMessage(runRoundupJob(job, new PaperStore(db, systemClock)));
} finally {
  db.close();
}
