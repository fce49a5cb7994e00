import { afterEach, describe, expect, it } from "vitest";
import { WatchStore } from "../../src/archive/watches.js";
import type { ResultList } from "../../src/bot/replies.js";
import { ManualClock } from "../../src/clock.js";
import type { ScheduledPostEvent } from "../../src/scheduler/scheduled-post.js";
import { FIXTURE_API, type Instance, instance, newDb, smallDigest } from "./harness.js";

const open: Instance[] = [];
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
});

function start(db: string, clock: ManualClock, id: string): Instance {
  const i = instance(db, clock, { id });
  open.push(i);
  return i;
}

/** The alert posts an instance made: channel and the ids of the papers each lists. */
function alerts(i: Instance): { channel: string; ids: string[]; reply: ResultList }[] {
  return i.adapter.posted.flatMap((p) =>
    p.replies
      .filter((r): r is ResultList => r.kind === "results" && r.title.startsWith("New papers for"))
      .map((reply) => ({ channel: p.target.channel, ids: reply.items.map((x) => x.id), reply })),
  );
}

function events(i: Instance, name: string): ScheduledPostEvent[] {
  const out: ScheduledPostEvent[] = [];
  i.scheduler.on(name, (e: ScheduledPostEvent) => out.push(e));
  return out;
}

const ROBOTS = "2601.21998"; // Causal World Modeling for Robot Control
const OCR = "2601.21957"; // PaddleOCR-VL-1.5: … Robust In-the-Wild Document Parsing

describe("saved-search alerts", () => {
  it("post each new matching paper once, naming every watch it matched, and only papers new to the watch", async () => {
    const db = newDb();
    const clock = new ManualClock("2026-02-01T12:00:00Z");
    const i = start(db, clock, "only");
    await i.adapter.say("watch robot control world model", { channel: "C1" });
    await i.adapter.say("watch robot control", { channel: "C1" });
    await i.adapter.say("watch document parsing OCR", { channel: "C1" });
    await i.adapter.say("watch document parsing OCR", { channel: "C2" });
    clock.set("2026-02-02T07:00:00Z");
    i.engine.ingest([smallDigest(12)], { date: "2026-02-02" });
    await i.scheduler.tick();
    const posted = alerts(i);
    expect(posted.map((a) => a.channel).sort()).toEqual(["C1", "C2"]);
    const c1 = posted.find((a) => a.channel === "C1") as (typeof posted)[number];
    expect(c1.ids).toContain(ROBOTS);
    expect(c1.ids).toContain(OCR);
    expect(new Set(c1.ids).size).toBe(c1.ids.length);
    // Two watches matched the robot paper: one entry that names both.
    const robot = c1.reply.items.find((x) => x.id === ROBOTS);
    expect(robot?.watches).toEqual(["#1 robot control world model", "#2 robot control"]);
    expect(robot?.tldr?.length).toBeGreaterThan(0);
    expect(posted.find((a) => a.channel === "C2")?.ids).toEqual([OCR]);

    // Ticks later, a re-ingest of the same day, and the paper coming back on another day: no new alert.
    clock.advance(60_000);
    await i.scheduler.tick();
    i.engine.ingest([smallDigest(12)], { date: "2026-02-03" });
    clock.advance(60_000);
    await i.scheduler.tick();
    expect(alerts(i)).toHaveLength(2);

    // A watch made now is not told about papers the archive already had.
    await i.adapter.say("watch reasoning models embedding", { channel: "C3" });
    clock.advance(60_000);
    await i.scheduler.tick();
    expect(alerts(i).filter((a) => a.channel === "C3")).toEqual([]);
  });

  it("are posted once across a restart and with two scheduler instances on one archive", async () => {
    const db = newDb();
    const clock = new ManualClock("2026-02-01T12:00:00Z");
    const a = start(db, clock, "a");
    const b = start(db, clock, "b");
    const channels = ["C1", "C2", "C3", "C4", "C5", "C6"];
    for (const channel of channels) await a.adapter.say("watch robot control", { channel });
    clock.set("2026-02-02T07:00:00Z");
    a.engine.ingest([smallDigest(12)], { date: "2026-02-02" });
    // Both instances tick together, as two croner timers would.
    for (let k = 0; k < 5; k++) {
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      clock.advance(20_000);
    }
    const both = [...alerts(a), ...alerts(b)];
    expect(both.map((x) => x.channel).sort()).toEqual(channels);
    expect(both.every((x) => x.ids.includes(ROBOTS))).toBe(true);

    // A restarted instance (a fresh process on the same archive) matches again and posts nothing.
    await a.close();
    open.splice(open.indexOf(a), 1);
    const again = start(db, clock, "a2");
    await again.scheduler.tick();
    expect(alerts(again)).toEqual([]);
    const rows = again.engine.store(WatchStore);
    for (const channel of channels)
      expect(rows.alertedCount({ platform: "test", channel })).toBe(
        both.find((x) => x.channel === channel)?.ids.length,
      );
  });

  it("retries a failed alert post with the same papers, and gives up after the last attempt", async () => {
    const clock = new ManualClock("2026-02-01T12:00:00Z");
    const i = start(newDb(), clock, "one");
    const failed = events(i, "alert-failed");
    const gaveUp = events(i, "alert-gave-up");
    const posted = events(i, "alert-posted");
    await i.adapter.say("watch robot control", { channel: "flaky" });
    await i.adapter.say("watch robot control", { channel: "down" });
    clock.set("2026-02-02T07:00:00Z");
    i.engine.ingest([smallDigest(12)], { date: "2026-02-02" });
    i.adapter.failNextPosts(new Error("flaky: 503"), new Error("down: 500"));
    await i.scheduler.tick();
    expect(failed.map((e) => e.key.channel).sort()).toEqual(["down", "flaky"]);
    clock.advance(30_000); // the first retry waits a minute
    await i.scheduler.tick();
    expect(posted).toHaveLength(0);
    i.adapter.failNextPosts(new Error("down: 500"));
    clock.advance(30_000);
    await i.scheduler.tick();
    expect(posted.map((e) => e.key.channel)).toEqual(["flaky"]);
    expect(alerts(i)[0]?.ids).toContain(ROBOTS);
    i.adapter.failNextPosts(new Error("down: 500"));
    clock.advance(2 * 60_000);
    await i.scheduler.tick();
    expect(gaveUp.map((e) => [e.key.channel, e.attempts])).toEqual([["down", 3]]);
    clock.advance(60 * 60_000);
    await i.scheduler.tick();
    expect(alerts(i)).toHaveLength(1);
  });

  it("honor has:code, and match over the whole day", async () => {
    const clock = new ManualClock("2026-02-01T12:00:00Z");
    const i = start(newDb(), clock, "one");
    await i.adapter.say("watch robot control has:code", { channel: "C1" });
    await i.adapter.say("watch agentic trajectories reinforcement arenas", { channel: "C2" });
    await i.adapter.say("watch agentic trajectories reinforcement arenas has:code", { channel: "C3" });
    clock.set("2026-02-02T07:00:00Z");
    i.engine.ingest([FIXTURE_API], { date: "2026-02-02" });
    await i.scheduler.tick();
    const byChannel = new Map(alerts(i).map((a) => [a.channel, a.ids]));
    // The robot paper links no code: a has:code watch does not alert on it.
    expect(i.engine.paper(ROBOTS).code).toEqual([]);
    expect(byChannel.get("C1") ?? []).not.toContain(ROBOTS);
    for (const id of [...(byChannel.get("C1") ?? []), ...(byChannel.get("C3") ?? [])])
      expect(i.engine.paper(id).code.length).toBeGreaterThan(0);
    expect(byChannel.get("C2")).toContain("2601.21558");
    expect(byChannel.get("C3")).toContain("2601.21558");
  });
});
