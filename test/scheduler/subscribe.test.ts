import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { type Instance, instance, newDb } from "./harness.js";

const open: Instance[] = [];
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
});

function bot(): Instance {
  const i = instance(newDb(), new ManualClock("2026-02-02T08:00:00Z"));
  open.push(i);
  return i;
}

describe("subscribe, unsubscribe, settings", () => {
  it("stores time, zone and topics per channel, in the archive", async () => {
    const i = bot();
    const [reply] = await i.adapter.say(
      "subscribe time 9:30 timezone europe/berlin topics diffusion, agents",
      {
        channel: "C1",
      },
    );
    expect(reply).toMatchObject({
      kind: "settings",
      subscribed: true,
      time: "09:30",
      timezone: "Europe/Berlin",
      filters: ["diffusion", "agents"],
    });
    await i.adapter.say("subscribe 07h15 America/New_York", { channel: "C2", user: "U2" });
    const stored = i.engine.channels.subscribed().map((c) => [c.channel, c.time, c.timezone, c.filters]);
    expect(stored).toEqual([
      ["C1", "09:30", "Europe/Berlin", ["diffusion", "agents"]],
      ["C2", "07:15", "America/New_York", []],
    ]);
    const [settings] = await i.adapter.say("settings", { channel: "C1" });
    expect(settings).toMatchObject({ kind: "settings", time: "09:30", timezone: "Europe/Berlin" });
    await i.adapter.say("unsubscribe", { channel: "C1" });
    expect(i.engine.channels.subscribed().map((c) => c.channel)).toEqual(["C2"]);
  });

  it("refuses a bad time or zone with the usage", async () => {
    const i = bot();
    const [time] = await i.adapter.say("subscribe time 25:00", { channel: "C1" });
    expect(time).toMatchObject({ kind: "notice", code: "E_USAGE" });
    expect(time?.kind === "notice" && time.text).toContain("HH:MM");
    const [zone] = await i.adapter.say("subscribe Europe/Berln", { channel: "C1" });
    expect(zone?.kind === "notice" && zone.text).toContain("IANA time zone");
    expect(i.engine.channels.subscribed()).toEqual([]);
  });
});
