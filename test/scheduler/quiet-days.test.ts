import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ScheduledPostStore } from "../../src/archive/scheduled-posts.js";
import type { NoticeReply } from "../../src/bot/replies.js";
import { ManualClock } from "../../src/clock.js";
import { HfClient } from "../../src/fetch/hf-client.js";
import { HfApiSource } from "../../src/fetch/hf-source.js";
import { silentLogger } from "../../src/logger.js";
import type { SchedulerSettings } from "../../src/scheduler/scheduler.js";
import { tempDir } from "../support/cli.js";
import { HfApiServer } from "../support/hf-api-server.js";
import { type Instance, instance, newDb, roundups, smallDigest } from "./harness.js";

let server: HfApiServer;
const open: Instance[] = [];
beforeEach(async () => {
  server = await new HfApiServer().start();
});
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
  await server.close();
});

/** An instance fetching from the API stand-in (which answers `[]` for a day not published). */
function withApi(
  db: string,
  clock: ManualClock,
  id: string,
  settings: Partial<SchedulerSettings> = {},
): Instance {
  const client = new HfClient({
    baseUrl: server.baseUrl,
    timeoutMs: 2_000,
    retries: 0,
    backoff: { baseMs: 1_000, maxMs: 10_000 },
    clock,
    logger: silentLogger(),
    sleep: async () => {},
  });
  const i = instance(db, clock, {
    id,
    source: new HfApiSource(client, tempDir(), server.baseUrl),
    settings: { quietAfterMinutes: 120, ...settings },
  });
  open.push(i);
  return i;
}

function quietNotices(i: Instance): { channel: string; text: string }[] {
  return i.adapter.posted.flatMap((p) =>
    p.replies
      .filter((r): r is NoticeReply => r.kind === "notice" && r.text.startsWith("No papers for"))
      .map((r) => ({ channel: p.target.channel, text: r.text })),
  );
}

async function tickEvery(all: Instance[], clock: ManualClock, until: string, stepMs: number): Promise<void> {
  while (clock.now().getTime() <= Date.parse(until)) {
    await Promise.all(all.map((i) => i.scheduler.tick()));
    clock.advance(stepMs);
  }
}

const SATURDAY = "2026-02-07";

describe("quiet days", () => {
  it("give one short notice (when asked) instead of an empty roundup, and the roundup once papers come", async () => {
    const db = newDb();
    const clock = new ManualClock("2026-02-07T06:00:00Z");
    const i = withApi(db, clock, "one");
    await i.adapter.say("subscribe time 09:00 timezone UTC", { channel: "asked" });
    await i.adapter.say("subscribe quiet on", { channel: "asked" });
    await i.adapter.say("subscribe time 09:00 timezone UTC", { channel: "silent" });

    // All day Saturday the API answers []: never a roundup; one notice two hours after 09:00.
    await tickEvery([i], clock, "2026-02-07T10:59:00Z", 15 * 60_000);
    expect(i.adapter.posted).toEqual([]);
    clock.set("2026-02-07T11:00:00Z");
    await tickEvery([i], clock, "2026-02-07T23:45:00Z", 15 * 60_000);
    expect(roundups(i)).toEqual([]);
    const notices = quietNotices(i);
    expect(notices.map((n) => n.channel)).toEqual(["asked"]);
    expect(notices[0]?.text).toContain("Saturday 2026-02-07");
    expect(i.adapter.posted.find((p) => p.target.channel === "asked")?.replies[0]).toMatchObject({
      kind: "notice",
      public: true,
    });

    // Sunday the papers of Saturday appear after all: its roundup is posted then, once, to both channels.
    server.publish(SATURDAY, smallDigest(5));
    clock.set("2026-02-08T07:00:00Z");
    await tickEvery([i], clock, "2026-02-08T08:30:00Z", 15 * 60_000);
    const posted = roundups(i);
    expect(posted.map((r) => [r.channel, r.reply.date]).sort()).toEqual([
      ["asked", SATURDAY],
      ["silent", SATURDAY],
    ]);
    expect(posted.every((r) => r.reply.late && r.reply.shown > 0)).toBe(true);
    expect(quietNotices(i)).toHaveLength(1);
    await tickEvery([i], clock, "2026-02-08T12:00:00Z", 30 * 60_000);
    expect(roundups(i).filter((r) => r.reply.date === SATURDAY)).toHaveLength(2);
  });

  it("post the notice once with two schedulers and across a restart", async () => {
    const db = newDb();
    const clock = new ManualClock("2026-02-07T08:00:00Z");
    const a = withApi(db, clock, "a");
    const b = withApi(db, clock, "b");
    for (const channel of ["C1", "C2", "C3"]) {
      await a.adapter.say("subscribe time 09:00 timezone Europe/Berlin", { channel });
      await a.adapter.say("subscribe quiet on", { channel });
    }
    // Both tick at the same instants, the notice's (10:00 UTC) among them: every 2 minutes races
    // them as every 20 s did, at a tenth of the ticks (420 per scheduler took ~30 s on PostgreSQL).
    await tickEvery([a, b], clock, "2026-02-07T10:20:00Z", 2 * 60_000);
    const first = [...quietNotices(a), ...quietNotices(b)].map((n) => n.channel).sort();
    expect(first).toEqual(["C1", "C2", "C3"]);
    const byB = quietNotices(b).length;
    await a.close();
    open.splice(open.indexOf(a), 1);
    // The restarted process and the other one tick on all day: no notice is posted again.
    const restarted = withApi(db, clock, "a2");
    await tickEvery([restarted, b], clock, "2026-02-07T18:00:00Z", 10 * 60_000);
    expect(quietNotices(restarted)).toEqual([]);
    expect(quietNotices(b)).toHaveLength(byB);
    const rows = restarted.engine.store(ScheduledPostStore).list("quiet");
    expect(rows.map((r) => [r.channel, r.slot, r.status, r.attempts])).toEqual([
      ["C1", SATURDAY, "sent", 1],
      ["C2", SATURDAY, "sent", 1],
      ["C3", SATURDAY, "sent", 1],
    ]);
  });

  it("post the late roundup even with catch-up off, and stop waiting after the lookback", async () => {
    const db = newDb();
    const clock = new ManualClock("2026-02-07T06:00:00Z");
    const i = withApi(db, clock, "one", { catchUp: { enabled: false, lookbackDays: 3 } });
    await i.adapter.say("subscribe time 09:00 timezone UTC", { channel: "C1" });
    await tickEvery([i], clock, "2026-02-07T12:00:00Z", 30 * 60_000);
    expect(i.adapter.posted).toEqual([]); // notices are off by default
    // Saturday's papers appear the same evening: posted then, although late and catch-up is off.
    server.publish(SATURDAY, smallDigest(3));
    clock.set("2026-02-07T19:00:00Z");
    await i.scheduler.tick();
    expect(roundups(i).map((r) => r.reply.date)).toEqual([SATURDAY]);

    // Sunday stays empty; after the lookback it is given up as unpublished, and nothing is posted.
    await tickEvery([i], clock, "2026-02-11T12:00:00Z", 60 * 60_000);
    const sunday = i.engine.deliveries.get({ platform: "test", channel: "C1", date: "2026-02-08" });
    expect(sunday).toMatchObject({ status: "skipped", error: "no digest was published for the day" });
    expect(roundups(i).map((r) => r.reply.date)).toEqual([SATURDAY]);
  });
});
