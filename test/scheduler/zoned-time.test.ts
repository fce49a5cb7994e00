import { afterEach, describe, expect, it } from "vitest";
import { dateInZone } from "../../src/clock.js";
import { zonedInstant, zoneOffsetMs } from "../../src/scheduler/zoned-time.js";

describe("zonedInstant", () => {
  it("maps local wall times to instants on both sides of DST changes", () => {
    expect(zonedInstant("2026-03-28", "09:00", "Europe/Berlin").toISOString()).toBe(
      "2026-03-28T08:00:00.000Z",
    );
    expect(zonedInstant("2026-03-29", "09:00", "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T07:00:00.000Z",
    );
    expect(zonedInstant("2026-11-01", "09:00", "America/New_York").toISOString()).toBe(
      "2026-11-01T14:00:00.000Z",
    );
    expect(zonedInstant("2026-06-01", "09:00", "Asia/Kolkata").toISOString()).toBe(
      "2026-06-01T03:30:00.000Z",
    );
  });

  it("moves a time in the spring gap past it, and takes the first of a repeated autumn hour", () => {
    expect(zonedInstant("2026-03-29", "02:30", "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(zonedInstant("2026-10-25", "02:30", "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("agrees with the zone's own clock", () => {
    for (const zone of ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"]) {
      const at = zonedInstant("2026-07-15", "09:00", zone);
      expect(dateInZone(at, zone)).toBe("2026-07-15");
      const local = new Date(at.getTime() + zoneOffsetMs(zone, at.getTime()));
      expect(local.toISOString().slice(11, 16)).toBe("09:00");
    }
  });
});

describe("per-zone formatters", () => {
  const Real = Intl.DateTimeFormat;
  afterEach(() => {
    Intl.DateTimeFormat = Real;
  });

  it("a zone's date, offsets and wall times share one formatter: the warm-up's date pays for all", () => {
    let made = 0;
    Intl.DateTimeFormat = new Proxy(Real, {
      construct(target, args) {
        made++;
        return new target(...(args as ConstructorParameters<typeof Real>));
      },
    });
    const zone = "Pacific/Chatham"; // used nowhere else in this file: nothing cached yet
    const at = new Date("2026-04-05T12:00:00Z");
    // What Paperboy.warmUp asks at start.
    expect(dateInZone(at, zone)).toBe("2026-04-06");
    expect(made).toBe(1);
    // The scheduler's questions in that zone then make none.
    expect(zoneOffsetMs(zone, at.getTime())).toBe(12.75 * 3_600_000);
    expect(zonedInstant("2026-04-06", "09:00", zone).toISOString()).toBe("2026-04-05T20:15:00.000Z");
    expect(dateInZone(new Date("2026-04-06T00:00:00Z"), zone)).toBe("2026-04-06");
    expect(made).toBe(1);
  });
});
