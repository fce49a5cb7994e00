/**
 * A platform unreachable at start-up is reported as unreachable (not as a rejected token) and
 * tried again with backoff; once it answers, the adapter is connected and /healthz is ok again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { createSlackAdapter } from "../../adapters/slack/slack-adapter.js";
import type { Adapter } from "../../src/bot/adapter.js";
import { Bot } from "../../src/bot/bot.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { healthReport } from "../../src/ops/health.js";
import { Paperboy } from "../../src/paperboy.js";
import { DiscordStandIn, IDS } from "../support/discord-stand-in.js";
import { closedPort } from "../support/ports.js";
import { FakeSlackApi } from "../support/slack-api.js";

const FAST = { baseMs: 50, maxMs: 200 };
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function bot(): Bot {
  const clock = new ManualClock("2025-08-13T09:00:00Z");
  const engine = Paperboy.open({ dbPath: ":memory:", clock });
  cleanup.push(async () => engine.close());
  return new Bot(engine, { clock, logger: silentLogger() });
}

function health(b: Bot, adapter: Adapter) {
  return healthReport({ db: b.engine.db, adapters: [adapter] });
}

describe("recovering from a network outage at start-up", () => {
  it("Slack: 'cannot reach', not 'rejected the bot token', then connected and healthy once it answers", async () => {
    const port = await closedPort();
    const b = bot();
    const adapter = createSlackAdapter(b, {
      botToken: "xoxb-1111-2222-outage",
      signingSecret: "0123456789abcdef0123456789abcdef",
      apiUrl: `http://127.0.0.1:${port}/api/`,
      port: 0,
      host: "127.0.0.1",
      logger: silentLogger(),
      clock: new ManualClock("2025-08-13T09:00:00Z"),
      reconnect: FAST,
    });
    cleanup.push(() => adapter.stop());
    await adapter.start();
    expect(adapter.status().state).toBe("disconnected");
    expect(adapter.status().detail).toMatch(
      /^cannot reach Slack's Web API at .*ECONNREFUSED.*retrying in \d+ s$/,
    );
    expect(adapter.status().detail).not.toMatch(/rejected/);
    expect(health(b, adapter).httpStatus).toBe(503);

    const api = new FakeSlackApi();
    await api.start(port);
    cleanup.push(() => api.close());
    await expect.poll(() => adapter.status().state, { timeout: 15_000 }).toBe("connected");
    expect(health(b, adapter)).toMatchObject({ httpStatus: 200, body: { status: "ok" } });
    expect(api.of("auth.test").length).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it("Discord: 'cannot reach', then logged in and healthy once it answers", async () => {
    const port = await closedPort();
    const b = bot();
    const adapter = createDiscordAdapter(b, {
      token: "test-token.not-a-secret",
      applicationId: IDS.app,
      apiUrl: `http://127.0.0.1:${port}/api`,
      logger: silentLogger(),
      clock: new ManualClock("2025-08-13T09:00:00Z"),
      reconnect: FAST,
    });
    cleanup.push(() => adapter.stop());
    await adapter.start();
    expect(adapter.status()).toMatchObject({
      state: "disconnected",
      detail: expect.stringMatching(/^cannot reach Discord at /),
    });

    const d = await DiscordStandIn.start(port);
    cleanup.push(() => d.close());
    await expect.poll(() => adapter.status().state, { timeout: 15_000 }).toBe("connected");
    expect(health(b, adapter).httpStatus).toBe(200);
  }, 30_000);
});
