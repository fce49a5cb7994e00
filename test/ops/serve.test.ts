import { afterEach, describe, expect, it } from "vitest";
import { startServe } from "../support/serve.js";
import { FakeSlackApi } from "../support/slack-api.js";
import { sendToSlackApp, slashCommand } from "../support/slack-signing.js";

const SECRET = "0123456789abcdef0123456789abcdef";
let api: FakeSlackApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

async function start() {
  api = new FakeSlackApi();
  await api.start();
  const s = await startServe({
    config: { slack: { enabled: true, mode: "http" }, schedule: { enabled: false } },
    env: { SLACK_BOT_TOKEN: "xoxb-1-2-serve", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url },
  });
  return { ...s, api };
}

describe("paperboy serve (Slack over HTTP; /healthz and /metrics on the operations port)", () => {
  it("answers a signed slash command, reports health and metrics, and stops gracefully on SIGTERM", async () => {
    const s = await start();
    const health = await fetch(`${s.ops}/healthz`);
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

    const metrics = await (await fetch(`${s.ops}/metrics`)).text();
    expect(metrics).toContain('paperboy_commands_total{command="search",outcome="ok",platform="slack"} 1');
    expect(metrics).toMatch(/paperboy_archive_papers 72/);

    s.signals.emit("SIGTERM");
    expect(await s.run).toBe(0);
    await expect(fetch(`${s.base}/healthz`)).rejects.toThrow();
    await expect(fetch(`${s.ops}/healthz`)).rejects.toThrow();
  });

  it("the public port answers a bare liveness /healthz, nothing about channels, and no /metrics", async () => {
    const s = await start();
    try {
      const live = await fetch(`${s.base}/healthz`);
      expect(live.status).toBe(200);
      expect(await live.text()).toBe('{"status":"ok"}\n');
      expect((await fetch(`${s.base}/metrics`)).status).toBe(404);
      // The detailed report (database, adapters, channels' last roundups) is on the ops port only.
      const detailed = (await (await fetch(`${s.ops}/healthz`)).json()) as Record<string, unknown>;
      expect(Object.keys(detailed)).toEqual(["status", "reasons", "database", "adapters", "roundups"]);
    } finally {
      s.signals.emit("SIGTERM");
      await s.run;
    }
  });

  it("a second signal during shutdown exits at once", async () => {
    const s = await start();
    s.signals.emit("SIGTERM");
    s.signals.emit("SIGTERM");
    expect(s.exits).toEqual([130]);
    expect(await s.run).toBe(0);
  });
});
