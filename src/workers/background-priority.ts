/**
 * Background worker threads (a roundup's grouping, a semantic refit) run at a lower priority than
 * the main thread, so on a busy machine the thread answering users gets a core first: at load ~5
 * the first roundup's stalls over 100 ms were its main thread waiting for a core while the worker
 * grouped the day (docs/design-notes.md, "Short turns on the main thread").
 *
 * Only on Linux is a nice value a thread's own: `os.setPriority(0, n)` is libuv's
 * `setpriority(PRIO_PROCESS, 0, n)`, which under NPTL changes the calling thread alone
 * (setpriority(2), BUGS). On macOS the same call changes the whole process and on Windows it sets
 * the process's priority class (Node's `os.setPriority` documents a process): there it would slow
 * the main thread too, so it is not called. Raising one's own nice value needs no privilege on
 * Linux; should a sandbox refuse it, the worker runs at the usual priority and the refusal is
 * logged once at debug.
 */
import { getPriority, platform, setPriority } from "node:os";
import { BroadcastChannel } from "node:worker_threads";
import type { Logger } from "../logger.js";

/** How many nice steps below the main thread a background worker runs (nice: -20 … 19). */
export const BACKGROUND_NICE_STEP = 10;
/** The lowest priority Linux has. */
const NICEST = 19;
/** Where a worker says it could not lower itself (threads of one process only). */
const REFUSALS = "paperboy:worker-priority";

export type PriorityOutcome =
  | { lowered: true; from: number; to: number }
  | { lowered: false; reason: string; refused: boolean };

/** Lowers the calling thread's priority by `step` nice steps; on Linux only (see above). */
export function lowerThisThread(
  step = BACKGROUND_NICE_STEP,
  os: NodeJS.Platform = platform(),
): PriorityOutcome {
  if (os !== "linux")
    return { lowered: false, refused: false, reason: `on ${os} a priority is the whole process's` };
  try {
    const from = getPriority(0);
    const to = Math.min(NICEST, from + step);
    setPriority(0, to);
    return { lowered: true, from, to };
  } catch (err) {
    return { lowered: false, refused: true, reason: (err as Error).message };
  }
}

/** Run first in every worker the shared starter starts (start-worker.ts). */
export function backgroundThread(): void {
  const outcome = lowerThisThread();
  if (outcome.lowered || !outcome.refused) return;
  const channel = new BroadcastChannel(REFUSALS);
  channel.postMessage(outcome.reason);
  channel.close();
}

let listening = false;

/** Logs, once per process, a worker's refusal to lower its priority (debug: nothing is lost). */
export function logPriorityRefusal(logger: Logger): void {
  if (listening) return;
  listening = true;
  const channel = new BroadcastChannel(REFUSALS);
  // Listening must not hold a finishing process open.
  channel.unref();
  channel.onmessage = (event) => {
    channel.close();
    logger.debug(
      { reason: (event as MessageEvent).data, step: BACKGROUND_NICE_STEP },
      "background workers run at the usual priority: this thread could not lower its own",
    );
  };
}
