import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { createLogger } from "../../src/logger.js";
import { type Instance, instance, newDb, roundups, smallDigest } from "./harness.js";

const open: Instance[] = [];
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
});

function logLines(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, stream };
}

describe("catch-up after downtime", () => {
  it("posts today's missed roundup late after a 3-hour outage, then on time the next day", async () => {
    const db = newDb();
    const clock = new ManualClock("2026-02-02T06:00:00Z");
    const before = instance(db, clock);
    open.push(before);
    const digest = smallDigest();
    before.engine.ingest([digest], { date: "2026-02-02" });
    before.engine.ingest([digest], { date: "2026-02-03" });
    await before.adapter.say("subscribe time 09:00 timezone Europe/Berlin", { channel: "C1" });
    clock.set("2026-02-02T07:00:00Z"); // 08:00 Berlin: last tick before the outage
    await before.scheduler.tick();
    expect(roundups(before)).toHaveLength(0);
    await before.close();
    open.pop();

    clock.set("2026-02-02T10:00:00Z"); // back at 11:00 Berlin, three hours later
    const after = instance(db, clock);
    open.push(after);
    await after.scheduler.tick();
    const [first] = roundups(after);
    expect(first?.reply.late).toBe(true);
    expect(first?.reply.date).toBe("2026-02-02");
    expect(
      after.engine.deliveries.get({ platform: "test", channel: "C1", date: "2026-02-02" }),
    ).toMatchObject({
      status: "sent",
      late: true,
    });

    clock.set("2026-02-03T08:00:00Z");
    await after.scheduler.tick();
    const second = roundups(after)[1];
    expect(second?.reply.date).toBe("2026-02-03");
    expect(second?.reply.late).toBeUndefined();
    expect(roundups(after)).toHaveLength(2);
  });

  it("skips and logs older missed days, posting only the current one", async () => {
    const db = newDb();
    const clock = new ManualClock("2026-02-01T12:00:00Z");
    const { lines, stream } = logLines();
    const logger = createLogger({ level: "info", destination: stream });
    const i = instance(db, clock, { logger });
    open.push(i);
    const digest = smallDigest();
    for (const d of ["2026-02-02", "2026-02-03", "2026-02-04"]) i.engine.ingest([digest], { date: d });
    await i.adapter.say("subscribe time 09:00 timezone UTC", { channel: "C1" });

    clock.set("2026-02-04T10:30:00Z"); // down from Feb 1 noon until Feb 4, 10:30
    await i.scheduler.tick();
    await i.scheduler.tick();
    expect(roundups(i).map((r) => [r.reply.date, r.reply.late])).toEqual([["2026-02-04", true]]);
    const rows = i.engine.deliveries.list().map((r) => [r.date, r.status]);
    expect(rows).toEqual([
      ["2026-02-02", "skipped"],
      ["2026-02-03", "skipped"],
      ["2026-02-04", "sent"],
    ]);
    const skipped = lines.filter((l) => l.msg === "roundup skipped").map((l) => l.date);
    expect(skipped.sort()).toEqual(["2026-02-02", "2026-02-03"]);
  });

  it("skips a late roundup instead when catch-up is off", async () => {
    const clock = new ManualClock("2026-02-02T06:00:00Z");
    const i = instance(newDb(), clock, { settings: { catchUp: { enabled: false, lookbackDays: 3 } } });
    open.push(i);
    i.engine.ingest([smallDigest()], { date: "2026-02-02" });
    await i.adapter.say("subscribe time 09:00 timezone UTC", { channel: "C1" });
    clock.set("2026-02-02T12:00:00Z");
    await i.scheduler.tick();
    expect(roundups(i)).toHaveLength(0);
    expect(i.engine.deliveries.list()[0]?.status).toBe("skipped");
  });
});
