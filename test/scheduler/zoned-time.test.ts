import { describe, expect, it } from "vitest";
import { localDate, zonedInstant, zoneOffsetMs } from "../../src/scheduler/zoned-time.js";

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
      expect(localDate(at, zone)).toBe("2026-07-15");
      const local = new Date(at.getTime() + zoneOffsetMs(zone, at.getTime()));
      expect(local.toISOString().slice(11, 16)).toBe("09:00");
    }
  });
});
