import { afterEach, describe, expect, it } from "vitest";
import { addDays, ManualClock } from "../../src/clock.js";
import { type Instance, instance, localTime, newDb, runUntil, smallDigest } from "./harness.js";

const open: Instance[] = [];
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
});

interface Case {
  zone: string;
  change: string;
  /** A wall time that does not exist (spring) or happens twice (autumn) on the change day. */
  odd: string;
  /** Where the odd time lands on the change day. */
  oddPostedAt: string;
}

const CASES: Case[] = [
  { zone: "Europe/Berlin", change: "2026-03-29", odd: "02:30", oddPostedAt: "2026-03-29T01:30:00.000Z" },
  { zone: "Europe/Berlin", change: "2026-10-25", odd: "02:30", oddPostedAt: "2026-10-25T00:30:00.000Z" },
  { zone: "America/New_York", change: "2026-03-08", odd: "02:30", oddPostedAt: "2026-03-08T07:30:00.000Z" },
  { zone: "America/New_York", change: "2026-11-01", odd: "01:30", oddPostedAt: "2026-11-01T05:30:00.000Z" },
];

describe("posting at local time across DST changes", () => {
  it.each(CASES)("$zone around $change: 09:00 local every day, once; $odd once", async (c) => {
    const first = addDays(c.change, -1);
    const last = addDays(c.change, 1);
    const clock = new ManualClock(`${addDays(first, -1)}T12:00:00Z`);
    const i = instance(newDb(), clock);
    open.push(i);
    const digest = smallDigest(4);
    for (const day of [first, c.change, last]) i.engine.ingest([digest], { date: day });
    await i.adapter.say(`subscribe time 09:00 timezone ${c.zone}`, { channel: "morning" });
    await i.adapter.say(`subscribe time ${c.odd} timezone ${c.zone}`, { channel: "night" });

    // Tick every 15 minutes for three local days, as the minute ticker would (posting times fall on ticks).
    await runUntil(i, clock, `${addDays(last, 1)}T06:00:00Z`, 15 * 60_000);

    const posted = (channel: string) =>
      i.events.filter((e) => e.name === "posted" && e.event.key.channel === channel);
    const morning = posted("morning");
    expect(morning.map((e) => e.event.key.date)).toEqual([first, c.change, last]);
    expect(morning.map((e) => localTime(e.at, c.zone))).toEqual(["09:00", "09:00", "09:00"]);
    expect(morning.every((e) => !e.event.late)).toBe(true);
    // The UTC instants move by the DST hour, which is the point.
    const gaps = morning
      .slice(1)
      .map((e, k) => (e.at.getTime() - (morning[k]?.at.getTime() ?? 0)) / 3_600_000);
    expect(gaps[0]).toBe(c.change.endsWith("-29") || c.change.endsWith("-08") ? 23 : 25);

    const night = posted("night");
    expect(night.map((e) => e.event.key.date)).toEqual([first, c.change, last]);
    expect(night[1]?.at.toISOString()).toBe(c.oddPostedAt);
    expect(i.adapter.posted).toHaveLength(6);
  });
});
