import { EventEmitter } from "node:events";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../app/main.js";
import { createServeCommand } from "../../app/serve.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import type { Scheduler } from "../../src/scheduler/scheduler.js";
import { tempDir } from "../support/cli.js";
import { smallDigest } from "./harness.js";

function serve(
  args: string[],
  clock: ManualClock,
  signals: EventEmitter,
  onReady: (s: Scheduler | null) => void,
  exits: number[] = [],
) {
  let stdout = "";
  let stderr = "";
  const run = main(args, {
    io: {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      isTTY: false,
      env: { PORT: "0", OPS_PORT: "0", HOST: "127.0.0.1" },
      cwd: process.cwd(),
    },
    clock,
    logger: silentLogger(),
    commands: [
      createServeCommand({
        signals,
        exit: (code) => exits.push(code),
        onReady: ({ scheduler }) => onReady(scheduler),
      }),
    ],
  });
  return { run, out: () => stdout, err: () => stderr };
}

describe("paperboy serve", () => {
  it("with only the console enabled, runs the schedule and stops once on SIGTERM", async () => {
    const dir = tempDir();
    const db = join(dir, "archive.db");
    const digests = join(dir, "digests");
    const setupClock = new ManualClock("2026-02-02T08:00:00Z");
    const seed = Paperboy.open({ dbPath: db, clock: setupClock, indexPath: null });
    seed.channels.save({
      platform: "console",
      channel: "console",
      workspace: "",
      subscribed: true,
      timezone: "Europe/Berlin",
      time: "10:00",
      filters: [],
    });
    seed.close();
    // The day arrives through the configured folder source, not by hand.
    mkdirSync(digests);
    copyFileSync(smallDigest(), join(digests, "2026-02-02.hf-api.json"));
    const config = join(dir, "paperboy.json");
    writeFileSync(
      config,
      JSON.stringify({ console: { enabled: true }, source: { kind: "folder", path: digests, watch: false } }),
    );

    const signals = new EventEmitter();
    let onPosted: (e: { late: boolean }) => void = () => {};
    const posted = new Promise<{ late: boolean }>((done) => {
      onPosted = done;
    });
    const handle = serve(
      ["--db", db, "--config", config, "serve"],
      new ManualClock("2026-02-02T09:00:00Z"),
      signals,
      (scheduler) => scheduler?.once("posted", onPosted),
    );
    const event = await posted;
    expect(event.late).toBe(false);
    signals.emit("SIGTERM");
    expect(await handle.run).toBe(0);
    expect(handle.err()).toBe("");
    const check = Paperboy.open({ dbPath: db, indexPath: null });
    const titles = check.papers.byPks(check.papers.dayPks("2026-02-02")).map((p) => p.title);
    expect(check.deliveries.list()).toMatchObject([
      { platform: "console", date: "2026-02-02", status: "sent" },
    ]);
    check.close();
    // The console rendered the roundup with the day's papers.
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(handle.out()).toContain(title.slice(0, 30));
  });

  it("refuses a broken config at start with the key, the value and the fix", async () => {
    const dir = tempDir();
    const config = join(dir, "paperboy.json");
    writeFileSync(config, JSON.stringify({ console: { enabled: true }, schedule: { defaultTime: "9am" } }));
    const s = serve(
      ["--db", join(dir, "a.db"), "--config", config, "serve"],
      new ManualClock(0),
      new EventEmitter(),
      () => {
        throw new Error("must not start");
      },
    );
    expect(await s.run).toBe(1);
    const lines = s.err().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('config key "schedule.defaultTime" is "9am"');
    expect(lines[0]).toContain("HH:MM");
    expect(lines[0]).toContain(config);
    expect(lines[0]).toContain("[E_CONFIG_INVALID]");
  });
});
