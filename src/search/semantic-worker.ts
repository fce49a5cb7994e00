/**
 * The worker thread of a semantic refit (semantic-refit.ts): runs the job on the snapshot it is
 * given and posts the result back, its arrays transferred rather than copied.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runSemanticJob, type SemanticJobInput } from "./semantic-job.js";

const out = runSemanticJob(workerData as SemanticJobInput);
parentPort?.postMessage(
  out,
  out
    ? [out.rows.buffer as ArrayBuffer, out.state.buffer as ArrayBuffer, out.vectors.buffer as ArrayBuffer]
    : [],
);
