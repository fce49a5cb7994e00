/**
 * The reading queue's guarantees below the chat commands: two claimers on two connections at the
 * same instant (worker threads, one SQLite connection each), the scheduler's once-only reminder
 * (across two schedulers, after a failed post), and `forget --channel`.
 */
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { ChannelDataStore } from "../../src/archive/channel-data.js";
import { NoteStore } from "../../src/archive/notes.js";
import { QueueStore } from "../../src/archive/reading-queue.js";
import type { ReminderReply } from "../../src/bot/replies.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { type Instance, instance, newDb, smallDigest } from "../scheduler/harness.js";

const open: Instance[] = [];
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
});

const DAY = 86_400_000;

/** A worker thread running claim-worker.ts from source (tsx registered inside the thread). */
function claimer(
  dbPath: string,
  user: string,
  papers: string[],
  barrier: SharedArrayBuffer,
): Promise<string[]> {
  const script = new URL("./claim-worker.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`;
  return new Promise((resolve, reject) => {
    const w = new Worker(boot, { eval: true, workerData: { dbPath, user, papers, barrier } });
    w.once("message", resolve);
    w.once("error", reject);
    w.once("exit", (code) => reject(new Error(`claimer ${user} exited (${code}) without an answer`)));
  });
}

describe("claims", () => {
  it("two claimers on two connections at once: each paper has exactly one winner, the loser sees who", async () => {
    const dbPath = newDb();
    const setup = Paperboy.open({ dbPath, indexPath: null, logger: silentLogger() });
    setup.ingest([smallDigest(30)]);
    const papers = setup.papers.day("2026-02-02").map((p) => p.id);
    setup.close();
    const barrier = new SharedArrayBuffer(8);
    const flag = new Int32Array(barrier);
    const runs = [
      claimer(dbPath, "UA", papers, barrier),
      claimer(dbPath, "UB", [...papers].reverse(), barrier),
    ];
    const failed = Promise.race(runs).then(
      () => false,
      () => true,
    );
    // Both threads are waiting at the barrier: let them go together.
    while (Atomics.load(flag, 1) < 2) {
      // Atomics.waitAsync resolves when a thread arrives (or after 1 s), without polling sleeps.
      await (
        Atomics as unknown as {
          waitAsync: (a: Int32Array, i: number, v: number, t: number) => { value: Promise<string> | string };
        }
      ).waitAsync(flag, 1, Atomics.load(flag, 1), 1000).value;
      if (await Promise.race([failed, Promise.resolve(false)])) break;
    }
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    const [a, b] = (await Promise.all(runs)) as [string[], string[]];
    const bByPaper = new Map(papers.map((id, k) => [id, b[papers.length - 1 - k] as string]));
    for (const [k, id] of papers.entries()) {
      const pair = [a[k], bByPaper.get(id)];
      expect(pair.filter((o) => o === "won")).toHaveLength(1);
      expect(pair).toContain(a[k] === "won" ? "lost:UA" : "lost:UB");
    }
    const check = Paperboy.open({ dbPath, indexPath: null });
    const rows = check.store(QueueStore).all();
    check.close();
    expect(rows).toHaveLength(papers.length);
    expect(rows.every((r) => r.status === "claimed")).toBe(true);
  }, 30_000);
});

describe("the claimer's reminder", () => {
  function setup(dbPath = newDb(), clock = new ManualClock("2026-02-02T09:00:00Z"), id?: string) {
    const i = instance(dbPath, clock, { id, settings: { queueReminderDays: 7 } });
    open.push(i);
    return i;
  }

  it("comes once, 7 days after the claim, to the claimer, in the channel; not for papers read or dropped", async () => {
    const clock = new ManualClock("2026-02-02T09:00:00Z");
    const i = setup(newDb(), clock);
    i.engine.ingest([smallDigest(3)]);
    const [a, b, c] = i.engine.papers.day("2026-02-02").map((p) => p.id) as [string, string, string];
    for (const id of [a, b, c]) await i.adapter.say(`queue claim ${id}`, { channel: "C1", user: "U-ANA" });
    await i.adapter.say(`queue done ${b}`, { channel: "C1", user: "U-ANA" });
    await i.adapter.say(`queue drop ${c}`, { channel: "C1" });
    const reminders = () =>
      i.adapter.posted.flatMap((p) =>
        p.replies
          .filter((r): r is ReminderReply => r.kind === "reminder")
          .map((r) => ({ ...r, channel: p.target.channel })),
      );
    clock.set("2026-02-09T08:59:00Z");
    await i.scheduler.tick();
    expect(reminders()).toEqual([]);
    clock.set("2026-02-09T09:00:00Z");
    await i.scheduler.tick();
    expect(reminders()).toEqual([
      expect.objectContaining({
        user: "U-ANA",
        channel: "C1",
        claimedOn: "2026-02-02",
        days: 7,
        paper: expect.objectContaining({ id: a }),
      }),
    ]);
    for (let k = 0; k < 3; k++) {
      clock.advance(DAY);
      await i.scheduler.tick();
    }
    expect(reminders()).toHaveLength(1);
  });

  it("two schedulers on one archive remind once; a failed post is tried again on the next tick", async () => {
    const dbPath = newDb();
    const clock = new ManualClock("2026-02-02T09:00:00Z");
    const one = setup(dbPath, clock, "one");
    const two = setup(dbPath, clock, "two");
    one.engine.ingest([smallDigest(2)]);
    const [a] = one.engine.papers.day("2026-02-02").map((p) => p.id) as [string];
    await one.adapter.say(`queue claim ${a}`, { channel: "C1", user: "U-BEN" });
    clock.advance(8 * DAY);
    one.adapter.failNextPosts(new Error("platform down"));
    const failed: unknown[] = [];
    one.scheduler.on("remind-failed", (e) => failed.push(e));
    await one.scheduler.tick();
    expect(failed).toHaveLength(1);
    await Promise.all([one.scheduler.tick(), two.scheduler.tick()]);
    await Promise.all([one.scheduler.tick(), two.scheduler.tick()]);
    const count = (x: Instance) =>
      x.adapter.posted.flatMap((p) => p.replies).filter((r) => r.kind === "reminder").length;
    expect(count(one) + count(two)).toBe(1);
  });

  it("is off with queueReminderDays 0", async () => {
    const clock = new ManualClock("2026-02-02T09:00:00Z");
    const i = instance(newDb(), clock, { settings: { queueReminderDays: 0 } });
    open.push(i);
    i.engine.ingest([smallDigest(1)]);
    const [a] = i.engine.papers.day("2026-02-02").map((p) => p.id) as [string];
    await i.adapter.say(`queue claim ${a}`, { channel: "C1" });
    clock.advance(30 * DAY);
    await i.scheduler.tick();
    expect(i.adapter.posted.flatMap((p) => p.replies).filter((r) => r.kind === "reminder")).toEqual([]);
  });
});

describe("forgetting a channel", () => {
  it("deletes its notes, queue, threads with their messages, deliveries and settings, in one go, and nothing of other channels", async () => {
    const clock = new ManualClock("2026-02-02T09:00:00Z");
    const i = instance(newDb(), clock);
    open.push(i);
    i.engine.ingest([smallDigest(2)]);
    const [a] = i.engine.papers.day("2026-02-02").map((p) => p.id) as [string];
    for (const channel of ["C-LEAVING", "C-STAYING"]) {
      // One person per channel: fourteen commands from one would meet the per-user rate limit.
      const user = `U-${channel}`;
      await i.adapter.say("subscribe time 09:00", { channel, user });
      await i.adapter.say(`discuss ${a}`, { channel, user });
      await i.adapter.say("what is new here?", { channel, user, thread: i.adapter.lastThread as string });
      await i.adapter.say(`note ${a} kept?`, { channel, user });
      await i.adapter.say(`queue add ${a}`, { channel, user });
      await i.adapter.say("watch sparse attention", { channel, user });
      await i.adapter.say("subscribe weekly friday", { channel, user });
    }
    await i.scheduler.tick();
    const store = i.engine.store(ChannelDataStore);
    expect(() => store.resolve("C-NOWHERE")).toThrow(/keeps nothing for channel "C-NOWHERE"/);
    const key = store.resolve("C-LEAVING");
    expect(key).toEqual({ platform: "test", channel: "C-LEAVING" });
    const before = store.count(key);
    expect(before).toEqual({
      notes: 1,
      reading_queue: 1,
      paper_reactions: 0,
      // The discussion's card and the queue's card: the bot's messages about one paper.
      paper_messages: 2,
      thread_messages: 2,
      threads: 1,
      deliveries: 1,
      alerted_papers: 0,
      watches: 1,
      scheduled_posts: 0,
      channel_digests: 1,
      channels: 1,
    });
    expect(store.forget(key)).toEqual(before);
    expect(Object.values(store.count(key)).every((n) => n === 0)).toBe(true);
    expect(store.count({ platform: "test", channel: "C-STAYING" })).toEqual(before);
    expect(
      i.engine
        .store(NoteStore)
        .all()
        .map((n) => n.channel),
    ).toEqual(["C-STAYING"]);
  });
});
