/**
 * The worker thread of a semantic refit (semantic-refit.ts): runs the job on the snapshot it is
 * given and posts the result back, its arrays transferred rather than copied.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runSemanticJob, type SemanticJobInput } from "./semantic-job.js";

const out = runSemanticJob(workerData as SemanticJobInput);
const transfer = out
  ? [out.rows, out.state, out.vectors].flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []))
  : [];
parentPort?.postMessage(out, transfer);
