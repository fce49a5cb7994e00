/** A worker for start-worker.test.ts: answers with its own thread's priority. */
import { getPriority } from "node:os";
import { parentPort } from "node:worker_threads";

parentPort?.postMessage(getPriority(0));
