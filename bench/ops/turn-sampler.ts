/**
 * What a stall was made of: the main thread's time on a core and its time waiting for one, from
 * Linux's per-thread scheduler counters (`/proc/self/task/<pid>/schedstat`, nanoseconds), read
 * every few milliseconds. The longest gap between two reads is the longest stall; its time on a
 * core is the product's work, its wait is the machine's load (other processes held the cores).
 * Elsewhere than Linux the counters are missing and `stop()` says so with null.
 */
import { readFileSync } from "node:fs";

export interface TurnSplit {
  /** The longest gap between two samples, less the sampling interval. */
  stallMs: number;
  /** Of it: the main thread on a core. */
  cpuMs: number;
  /** Of it: the main thread ready to run, waiting for a core. */
  waitMs: number;
  /**
   * The most time on a core between two samples, stall or not: the product's longest turn of
   * work, whatever the machine's load.
   */
  longestCpuMs: number;
}

const COUNTERS = `/proc/self/task/${process.pid}/schedstat`;
const INTERVAL_MS = 5;

function counters(): [number, number] | null {
  try {
    const [run, wait] = readFileSync(COUNTERS, "utf8").split(" ").map(Number);
    return [(run as number) / 1e6, (wait as number) / 1e6];
  } catch {
    return null;
  }
}

export class TurnSampler {
  private timer: NodeJS.Timeout | null = null;
  private last: { at: number; run: number; wait: number } | null = null;
  private longest: Omit<TurnSplit, "longestCpuMs"> | null = null;
  private longestCpuMs = 0;

  start(): void {
    const first = counters();
    if (!first) return;
    this.last = { at: performance.now(), run: first[0], wait: first[1] };
    this.longest = { stallMs: 0, cpuMs: 0, waitMs: 0 };
    this.longestCpuMs = 0;
    this.timer = setInterval(() => this.sample(), INTERVAL_MS);
  }

  /** The longest stall since start, split; null without the counters. */
  stop(): TurnSplit | null {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!this.longest) return null;
    this.sample();
    const round = (ms: number) => Math.round(ms);
    const { stallMs, cpuMs, waitMs } = this.longest;
    return {
      stallMs: round(stallMs),
      cpuMs: round(cpuMs),
      waitMs: round(waitMs),
      longestCpuMs: round(this.longestCpuMs),
    };
  }

  private sample(): void {
    const now = counters();
    const last = this.last;
    if (!now || !last || !this.longest) return;
    const at = performance.now();
    const stallMs = Math.max(0, at - last.at - INTERVAL_MS);
    this.longestCpuMs = Math.max(this.longestCpuMs, now[0] - last.run);
    if (stallMs > this.longest.stallMs)
      this.longest = { stallMs, cpuMs: now[0] - last.run, waitMs: now[1] - last.wait };
    this.last = { at, run: now[0], wait: now[1] };
  }
}
