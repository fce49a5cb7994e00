/**
 * Signed requests that are not what Slack sends: a `null` body (it crashed Bolt's receiver), a
 * timestamp from the future, and a replay of a handled request after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackAdapter } from "../../adapters/slack/slack-adapter.js";
import { Bot } from "../../src/bot/bot.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { tempDb } from "../support/cli.js";
import { FakeSlackApi } from "../support/slack-api.js";
import { blockAction, sendToSlackApp, slashCommand } from "../support/slack-signing.js";
import { BOT_TOKEN, type Harness, SECRET, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const now = () => Math.floor(Date.now() / 1000);

describe("the request guard before Bolt", () => {
  it("refuses a correctly signed `null` body (JSON, or as an interaction's payload) with 400 and keeps serving", async () => {
    const json = await sendToSlackApp(
      h.url,
      { body: "null", contentType: "application/json" },
      { secret: SECRET },
    );
    expect(json.status).toBe(400);
    const form = await sendToSlackApp(
      h.url,
      { body: "payload=null", contentType: "application/x-www-form-urlencoded" },
      { secret: SECRET },
    );
    expect(form.status).toBe(400);
    for (const body of ["[]", "42", '"text"'])
      expect(
        (await sendToSlackApp(h.url, { body, contentType: "application/json" }, { secret: SECRET })).status,
      ).toBe(400);
    const ok = slashCommand("help", { responseUrl: h.api.responseUrl("after-null"), user: "U7" });
    expect((await sendToSlackApp(h.url, ok, { secret: SECRET })).status).toBe(200);
    await h.api.waitFor((c) => c.path === "/respond/after-null");
  });

  it("refuses a signed request stamped more than 5 minutes in the future, and answers one within", async () => {
    const future = slashCommand("help", { responseUrl: h.api.responseUrl("future"), user: "U8" });
    expect((await sendToSlackApp(h.url, future, { secret: SECRET, timestamp: now() + 3600 })).status).toBe(
      401,
    );
    const edge = slashCommand("help", { responseUrl: h.api.responseUrl("edge"), user: "U8" });
    expect((await sendToSlackApp(h.url, edge, { secret: SECRET, timestamp: now() + 6 * 60 })).status).toBe(
      401,
    );
    const close = slashCommand("help", { responseUrl: h.api.responseUrl("close"), user: "U8" });
    expect((await sendToSlackApp(h.url, close, { secret: SECRET, timestamp: now() + 60 })).status).toBe(200);
    await h.api.waitFor((c) => c.path === "/respond/close");
    expect(h.api.calls.some((c) => c.path === "/respond/future" || c.path === "/respond/edge")).toBe(false);
  });

  it("passes Slack's unsigned ssl_check through to Bolt", async () => {
    const res = await sendToSlackApp(
      h.url,
      { body: "ssl_check=1&token=x", contentType: "application/x-www-form-urlencoded" },
      { secret: "" },
    );
    expect(res.status).toBe(200);
  });

  it("a button press with an interaction payload object still works", async () => {
    const press = blockAction(
      { type: "button", action_id: "pb_command", value: "help" },
      { responseUrl: h.api.responseUrl("press"), user: "U9" },
    );
    expect((await sendToSlackApp(h.url, press, { secret: SECRET })).status).toBe(200);
    await h.api.waitFor((c) => c.path === "/respond/press");
  });
});

describe("replay protection across a restart", () => {
  it("drops a replayed signed command after the process restarted, within the window", async () => {
    const api = new FakeSlackApi();
    await api.start();
    const dbPath = tempDb();
    const start = async () => {
      const clock = new ManualClock("2025-08-13T09:00:00Z");
      const engine = Paperboy.open({ dbPath, clock });
      const adapter = createSlackAdapter(new Bot(engine, { clock, logger: silentLogger() }), {
        botToken: BOT_TOKEN,
        signingSecret: SECRET,
        apiUrl: api.url,
        port: 0,
        host: "127.0.0.1",
        logger: silentLogger(),
        clock,
      });
      await adapter.start();
      return { engine, adapter, url: `http://127.0.0.1:${adapter.port}/slack/events` };
    };
    const cmd = slashCommand("help", { responseUrl: api.responseUrl("once") });
    const timestamp = now();
    const first = await start();
    expect((await sendToSlackApp(first.url, cmd, { secret: SECRET, timestamp })).status).toBe(200);
    await api.waitFor((c) => c.path === "/respond/once");
    await first.adapter.stop();
    first.engine.close();

    const second = await start();
    try {
      const dropped = new Promise<string>((resolve) => second.adapter.once("duplicate", (id) => resolve(id)));
      expect((await sendToSlackApp(second.url, cmd, { secret: SECRET, timestamp })).status).toBe(200);
      expect(await dropped).toBe(`trigger:${cmd.triggerId}`);
      expect(api.calls.filter((c) => c.path === "/respond/once")).toHaveLength(1);
    } finally {
      await second.adapter.stop();
      second.engine.close();
      await api.close();
    }
  });
});
