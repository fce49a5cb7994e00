import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { HfClient } from "../../src/fetch/hf-client.js";
import { HfApiSource } from "../../src/fetch/hf-source.js";
import { silentLogger } from "../../src/logger.js";
import { tempDir } from "../support/cli.js";
import { HfApiServer } from "../support/hf-api-server.js";
import { FIXTURE_API, type Instance, instance, newDb, roundups, smallDigest } from "./harness.js";

let server: HfApiServer;
const open: Instance[] = [];
beforeEach(async () => {
  server = await new HfApiServer().start();
});
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
  await server.close();
});

function withApi(clock: ManualClock): Instance {
  const client = new HfClient({
    baseUrl: server.baseUrl,
    timeoutMs: 2_000,
    retries: 2,
    backoff: { baseMs: 1_000, maxMs: 10_000 },
    clock,
    logger: silentLogger(),
    sleep: async () => {},
  });
  const i = instance(newDb(), clock, { source: new HfApiSource(client, tempDir(), server.baseUrl) });
  open.push(i);
  return i;
}

describe("the day's digest", () => {
  it("is retried while not published, and the roundup goes out once it is, never empty", async () => {
    const clock = new ManualClock("2026-02-02T05:00:00Z");
    const i = withApi(clock);
    const notPublished: string[] = [];
    i.scheduler.on("not-published", (e: { date: string }) => notPublished.push(e.date));
    await i.adapter.say("subscribe time 09:00 timezone UTC", { channel: "C1" });

    clock.set("2026-02-02T06:00:00Z"); // fetchAt: the first try
    await i.scheduler.tick();
    expect(notPublished).toEqual(["2026-02-02"]);
    clock.set("2026-02-02T06:10:00Z"); // within fetchRetryMinutes: no new request
    await i.scheduler.tick();
    expect(server.requests).toHaveLength(1);

    clock.set("2026-02-02T09:00:00Z"); // the channel is due; still nothing published
    await i.scheduler.tick();
    expect(server.requests).toHaveLength(2);
    expect(i.adapter.posted).toHaveLength(0);
    expect(i.engine.deliveries.list()).toEqual([]);

    server.script("2026-02-02", { status: 503 }); // a hiccup on the way, retried by the client
    server.publish("2026-02-02", smallDigest());
    clock.set("2026-02-02T09:15:00Z");
    await i.scheduler.tick();
    const posted = roundups(i);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.reply.count).toBe(i.engine.papers.dayPks("2026-02-02").length);
    expect(posted[0]?.reply.shown).toBeGreaterThan(0);
    expect(posted[0]?.reply.late).toBe(true);

    clock.set("2026-02-02T10:00:00Z");
    await i.scheduler.tick();
    expect(roundups(i)).toHaveLength(1);
    expect(server.requests.length).toBe(4); // 2 unpublished, 503, 200: nothing after the day is in
  });
});

describe("the roundup post", () => {
  it("honors each channel's filters", async () => {
    const clock = new ManualClock("2026-02-02T05:00:00Z");
    const i = instance(newDb(), clock);
    open.push(i);
    i.engine.ingest([FIXTURE_API], { date: "2026-02-02" });
    await i.adapter.say("subscribe time 09:00 timezone UTC", { channel: "all" });
    await i.adapter.say("subscribe time 09:00 timezone UTC topics video, reinforcement learning", {
      channel: "some",
    });
    clock.set("2026-02-02T09:00:00Z");
    await i.scheduler.tick();
    const byChannel = new Map(roundups(i).map((r) => [r.channel, r.reply]));
    const all = byChannel.get("all");
    const some = byChannel.get("some");
    const dayCount = i.engine.papers.dayPks("2026-02-02").length;
    expect(all?.shown).toBe(dayCount);
    expect(all?.filters).toBeUndefined();
    expect(some?.filters).toEqual(["video", "reinforcement learning"]);
    expect(some?.count).toBe(dayCount);
    expect(some?.shown).toBeGreaterThan(0);
    expect(some?.shown).toBeLessThan(dayCount);
    // Every paper shown matches a filter, and every matching paper of the day is shown.
    const matches = (id: string) => {
      const p = i.engine.paper(id);
      const text = `${p.title} ${p.abstract}`.toLowerCase();
      return /\bvideo/.test(text) || (/\breinforcement/.test(text) && /\blearning/.test(text));
    };
    const shown = some?.topics.flatMap((t) => t.papers.map((p) => p.id)) ?? [];
    expect(shown.every(matches)).toBe(true);
    const expected = i.engine.papers.byPks(i.engine.papers.dayPks("2026-02-02")).filter((p) => matches(p.id));
    expect(shown.sort()).toEqual(expected.map((p) => p.id).sort());
    // Each paper comes with its TL;DR and code links.
    expect(some?.topics[0]?.papers[0]?.tldr?.length).toBeGreaterThan(0);
  });

  it("retries a failed post with backoff and reports it after the last attempt", async () => {
    const clock = new ManualClock("2026-02-02T05:00:00Z");
    const i = instance(newDb(), clock);
    open.push(i);
    i.engine.ingest([smallDigest()], { date: "2026-02-02" });
    await i.adapter.say("subscribe time 09:00 timezone UTC", { channel: "flaky" });
    await i.adapter.say("subscribe time 09:00 timezone UTC", { channel: "down", user: "U2" });
    // attempts: 3, backoff 1 min doubling. "flaky" fails once; "down" fails every time.
    i.adapter.failNextPosts(new Error("flaky: 503"), new Error("down: 500"));
    clock.set("2026-02-02T09:00:00Z");
    await i.scheduler.tick();
    const names = () => i.events.map((e) => `${e.name}:${e.event.key.channel}`);
    expect(names().sort()).toEqual(["post-failed:down", "post-failed:flaky"]);

    i.adapter.failNextPosts(new Error("down: 500"));
    clock.set("2026-02-02T09:00:30Z"); // not yet: the first retry waits 1 minute
    await i.scheduler.tick();
    expect(i.events).toHaveLength(2);
    clock.set("2026-02-02T09:01:00Z");
    await i.scheduler.tick();
    expect(names().slice(2).sort()).toEqual(["post-failed:down", "posted:flaky"]);

    i.adapter.failNextPosts(new Error("down: 500 xoxb-1234567890-secret-token"));
    clock.set("2026-02-02T09:02:59Z"); // the second retry waits 2 minutes
    await i.scheduler.tick();
    expect(i.events).toHaveLength(4);
    clock.set("2026-02-02T09:03:00Z");
    await i.scheduler.tick();
    const gaveUp = i.events.at(-1);
    expect(gaveUp?.name).toBe("gave-up");
    expect(gaveUp?.event).toMatchObject({ key: { channel: "down" }, attempts: 3 });
    expect(gaveUp?.event.error).not.toContain("xoxb-1234567890");

    clock.set("2026-02-02T12:00:00Z");
    await i.scheduler.tick();
    expect(i.events).toHaveLength(5);
    expect(roundups(i).map((r) => r.channel)).toEqual(["flaky"]);
    expect(i.engine.deliveries.list().map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ["down", "failed", 3],
      ["flaky", "sent", 2],
    ]);
  });
});
