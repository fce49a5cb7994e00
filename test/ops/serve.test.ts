import { EventEmitter } from "node:events";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../adapters/main.js";
import { createServeCommand } from "../../adapters/serve/serve-command.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { tempDir } from "../support/cli.js";
import { DIGESTS } from "../support/fixtures.js";
import { FakeSlackApi } from "../support/slack-api.js";
import { sendToSlackApp, slashCommand } from "../support/slack-signing.js";

const SECRET = "0123456789abcdef0123456789abcdef";
let api: FakeSlackApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

async function startServe(exit: (code: number) => void = () => {}) {
  api = new FakeSlackApi();
  await api.start();
  const dir = tempDir();
  const db = join(dir, "archive.db");
  const seed = Paperboy.open({ dbPath: db, logger: silentLogger() });
  seed.ingest([`${DIGESTS}daily-papers-aug-12.txt`], { date: "2025-08-12" });
  seed.close();
  const config = join(dir, "paperboy.json");
  writeFileSync(
    config,
    JSON.stringify({ slack: { enabled: true, mode: "http" }, schedule: { enabled: false } }),
  );
  const signals = new EventEmitter();
  let ready!: (r: { port: number | null }) => void;
  const readyP = new Promise<{ port: number | null }>((r) => {
    ready = r;
  });
  let stderr = "";
  const run = main(["--db", db, "--config", config, "serve"], {
    io: {
      stdout: () => {},
      stderr: (t) => {
        stderr += t;
      },
      isTTY: false,
      env: {
        SLACK_BOT_TOKEN: "xoxb-1-2-serve",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: api.url,
        PORT: "0",
      },
      cwd: dir,
    },
    clock: new ManualClock("2025-08-13T09:00:00Z"),
    logger: silentLogger(),
    commands: [createServeCommand({ signals, host: "127.0.0.1", exit, onReady: (r) => ready(r) })],
  });
  const { port } = await Promise.race([
    readyP,
    run.then((code) => Promise.reject(new Error(`serve exited ${code}: ${stderr}`))),
  ]);
  return { run, signals, base: `http://127.0.0.1:${port}`, api };
}

describe("paperboy serve (Slack over HTTP, ops endpoints on the same port)", () => {
  it("answers a signed slash command, reports health and metrics, and stops gracefully on SIGTERM", async () => {
    const s = await startServe();
    const health = await fetch(`${s.base}/healthz`);
    const body = (await health.json()) as {
      status: string;
      database: { ok: boolean; papers: number };
      adapters: Record<string, unknown>;
    };
    expect(body.database).toMatchObject({ ok: true, papers: 72 });
    expect(body.adapters).toHaveProperty("slack");

    const cmd = slashCommand("search sparse attention", { responseUrl: s.api.responseUrl("r1") });
    const ack = await sendToSlackApp(`${s.base}/slack/events`, cmd, { secret: SECRET });
    expect(ack.status).toBe(200);
    const answer = await s.api.waitFor((c) => c.method === "respond", "the search answer");
    expect(JSON.stringify(answer.body.blocks)).toMatch(/Sparse/);

    const metrics = await (await fetch(`${s.base}/metrics`)).text();
    expect(metrics).toContain('paperboy_commands_total{command="search",outcome="ok",platform="slack"} 1');
    expect(metrics).toMatch(/paperboy_archive_papers 72/);

    s.signals.emit("SIGTERM");
    expect(await s.run).toBe(0);
    await expect(fetch(`${s.base}/healthz`)).rejects.toThrow();
  });

  it("a second signal during shutdown exits at once", async () => {
    const exits: number[] = [];
    const s = await startServe((code) => exits.push(code));
    s.signals.emit("SIGTERM");
    s.signals.emit("SIGTERM");
    expect(exits).toEqual([130]);
    expect(await s.run).toBe(0);
  });
});
