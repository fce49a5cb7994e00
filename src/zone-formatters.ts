/**
 * The one owner of per-zone Intl formatters: day keys (clock.ts) and wall times and offsets
 * (scheduler/zoned-time.ts) read the same formatter, so a zone costs one formatter per process.
 * Making one costs ~0.2 ms, and the process's first in any zone loads ICU's zone and locale data
 * (~25 ms; `Paperboy.warmUp` pays that at start); the scheduler asks per channel and tick.
 */

/** An instant's wall clock in a zone, as the zone's clocks show it (24-hour, zero-padded). */
export interface WallClock {
  /** "2026" */
  year: string;
  /** "01"–"12" */
  month: string;
  /** "01"–"31" */
  day: string;
  /** "00"–"23" */
  hour: string;
  minute: string;
  second: string;
}

/** By IANA zone name, as callers spell it (they validate zones; an unknown one throws). */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone before anything is cached.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    FORMATTERS.set(timeZone, f);
  }
  return f;
}

/** What the zone's clocks show at `at`. */
export function wallClock(at: Date | number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== "literal") parts[p.type] = p.value;
  return parts as unknown as WallClock;
}
