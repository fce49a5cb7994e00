/**
 * Topics computed off the main thread: a long-running `serve` hands each roundup (its day and where
 * the archive is: a file, or a PostgreSQL URL) to a worker thread with a memory limit, so one large day never freezes the
 * other users' commands nor takes the process's memory with it. A worker that runs out of memory or time ends alone; the
 * roundup fails with a clear error and the next one starts a fresh worker.
 */
import { startWorker, workerFailure } from "../workers/start-worker.js";
import type { RoundupJob, RoundupJobResult } from "./roundup-job.js";

export interface TopicWorkerLimits {
  /** The worker's heap; past it the worker ends (not the process). */
  memoryMb: number;
  /** A grouping still running after this is stopped. */
  timeoutMs: number;
}

/** Enough for the most papers a roundup groups (MAX_GROUPED_PAPERS) several times over. */
export const DEFAULT_TOPIC_WORKER: TopicWorkerLimits = { memoryMb: 512, timeoutMs: 120_000 };

/** A roundup job on an archive (the worker opens its own read-only connection). */
export interface ArchiveJob extends RoundupJob {
  /** The SQLite file or the PostgreSQL URL (archiveLocation). */
  archive: string;
}

/** What the engine calls to run a roundup's heavy part off the main thread. */
export type TopicsRunner = (job: ArchiveJob) => Promise<RoundupJobResult>;

export function topicsInWorker(limits: TopicWorkerLimits = DEFAULT_TOPIC_WORKER): TopicsRunner {
  return (job) =>
    new Promise<RoundupJobResult>((resolve, reject) => {
      const worker = startWorker(import.meta.url, "worker", {
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
      });
      // A grouping must not hold a finishing process open.
      worker.unref();
      let settled = false;
      const finish = (err: Error | null, result?: RoundupJobResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        if (err) reject(err);
        else resolve(result as RoundupJobResult);
      };
      const timer = setTimeout(
        () => finish(new Error(`it took longer than ${Math.round(limits.timeoutMs / 1000)} s`)),
        limits.timeoutMs,
      );
      timer.unref();
      worker.once("message", (result: RoundupJobResult) => finish(null, result));
      worker.once("error", (err) => finish(new Error(workerFailure(err, limits.memoryMb))));
      worker.once("exit", (code) => finish(new Error(`its worker exited with code ${code}`)));
    });
}
