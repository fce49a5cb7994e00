/**
 * Main-thread work cut into slices. Between slices the event loop runs what is waiting (other
 * users' requests are read and acknowledged, timers fire), so no single command holds it long:
 * `serve` answers everyone on one thread, and a page of 20 fresh TL;DRs is ~50 ms of work on a
 * laptop (several times that on a loaded 2-core machine), half the 100 ms stall bar at once.
 */

/** The longest a slice runs before it yields: a tenth of the stall bar, so load can stretch it. */
export const SLICE_MS = 10;

/** Lets the event loop run what is waiting (I/O callbacks, then timers), then goes on. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Calls `fn` on each item in turn, yielding to the event loop whenever a slice has run `sliceMs`
 * (`now`: the time source, injected by tests).
 */
export async function forEachInSlices<T>(
  items: Iterable<T>,
  fn: (item: T) => void,
  options: { sliceMs?: number; now?: () => number } = {},
): Promise<void> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
  for (const item of items) {
    fn(item);
    if (now() - sliceStart >= sliceMs) {
      await yieldToLoop();
      sliceStart = now();
    }
  }
}
