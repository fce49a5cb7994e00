/**
 * Starting a background worker thread from a module next to the caller, compiled or not:
 * compiled, the worker is `<name>.js` beside the caller; run from the TypeScript sources (tests,
 * `tsx`), the thread registers tsx itself before loading `<name>.ts`. Either way the thread first
 * lowers its own priority (background-priority.ts), so the main thread answering users gets a
 * core before it. Not for a worker the main thread waits on synchronously (the PostgreSQL
 * bridge, src/archive/sql/sync-call.ts): that one must run as soon as it is asked.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";
import type { Logger } from "../logger.js";
import { logPriorityRefusal } from "./background-priority.js";

export function startWorker(
  callerUrl: string,
  name: string,
  options: WorkerOptions,
  /** Where a refusal to lower the thread's priority is logged (once, at debug). */
  logger?: Logger,
): Worker {
  if (logger) logPriorityRefusal(logger);
  const compiled = callerUrl.endsWith(".js");
  const ext = compiled ? "js" : "ts";
  const entry = JSON.stringify(new URL(`./${name}.${ext}`, callerUrl).href);
  const priority = JSON.stringify(new URL(`./background-priority.${ext}`, import.meta.url).href);
  const lowered = `import(${priority}).then((p) => p.backgroundThread())`;
  const boot = compiled
    ? `${lowered}.then(() => import(${entry}));`
    : `import("tsx/esm/api").then((tsx) => tsx.register()).then(() => ${lowered}).then(() => import(${entry}));`;
  return new Worker(boot, { ...options, eval: true });
}

/** Why a worker ended without an answer, in words for a log line or a notice. */
export function workerFailure(err: unknown, memoryMb: number): string {
  const code = (err as { code?: string }).code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") return `it needed more than its ${memoryMb} MB of memory`;
  return (err as Error).message ?? String(err);
}
