/**
 * Topics computed off the main thread: a long-running `serve` hands each roundup's papers to a
 * worker thread with a memory limit, so one large day never freezes the other users' commands nor
 * takes the process's memory with it. A worker that runs out of memory or time ends alone; the
 * roundup fails with a clear error and the next one starts a fresh worker.
 */

import type { Summary } from "../summary/summarize.js";
import { startWorker, workerFailure } from "../workers/start-worker.js";
import type { Topic, TopicInput } from "./topics.js";

export interface TopicWorkerLimits {
  /** The worker's heap; past it the worker ends (not the process). */
  memoryMb: number;
  /** A grouping still running after this is stopped. */
  timeoutMs: number;
}

/** Enough for the most papers a roundup groups (MAX_GROUPED_PAPERS) several times over. */
export const DEFAULT_TOPIC_WORKER: TopicWorkerLimits = { memoryMb: 512, timeoutMs: 120_000 };

/**
 * Papers per topic the worker also summarizes: the most a roundup shows with a TL;DR
 * (ROUNDUP_TLDRS_PER_TOPIC), so building the reply computes no summary on the main thread.
 */
export const SUMMARIZED_PER_TOPIC = 2;

export interface TopicsResult {
  topics: Topic[];
  /** The summaries of each topic's first papers, by primary key. */
  summaries: [number, Summary][];
}

/** What the engine calls to group papers off the main thread. */
export type TopicsRunner = (inputs: TopicInput[]) => Promise<TopicsResult>;

export function topicsInWorker(limits: TopicWorkerLimits = DEFAULT_TOPIC_WORKER): TopicsRunner {
  return (inputs) =>
    new Promise<TopicsResult>((resolve, reject) => {
      const worker = startWorker(import.meta.url, "worker", {
        workerData: inputs,
        resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
      });
      // A grouping must not hold a finishing process open.
      worker.unref();
      let settled = false;
      const finish = (err: Error | null, result?: TopicsResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        if (err) reject(err);
        else resolve(result as TopicsResult);
      };
      const timer = setTimeout(
        () => finish(new Error(`it took longer than ${Math.round(limits.timeoutMs / 1000)} s`)),
        limits.timeoutMs,
      );
      timer.unref();
      worker.once("message", (result: TopicsResult) => finish(null, result));
      worker.once("error", (err) => finish(new Error(workerFailure(err, limits.memoryMb))));
      worker.once("exit", (code) => finish(new Error(`its worker exited with code ${code}`)));
    });
}
