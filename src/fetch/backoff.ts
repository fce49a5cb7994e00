/**
 * Waiting between tries: exponential backoff with full jitter (a random wait between 0 and the
 * exponential cap, so many clients retrying at once spread out), and the server's Retry-After.
 * The random source and the sleep are injected so tests run retries without waiting.
 */

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
export type Random = () => number;

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** A real timer; rejects when `signal` aborts so a stopping process does not wait out a backoff. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** Full jitter: uniform in [0, min(max, base·2^retry)); `retry` counts from 0. */
export function backoffDelay(retry: number, options: BackoffOptions, random: Random): number {
  const cap = Math.min(options.maxMs, options.baseMs * 2 ** retry);
  return Math.floor(random() * cap);
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or null when absent/bad. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
