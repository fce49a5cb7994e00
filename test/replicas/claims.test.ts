/**
 * Exactly-once roundups across replicas: scheduler processes on one PostgreSQL archive, ticking
 * at the same moments over the same 40 channels, post each channel's day once between them; a
 * replica SIGKILLed mid-post leaves a claim that one (only one) of two others takes over after the
 * lease. Real processes, real connections: the races are the server's to settle.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { instance, smallDigest } from "../scheduler/harness.js";
import { postgresArchive } from "../support/archive.js";
import { exited, nodeArgs, waitForLine } from "../support/spawn.js";

const SCRIPT = fileURLToPath(new URL("./scheduler-replica.ts", import.meta.url));
const CHANNELS = Array.from({ length: 40 }, (_, n) => `C${String(n).padStart(2, "0")}`);
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** An archive with a digest day and every channel subscribed at 09:00 UTC. */
async function archive(): Promise<string> {
  const url = postgresArchive();
  const clock = new ManualClock("2026-02-02T07:00:00Z");
  const setup = instance(url, clock, { id: "setup" });
  setup.engine.ingest([smallDigest()], { date: "2026-02-02" });
  // One user per channel: a user's commands are rate-limited.
  for (const [n, channel] of CHANNELS.entries())
    await setup.adapter.say("subscribe time 09:00 timezone UTC", { channel, user: `U${n}` });
  expect(setup.engine.channels.subscribed()).toHaveLength(CHANNELS.length);
  await setup.close();
  return url;
}

function replica(url: string, id: string, mode: "post" | "hang", from: string, until: string): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs(SCRIPT), url, id, mode, from, until], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  running.push(child);
  return child;
}

/** Starts replicas together: each is set up and waiting before any ticks. */
async function together(children: ChildProcess[]): Promise<string[][]> {
  await Promise.all(children.map((c) => waitForLine(c, "stdout", /^ready$/)));
  const results = children.map((c) => waitForLine(c, "stdout", /^\{"posted"/));
  for (const c of children) c.stdin?.write("go\n");
  const posted = (await Promise.all(results)).map(
    (line) => (JSON.parse(line) as { posted: string[] }).posted,
  );
  for (const c of children) expect((await exited(c)).code).toBe(0);
  return posted;
}

function deliveries(url: string) {
  const clock = new ManualClock("2026-02-02T10:00:00Z");
  const check = instance(url, clock, { id: "check" });
  try {
    return check.engine.deliveries.list("2026-02-02");
  } finally {
    void check.close();
  }
}

// Each test starts three `serve` processes on PostgreSQL: 11–13 s on an idle machine, over the
// suite's 30 s default when other test files load the same two cores.
const PROCESSES_TIMEOUT_MS = 90_000;

describe("roundups across replica processes on one PostgreSQL archive", {
  timeout: PROCESSES_TIMEOUT_MS,
}, () => {
  it("three replicas ticking together post each of 40 channels once", async () => {
    const url = await archive();
    const posted = await together(
      ["a", "b", "c"].map((id) => replica(url, id, "post", "2026-02-02T08:59:00Z", "2026-02-02T09:03:00Z")),
    );
    expect(posted.flat().sort()).toEqual(CHANNELS);
    const rows = deliveries(url);
    expect(rows).toHaveLength(CHANNELS.length);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    // Who posted a channel is who claimed it.
    for (const [n, id] of ["a", "b", "c"].entries())
      expect(
        rows
          .filter((r) => r.claimedBy === id)
          .map((r) => r.channel)
          .sort(),
      ).toEqual([...(posted[n] as string[])].sort());
  });

  it("a replica SIGKILLed mid-post: after the lease one of two others posts each channel it held, once", async () => {
    const url = await archive();
    const dying = replica(url, "dying", "hang", "2026-02-02T09:00:00Z", "2026-02-02T09:01:00Z");
    const [posting] = await Promise.all([
      waitForLine(dying, "stdout", /^posting /),
      waitForLine(dying, "stdout", /^ready$/).then(() => dying.stdin?.write("go\n")),
    ]);
    const stuck = posting.replace("posting ", "").trim();
    dying.kill("SIGKILL");
    expect((await exited(dying)).signal).toBe("SIGKILL");
    // Its scheduler may have claimed a few channels at once before the kill: all are left claimed.
    const left = deliveries(url);
    const claimed = left.map((r) => r.channel).sort();
    expect(claimed).toContain(stuck);
    expect(left.every((r) => r.status === "claimed" && r.claimedBy === "dying")).toBe(true);

    // Before the 15-minute lease ends the claims are respected; after it, each taken over once.
    const posted = await together(
      ["x", "y"].map((id) => replica(url, id, "post", "2026-02-02T09:10:00Z", "2026-02-02T09:16:00Z")),
    );
    expect(posted.flat().sort()).toEqual(CHANNELS);
    const rows = deliveries(url);
    expect(rows.every((r) => r.status === "sent" && ["x", "y"].includes(r.claimedBy ?? ""))).toBe(true);
    expect(
      rows
        .filter((r) => r.attempts === 2)
        .map((r) => r.channel)
        .sort(),
    ).toEqual(claimed);
    expect(rows.filter((r) => !claimed.includes(r.channel)).every((r) => r.attempts === 1)).toBe(true);
  });
});
