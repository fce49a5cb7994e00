/**
 * Runs a semantic refit (semantic-job.ts) in a worker thread, so a long-running process keeps
 * answering while the space is fitted and every paper embedded (seconds at 100k papers). The
 * snapshot is copied to the worker when it starts; the result comes back by transfer.
 */
import { Worker } from "node:worker_threads";
import type { SemanticJobInput, SemanticJobOutput } from "./semantic-job.js";

/**
 * Compiled, the worker is semantic-worker.js beside this file. Run from the TypeScript sources
 * (tests, `tsx`), the worker registers tsx itself before loading semantic-worker.ts.
 */
function startWorker(input: SemanticJobInput): Worker {
  const here = import.meta.url;
  // The snapshot's per-pk columns are the caller's own copies: moved, not copied again (the term
  // pool is shared memory, passed by reference).
  const transferList = [input.present, input.termStart, input.termLength].map((a) => a.buffer as ArrayBuffer);
  if (here.endsWith(".js"))
    return new Worker(new URL("./semantic-worker.js", here), { workerData: input, transferList });
  const entry = JSON.stringify(new URL("./semantic-worker.ts", here).href);
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(boot, { eval: true, workerData: input, transferList });
}

/** The job's result from a worker thread; rejects when the worker fails. */
export function refitInWorker(input: SemanticJobInput): {
  done: Promise<SemanticJobOutput | null>;
  stop(): void;
} {
  const worker = startWorker(input);
  // A refit must not hold a finishing process open: its result is only worth having if it lives.
  worker.unref();
  const done = new Promise<SemanticJobOutput | null>((resolve, reject) => {
    worker.once("message", (out: SemanticJobOutput | null) => resolve(out));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`semantic refit worker exited with code ${code}`));
    });
  });
  return {
    done,
    stop: () => {
      void worker.terminate();
    },
  };
}
