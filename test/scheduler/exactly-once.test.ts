import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { type Instance, instance, newDb, roundups, smallDigest } from "./harness.js";

const open: Instance[] = [];
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
});

function start(db: string, clock: ManualClock, id: string): Instance {
  const i = instance(db, clock, { id });
  open.push(i);
  return i;
}

describe("exactly one roundup per channel and day", () => {
  it("survives a restart at the posting minute", async () => {
    const db = newDb();
    const clock = new ManualClock("2026-02-02T07:00:00Z");
    const first = start(db, clock, "first");
    first.engine.ingest([smallDigest()], { date: "2026-02-02" });
    await first.adapter.say("subscribe time 09:00 timezone Europe/Berlin", { channel: "C1" });

    clock.set("2026-02-02T08:00:05Z"); // 09:00:05 in Berlin
    await first.scheduler.tick();
    expect(roundups(first)).toHaveLength(1);
    await first.close();
    open.splice(open.indexOf(first), 1);

    // The restarted process ticks at once, still within the posting minute, and again later.
    clock.set("2026-02-02T08:00:40Z");
    const second = start(db, clock, "second");
    await second.scheduler.tick();
    clock.set("2026-02-02T08:01:00Z");
    await second.scheduler.tick();
    expect(roundups(second)).toHaveLength(0);
    const rows = second.engine.deliveries.list("2026-02-02");
    expect(rows).toMatchObject([
      { channel: "C1", status: "sent", attempts: 1, claimedBy: "first", late: false },
    ]);
  });

  it("posts once with two scheduler instances on one database", async () => {
    const db = newDb();
    const clock = new ManualClock("2026-02-02T07:00:00Z");
    const a = start(db, clock, "a");
    const b = start(db, clock, "b");
    a.engine.ingest([smallDigest()], { date: "2026-02-02" });
    const channels = ["C1", "C2", "C3", "C4", "C5", "C6"];
    for (const [n, channel] of channels.entries()) {
      await a.adapter.say(`subscribe time 09:0${n} timezone Europe/Berlin`, { channel, user: `U${n}` });
    }
    // Both instances tick together every 20 s through the posting minutes, as two croner timers would.
    clock.set("2026-02-02T07:58:00Z");
    while (clock.now() < new Date("2026-02-02T08:08:00Z")) {
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      clock.advance(20_000);
    }
    const posted = [...roundups(a), ...roundups(b)].map((r) => r.channel).sort();
    expect(posted).toEqual(channels);
    // Whichever instance claimed a channel first posted it; the other stood down, every tick.
    const rows = a.engine.deliveries.list("2026-02-02");
    expect(rows.map((r) => r.status)).toEqual(channels.map(() => "sent"));
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });

  it("takes over a claim left by a process that died mid-post, after the lease", async () => {
    const db = newDb();
    const clock = new ManualClock("2026-02-02T07:00:00Z");
    const dead = start(db, clock, "dead");
    dead.engine.ingest([smallDigest()], { date: "2026-02-02" });
    await dead.adapter.say("subscribe time 09:00 timezone UTC", { channel: "C1" });
    clock.set("2026-02-02T09:00:00Z");
    const key = { platform: "test", channel: "C1", date: "2026-02-02" };
    const claimed = dead.engine.deliveries.claim(key, {
      by: "dead",
      now: clock.now(),
      late: false,
      retryFailed: () => false,
      leaseMs: 15 * 60_000,
    });
    expect(claimed?.status).toBe("claimed");

    const alive = start(db, clock, "alive");
    clock.set("2026-02-02T09:10:00Z");
    await alive.scheduler.tick();
    expect(roundups(alive)).toHaveLength(0);
    clock.set("2026-02-02T09:15:00Z");
    await alive.scheduler.tick();
    expect(roundups(alive)).toHaveLength(1);
    expect(alive.engine.deliveries.get(key)).toMatchObject({
      status: "sent",
      claimedBy: "alive",
      attempts: 2,
    });
    // The dead process's late answer cannot overwrite the new owner's record.
    expect(dead.engine.deliveries.markFailed(key, "dead", "timeout")).toBe(false);
  });
});
