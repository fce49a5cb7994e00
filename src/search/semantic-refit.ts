/**
 * Runs a semantic refit (semantic-job.ts) in a worker thread, so a long-running process keeps
 * answering while the space is fitted and every paper embedded (seconds at 100k papers). The
 * snapshot is copied to the worker when it starts; the result comes back by transfer.
 */
import type { Logger } from "../logger.js";
import { startWorker } from "../workers/start-worker.js";
import type { SemanticJobInput, SemanticJobOutput } from "./semantic-job.js";

/**
 * The job's result from a worker thread (semantic-worker.ts, at a background priority); rejects
 * when the worker fails. `logger` hears if the thread could not lower its priority.
 */
export function refitInWorker(
  input: SemanticJobInput,
  logger?: Logger,
): {
  done: Promise<SemanticJobOutput | null>;
  stop(): void;
} {
  // The snapshot's per-pk columns are the caller's own copies: moved, not copied again (the term
  // pool is shared memory, passed by reference).
  const transferList = [input.present, input.termStart, input.termLength].map((a) => a.buffer as ArrayBuffer);
  const worker = startWorker(import.meta.url, "semantic-worker", { workerData: input, transferList }, logger);
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
