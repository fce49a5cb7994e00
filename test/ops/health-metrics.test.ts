import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { Adapter, AdapterStatus } from "../../src/bot/adapter.js";
import { lastRoundupsFrom } from "../../src/ops/health.js";
import { serverPort, startOpsServer } from "../../src/ops/http-server.js";
import { Metrics } from "../../src/ops/metrics.js";
import { type BotHarness, botHarness } from "../support/bot.js";

let server: Server | null = null;
let h: BotHarness | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
  h?.engine.close();
});

function fakeStatus(status: AdapterStatus): Adapter {
  return {
    platform: "slack",
    start: async () => {},
    stop: async () => {},
    post: async () => [],
    status: () => status,
  };
}

describe("/healthz and /metrics", () => {
  it("reports 200 with the database and adapters, 503 with the reason when an adapter is down", async () => {
    h = botHarness();
    let status: AdapterStatus = { state: "connected" };
    const adapter: Adapter = { ...fakeStatus(status), status: () => status };
    const metrics = new Metrics({ papers: () => h!.engine.papers.count() });
    server = await startOpsServer(
      {
        health: { db: h.engine.db, adapters: [adapter], lastRoundups: () => lastRoundupsFrom(h!.engine.db) },
        metrics,
      },
      0,
      "127.0.0.1",
    );
    const base = `http://127.0.0.1:${serverPort(server)}`;
    const ok = await fetch(`${base}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      status: "ok",
      database: { ok: true, papers: 72 },
      adapters: { slack: { state: "connected" } },
    });
    status = { state: "error", detail: "invalid_auth: check SLACK_BOT_TOKEN" };
    const down = await fetch(`${base}/healthz`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { reasons: string[] }).reasons).toEqual([
      "slack: error (invalid_auth: check SLACK_BOT_TOKEN)",
    ]);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it("counts commands by name and outcome, with a latency histogram", async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    h = botHarness({ bot: { onCommand: (e) => metrics.commandDone(e) } });
    await h.adapter.say("help");
    await h.adapter.say("show 2999.99999");
    await h.adapter.say("bogus");
    server = await startOpsServer({ health: { db: h.engine.db, adapters: [] }, metrics }, 0, "127.0.0.1");
    const res = await fetch(`http://127.0.0.1:${serverPort(server)}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toContain('paperboy_commands_total{command="help",outcome="ok",platform="test"} 1');
    expect(text).toContain('paperboy_commands_total{command="show",outcome="error",platform="test"} 1');
    expect(text).toContain('paperboy_commands_total{command="unknown",outcome="rejected",platform="test"} 1');
    expect(text).toMatch(/paperboy_command_duration_seconds_count\{command="help"\} 1/);
  });

  it("counts questions about a paper by how they were answered", async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    h = botHarness({ bot: { onCommand: (e) => metrics.commandDone(e) } });
    const [paper] = h.engine.papers.byPks(h.engine.papers.dayPks("2025-08-12"));
    await h.adapter.say(`ask ${paper!.id} how many TPU pods did they rent?`);
    await h.adapter.say(`ask ${paper!.id} what do they propose?`);
    await h.adapter.say("help");
    server = await startOpsServer({ health: { db: h.engine.db, adapters: [] }, metrics }, 0, "127.0.0.1");
    const text = await (await fetch(`http://127.0.0.1:${serverPort(server)}/metrics`)).text();
    expect(text).toContain('paperboy_answers_total{kind="not_stated"} 1');
    // The second is answered, sure or tentative by the model's confidence; help is no answer.
    const answered = [...text.matchAll(/paperboy_answers_total\{kind="(sure|tentative)"\} (\d+)/g)];
    expect(answered.reduce((n, m) => n + Number(m[2]), 0)).toBe(1);
  });
});
