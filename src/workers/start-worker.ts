/**
 * Starting a worker thread from a module next to the caller, compiled or not: compiled, the
 * worker is `<name>.js` beside the caller; run from the TypeScript sources (tests, `tsx`), the
 * thread registers tsx itself before loading `<name>.ts`. The same technique as the search
 * service's semantic refit (src/search/semantic-refit.ts).
 */
import { Worker, type WorkerOptions } from "node:worker_threads";

export function startWorker(callerUrl: string, name: string, options: WorkerOptions): Worker {
  if (callerUrl.endsWith(".js")) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const entry = JSON.stringify(new URL(`./${name}.ts`, callerUrl).href);
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/** Why a worker ended without an answer, in words for a log line or a notice. */
export function workerFailure(err: unknown, memoryMb: number): string {
  const code = (err as { code?: string }).code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") return `it needed more than its ${memoryMb} MB of memory`;
  return (err as Error).message ?? String(err);
}
