/**
 * Answers owed to acked chat requests, in the archive: two connections stand for two replicas
 * (on PostgreSQL, two replicas of one database), so a take-over goes to exactly one of them.
 */
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/archive/db.js";
import { OwedAnswerStore } from "../../src/archive/owed-answers.js";
import { ManualClock } from "../../src/clock.js";
import { testArchive } from "../support/archive.js";

const LEASE = 60_000;
const MAX_AGE = 30 * 60_000;
const T0 = new Date("2026-02-02T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

function twoReplicas() {
  const target = testArchive();
  const a = openDatabase(target);
  const b = openDatabase(target);
  const clock = new ManualClock(T0.toISOString());
  return {
    one: new OwedAnswerStore(a, clock),
    two: new OwedAnswerStore(b, clock),
    close: () => {
      b.close();
      a.close();
    },
  };
}

describe("owed answers on one archive, two connections (two replicas)", () => {
  it("a request is owed once: the second owe, from either replica, is a repeat", () => {
    const { one, two, close } = twoReplicas();
    try {
      expect(one.owe("trigger:1", "slack", { input: "today" }, "a", T0)).toBe(true);
      expect(two.owe("trigger:1", "slack", { input: "today" }, "b", at(10))).toBe(false);
      expect(one.owe("trigger:1", "slack", { input: "today" }, "a", at(20))).toBe(false);
      expect(two.owe("trigger:2", "slack", { input: "help" }, "b", at(20))).toBe(true);
      expect(one.pending()).toBe(2);
    } finally {
      close();
    }
  });

  it("a claim is taken over only past its lease, by one of two claimants, with its payload", () => {
    const { one, two, close } = twoReplicas();
    try {
      one.owe("trigger:1", "slack", { input: "search diffusion", at: T0.toISOString() }, "a", T0);
      expect(two.claimStale("b", at(LEASE - 1), LEASE, MAX_AGE)).toEqual([]);
      const first = two.claimStale("b", at(LEASE), LEASE, MAX_AGE);
      const second = one.claimStale("c", at(LEASE), LEASE, MAX_AGE);
      expect(first.map((r) => [r.id, r.claimedBy, r.attempts])).toEqual([["trigger:1", "b", 2]]);
      expect(first[0]?.payload).toEqual({ input: "search diffusion", at: T0.toISOString() });
      expect(second).toEqual([]);
      // The new claim has its own lease: nobody takes it from b before it runs out.
      expect(one.claimStale("c", at(2 * LEASE - 1), LEASE, MAX_AGE)).toEqual([]);
      expect(one.claimStale("c", at(2 * LEASE), LEASE, MAX_AGE).map((r) => r.attempts)).toEqual([3]);
    } finally {
      close();
    }
  });

  it("a settled answer is never taken over, and its replay is still a repeat until pruned", () => {
    const { one, two, close } = twoReplicas();
    try {
      one.owe("trigger:1", "slack", {}, "a", T0);
      one.owe("trigger:2", "slack", {}, "a", T0);
      one.settle("trigger:1", at(5));
      expect(two.claimStale("b", at(LEASE), LEASE, MAX_AGE).map((r) => r.id)).toEqual(["trigger:2"]);
      expect(two.owe("trigger:1", "slack", {}, "b", at(LEASE))).toBe(false);
      expect(one.pending()).toBe(1);
    } finally {
      close();
    }
  });

  it("settled by its claimant only, when named: a replica that declines an answer another has taken over does not settle it", () => {
    const { one, two, close } = twoReplicas();
    try {
      one.owe("event:1", "slack", {}, "a", T0);
      expect(two.claimStale("b", at(LEASE), LEASE, MAX_AGE).map((r) => r.id)).toEqual(["event:1"]);
      // a comes back and decides not to answer: b holds the row now, and is still answering it.
      one.settle("event:1", at(LEASE + 1), "a");
      expect(one.pending()).toBe(1);
      expect(two.sending("event:1", 1, "b")).toBe(true);
      two.settle("event:1", at(LEASE + 2), "b");
      expect(one.pending()).toBe(0);
    } finally {
      close();
    }
  });

  it("rows past the response_url's life are pruned; the unsettled ones are returned as given up", () => {
    const { one, two, close } = twoReplicas();
    try {
      one.owe("trigger:old", "slack", {}, "a", T0);
      one.owe("trigger:done", "slack", {}, "a", T0);
      one.settle("trigger:done", at(1));
      one.owe("trigger:new", "slack", {}, "a", at(MAX_AGE));
      // Too old to answer: not taken over, only pruned.
      expect(two.claimStale("b", at(MAX_AGE + 1), 1, MAX_AGE).map((r) => r.id)).toEqual(["trigger:new"]);
      expect(two.prune(at(MAX_AGE + 1), MAX_AGE).map((r) => r.id)).toEqual(["trigger:old"]);
      expect(one.pending()).toBe(1);
      // Pruned, an id is new again (Slack refuses a replay that old anyway).
      expect(one.owe("trigger:done", "slack", {}, "a", at(MAX_AGE + 2))).toBe(true);
    } finally {
      close();
    }
  });

  it("records an answer's progress for its claimant only, and a take-over reads it back", () => {
    const { one, two, close } = twoReplicas();
    try {
      one.owe("trigger:1", "slack", {}, "a", T0);
      expect(one.sending("trigger:1", 1, "a")).toBe(true);
      expect(one.sent("trigger:1", 1, "a")).toBe(true);
      expect(one.sending("trigger:1", 2, "a")).toBe(true);
      // Not the claimant: refused.
      expect(two.sending("trigger:1", 3, "b")).toBe(false);
      const [taken] = two.claimStale("b", at(LEASE), LEASE, MAX_AGE);
      expect([taken?.sentParts, taken?.sendingPart]).toEqual([1, 2]);
      // The old claimant, back, can mark nothing more; the new one goes on.
      expect(one.sent("trigger:1", 2, "a")).toBe(false);
      expect(one.sending("trigger:1", 3, "a")).toBe(false);
      expect(two.sent("trigger:1", 2, "b")).toBe(true);
      // Progress never goes back.
      expect(two.sent("trigger:1", 1, "b")).toBe(false);
      const [again] = one.claimStale("c", at(2 * LEASE), LEASE, MAX_AGE);
      expect([again?.sentParts, again?.sendingPart]).toEqual([2, null]);
    } finally {
      close();
    }
  });
});
