/**
 * Wall-clock times in IANA zones, with the platform's Intl data (no zone tables of our own).
 * "09:00 in Europe/Berlin on 2026-03-29" becomes one instant; the scheduler compares it with the
 * injected clock, so DST changes run in tests without waiting for them.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
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
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at `instant`, in ms (Berlin in summer: +7,200,000). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day as number,
    parts.hour as number,
    parts.minute as number,
    parts.second as number,
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
  if (instants.size > 5_000) instants.clear();
  const at = computeInstant(date, time, timeZone);
  instants.set(key, at);
  return new Date(at);
}

const instants = new Map<string, number>();

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

/** "YYYY-MM-DD" of an instant in a zone (a cached formatter: the scheduler asks every tick). */
export function localDate(at: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}
