import { afterEach, describe, expect, it } from "vitest";
import { ReactionStore } from "../../src/archive/reactions.js";
import { ScheduledPostStore } from "../../src/archive/scheduled-posts.js";
import type { WeeklyReply } from "../../src/bot/replies.js";
import { addDays, ManualClock } from "../../src/clock.js";
import type { ScheduledPostEvent } from "../../src/scheduler/scheduled-post.js";
import { type Instance, instance, localTime, newDb, smallDayOf } from "./harness.js";

const open: Instance[] = [];
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
});

function start(db: string, clock: ManualClock, id: string, catchUp = true): Instance {
  const i = instance(db, clock, { id, settings: { catchUp: { enabled: catchUp, lookbackDays: 3 } } });
  open.push(i);
  return i;
}

function weeklies(i: Instance): { channel: string; reply: WeeklyReply }[] {
  return i.adapter.posted.flatMap((p) =>
    p.replies
      .filter((r): r is WeeklyReply => r.kind === "weekly")
      .map((reply) => ({ channel: p.target.channel, reply })),
  );
}

function posted(i: Instance): { at: Date; event: ScheduledPostEvent }[] {
  const out: { at: Date; event: ScheduledPostEvent }[] = [];
  i.scheduler.on("weekly-posted", (event: ScheduledPostEvent) =>
    out.push({ at: i.engine.clock.now(), event }),
  );
  return out;
}

/** Ingests a small digest of new papers for every weekday from `from` to `until`. */
function weekdays(i: Instance, from: string, until: string): void {
  for (let d = from; d <= until; d = addDays(d, 1)) {
    const day = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) i.engine.ingest([smallDayOf(d, 4)], { date: d });
  }
}

const CASES = [
  // Berlin moves to summer time on Sunday 2026-03-29: Monday 09:00 is 08:00Z, then 07:00Z.
  {
    zone: "Europe/Berlin",
    mondays: ["2026-03-23", "2026-03-30"],
    utc: ["2026-03-23T08:00:00.000Z", "2026-03-30T07:00:00.000Z"],
    hours: 167,
  },
  // New York leaves summer time on Sunday 2026-11-01: Monday 09:00 is 13:00Z, then 14:00Z.
  {
    zone: "America/New_York",
    mondays: ["2026-10-26", "2026-11-02"],
    utc: ["2026-10-26T13:00:00.000Z", "2026-11-02T14:00:00.000Z"],
    hours: 169,
  },
];

describe("the weekly digest", () => {
  it.each(CASES)(
    "is posted at 09:00 local on Mondays across the DST change ($zone), once a week",
    async (c) => {
      const first = c.mondays[0] as string;
      const clock = new ManualClock(`${addDays(first, -1)}T12:00:00Z`);
      const i = start(newDb(), clock, "one");
      const events = posted(i);
      weekdays(i, addDays(first, -7), addDays(first, 6));
      await i.adapter.say(`subscribe weekly monday 09:00 timezone ${c.zone}`, { channel: "C1" });
      // Nine days: every 15 minutes on the Mondays (09:00 falls on a tick; a post a quarter early
      // or late shows), hourly on the other days (a post on a wrong day shows too), aligned to the
      // hour throughout: 360 ticks instead of 864 (every 15 minutes, which timed out on PostgreSQL
      // under load).
      const monday = new Intl.DateTimeFormat("en-US", { timeZone: c.zone, weekday: "short" });
      const end = Date.parse(`${addDays(c.mondays[1] as string, 1)}T12:00:00Z`);
      while (clock.now().getTime() <= end) {
        await i.scheduler.tick();
        clock.advance((monday.format(clock.now()) === "Mon" ? 15 : 60) * 60_000);
      }
      expect(events.map((e) => e.at.toISOString())).toEqual(c.utc);
      expect(events.map((e) => localTime(e.at, c.zone))).toEqual(["09:00", "09:00"]);
      expect(((events[1]?.at.getTime() ?? 0) - (events[0]?.at.getTime() ?? 0)) / 3_600_000).toBe(c.hours);
      const [week1, week2] = weeklies(i).map((w) => w.reply);
      expect([week1?.from, week1?.until]).toEqual([addDays(first, -7), addDays(first, -1)]);
      expect(week1?.days).toBe(5);
      expect(week1?.count).toBeGreaterThan(0);
      expect(week1?.topics.length).toBeGreaterThan(0);
      expect(week2?.from).toBe(first);
      expect(week2?.count).toBe(20);
      expect(events.every((e) => !e.event.late)).toBe(true);
    },
  );

  it("says what the channel discussed most and how its queue moved", async () => {
    const clock = new ManualClock("2026-02-02T08:00:00Z");
    const i = start(newDb(), clock, "one");
    weekdays(i, "2026-02-02", "2026-02-06");
    const [a, b, c] = i.engine.papers.day("2026-02-02").map((p) => p.id) as [string, string, string];
    await i.adapter.say("subscribe weekly monday 09:00", { channel: "C1" });
    clock.set("2026-02-03T10:00:00Z");
    await i.adapter.say(`discuss ${a}`, { channel: "C1" });
    const thread = i.adapter.lastThread as string;
    await i.adapter.say("what is the main result?", { channel: "C1", thread });
    await i.adapter.say("which data?", { channel: "C1", thread });
    await i.adapter.say(`note ${b} worth a look`, { channel: "C1" });
    await i.adapter.say(`queue add ${b}`, { channel: "C1" });
    await i.adapter.say(`queue claim ${a}`, { channel: "C1" });
    await i.adapter.say(`note ${a} elsewhere`, { channel: "C2" }); // another channel: not counted
    // Reactions on the bot's message about c: 👍 ⭐ ⭐ count, 👎 and another channel's do not.
    const reactions = i.engine.store(ReactionStore);
    const cPk = i.engine.papers.resolve(c) as number;
    const react = (user: string, kind: "like" | "star" | "dislike", channel = "C1") =>
      reactions.add({
        platform: "test",
        workspace: "W1",
        channel,
        message: "m-c",
        user,
        kind,
        paperPk: cPk,
        at: clock.now(),
      });
    react("U1", "like");
    react("U2", "star");
    react("U3", "star");
    react("U4", "dislike");
    react("U5", "like", "C2");
    clock.set("2026-02-09T09:00:00Z");
    await i.scheduler.tick();
    const [w] = weeklies(i);
    expect(w?.reply.discussed.map((d) => [d.paper.id, d.threads, d.questions, d.notes, d.reactions])).toEqual(
      [
        [a, 1, 2, 0, 0],
        [c, 0, 0, 0, 3],
        [b, 0, 0, 1, 0],
      ],
    );
    expect(w?.reply.discussed[0]?.paper.discussed?.thread).toBe(thread);
    expect(w?.reply.queue).toEqual({ queued: 1, claimed: 1, added: 2, read: 0 });
  });

  it("catches up late the same day after downtime, skips an older miss, and posts once across a restart", async () => {
    const db = newDb();
    const clock = new ManualClock("2026-02-09T06:00:00Z");
    const a = start(db, clock, "a");
    weekdays(a, "2026-02-02", "2026-02-13");
    await a.adapter.say("subscribe weekly monday 09:00", { channel: "late" });
    await a.adapter.say("subscribe weekly monday 09:00", { channel: "other" });
    await a.close();
    open.splice(open.indexOf(a), 1);

    clock.set("2026-02-09T11:00:00Z"); // down over 09:00, back at 11:00 the same Monday
    const b = start(db, clock, "b");
    const c = start(db, clock, "c");
    await Promise.all([b.scheduler.tick(), c.scheduler.tick()]);
    const first = [...weeklies(b), ...weeklies(c)];
    expect(first.map((w) => w.channel).sort()).toEqual(["late", "other"]);
    expect(first.every((w) => w.reply.late)).toBe(true);
    clock.set("2026-02-09T11:30:00Z");
    await Promise.all([b.scheduler.tick(), c.scheduler.tick()]);
    expect([...weeklies(b), ...weeklies(c)]).toHaveLength(2);

    // Down the whole next Monday: Tuesday finds it missed, records it skipped and posts nothing.
    await b.close();
    await c.close();
    open.splice(0);
    clock.set("2026-02-17T08:00:00Z");
    const d = start(db, clock, "d");
    await d.scheduler.tick();
    expect(weeklies(d)).toEqual([]);
    expect(
      d.engine.store(ScheduledPostStore).list("weekly", { platform: "test", channel: "late" }),
    ).toMatchObject([
      { slot: "2026-02-09", status: "sent" },
      {
        slot: "2026-02-16",
        status: "skipped",
        error: "missed: paperboy was not running at the posting time",
      },
    ]);
  });

  it("is skipped when late and catch-up is off, and stops with `unsubscribe weekly`", async () => {
    const clock = new ManualClock("2026-02-09T06:00:00Z");
    const i = start(newDb(), clock, "one", false);
    weekdays(i, "2026-02-02", "2026-02-20");
    await i.adapter.say("subscribe weekly mon 09:00", { channel: "C1" });
    clock.set("2026-02-09T10:00:00Z");
    await i.scheduler.tick();
    expect(weeklies(i)).toEqual([]);
    expect(i.engine.store(ScheduledPostStore).list("weekly")[0]).toMatchObject({
      status: "skipped",
      error: "missed and catch-up is off",
    });
    await i.adapter.say("unsubscribe weekly", { channel: "C1" });
    clock.set("2026-02-16T09:00:00Z");
    await i.scheduler.tick();
    expect(weeklies(i)).toEqual([]);
  });
});
