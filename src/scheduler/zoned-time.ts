/**
 * Wall-clock times in IANA zones, with the platform's Intl data (no zone tables of our own).
 * "09:00 in Europe/Berlin on 2026-03-29" becomes one instant; the scheduler compares it with the
 * injected clock, so DST changes run in tests without waiting for them. A zone's date ("today"
 * there) is `dateInZone` (clock.ts); both read the zone's one formatter (zone-formatters.ts).
 */

import { LRUCache } from "lru-cache";
import { wallClock } from "../zone-formatters.js";

/** The zone's offset from UTC at `instant`, in ms (Berlin in summer: +7,200,000). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(
    Number(w.year),
    Number(w.month) - 1,
    Number(w.day),
    Number(w.hour),
    Number(w.minute),
    Number(w.second),
  );
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant the zone's clocks show `time` (HH:MM) on `date` (YYYY-MM-DD). When that wall time
 * happens twice (autumn), the first; when it does not exist (spring gap), the same distance past
 * the gap's start as asked (02:30 in a 02:00→03:00 gap is 03:30), as cron does.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  // Pure, and asked for the same few days and times every tick: remember the answers.
  const key = `${date} ${time} ${timeZone}`;
  const known = instants.get(key);
  if (known !== undefined) return new Date(known);
  const at = computeInstant(date, time, timeZone);
  instants.set(key, at);
  return new Date(at);
}

/**
 * Bounded by use, not by emptying: a tick asks for today and tomorrow of every subscribed zone and
 * time, a few hundred keys even for a large install; 5,000 keeps them all while days roll over.
 */
const INSTANTS_KEPT = 5_000;
const instants = new LRUCache<string, number>({ max: INSTANTS_KEPT });

function computeInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Offsets half a day either side cover any transition near this wall time.
  const before = zoneOffsetMs(timeZone, wall - 12 * 3_600_000);
  const after = zoneOffsetMs(timeZone, wall + 12 * 3_600_000);
  const candidates = [wall - before, wall - after].filter((t) => zoneOffsetMs(timeZone, t) === wall - t);
  if (candidates.length) return Math.min(...candidates);
  return wall - before;
}
