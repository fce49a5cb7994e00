/**
 * Request ids seen within the replay window, in the archive: on PostgreSQL, replicas share them,
 * so a retry delivered to another replica is dropped there too.
 */
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/archive/db.js";
import { SeenRequestStore } from "../../src/archive/seen-requests.js";
import { ManualClock } from "../../src/clock.js";
import { testArchive } from "../support/archive.js";

const WINDOW = 5 * 60_000;

describe("seen requests on one archive, two connections (two replicas)", () => {
  it("a request is first once across both within the window, and again after it", () => {
    const target = testArchive();
    const a = openDatabase(target);
    const b = openDatabase(target);
    try {
      const clock = new ManualClock("2026-02-02T09:00:00Z");
      const one = new SeenRequestStore(a, clock);
      const two = new SeenRequestStore(b, clock);
      const t = Date.parse("2026-02-02T09:00:00Z");
      expect(one.first("Ev1", t, WINDOW)).toBe(true);
      expect(two.first("Ev1", t + 1000, WINDOW)).toBe(false);
      expect(one.first("Ev1", t + 2000, WINDOW)).toBe(false);
      expect(two.first("Ev2", t + 2000, WINDOW)).toBe(true);
      // Past the window the id counts as new again (and a sweep drops what expired).
      expect(two.first("Ev1", t + WINDOW + 1, WINDOW)).toBe(true);
      expect(one.first("Ev3", t + 2 * WINDOW + 61_000, WINDOW)).toBe(true);
      expect(one.count()).toBe(1);
    } finally {
      b.close();
      a.close();
    }
  });
});
