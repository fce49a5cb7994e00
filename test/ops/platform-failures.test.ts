/**
 * A platform that rejects its token (401, invalid_auth) or cannot be reached never stops serve:
 * the failing adapter is named in /healthz, /metrics still answers, and each other platform keeps
 * answering. Every failing platform is tried beside every other one.
 */
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { slash } from "../support/discord-payloads.js";
import { DiscordStandIn, IDS } from "../support/discord-stand-in.js";
import { closedPort } from "../support/ports.js";
import { type RunningServe, startServe } from "../support/serve.js";
import { FakeSlackApi } from "../support/slack-api.js";
import { sendToSlackApp, slashCommand } from "../support/slack-signing.js";

const SECRET = "0123456789abcdef0123456789abcdef";
type Failure = "rejected" | "unreachable";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function slack(failure: Failure | null) {
  const api = new FakeSlackApi();
  await api.start();
  cleanup.push(() => api.close());
  if (failure === "rejected") api.identity = null;
  const url = failure === "unreachable" ? `http://127.0.0.1:${await closedPort()}/api/` : api.url;
  return {
    api,
    env: { SLACK_BOT_TOKEN: "xoxb-1-2-fail", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: url },
  };
}

async function discord(failure: Failure | null) {
  const d = await DiscordStandIn.start();
  cleanup.push(() => d.close());
  if (failure === "rejected")
    d.failAlways("GET", /^\/gateway\/bot$/, 401, { code: 0, message: "401: Unauthorized" });
  const url = failure === "unreachable" ? `http://127.0.0.1:${await closedPort()}/api` : d.apiUrl;
  return {
    d,
    env: { DISCORD_TOKEN: "test-token.not-a-secret", DISCORD_APPLICATION_ID: IDS.app, DISCORD_API_URL: url },
  };
}

async function serve(config: Record<string, unknown>, env: Record<string, string>, stdin?: PassThrough) {
  const s = await startServe({
    config: { ...config, schedule: { enabled: false } },
    env,
    ...(stdin ? { stdin } : {}),
  });
  cleanup.push(async () => {
    s.signals.emit("SIGTERM");
    expect(await s.run).toBe(0);
  });
  return s;
}

async function expectReported(s: RunningServe, platform: string, why: RegExp) {
  const health = await fetch(`${s.ops}/healthz`);
  expect(health.status).toBe(503);
  const body = (await health.json()) as { reasons: string[]; database: { ok: boolean } };
  expect(body.database.ok).toBe(true);
  expect(body.reasons.join("\n")).toMatch(why);
  expect(body.reasons.filter((r) => r.startsWith(`${platform}:`))).toHaveLength(1);
  expect((await fetch(`${s.ops}/metrics`)).status).toBe(200);
}

const SLACK_WHY = {
  rejected: /^slack: error \(Slack rejected the bot token \(Slack answered invalid_auth\)/m,
  unreachable:
    /^slack: disconnected \(cannot reach Slack's Web API at http:\/\/127\.0\.0\.1:\d+\/api\/ .*retrying in \d+ s\)/m,
};
const DISCORD_WHY = {
  rejected: /^discord: error \(Discord rejected DISCORD_TOKEN \(401\)/m,
  unreachable:
    /^discord: disconnected \(cannot reach Discord at http:\/\/127\.0\.0\.1:\d+\/api \(.+\); retrying in \d+ s\)/m,
};

async function slackAnswers(s: RunningServe, api: FakeSlackApi) {
  const cmd = slashCommand("help", { responseUrl: api.responseUrl(`ok-${Date.now()}`) });
  expect((await sendToSlackApp(`${s.base}/slack/events`, cmd, { secret: SECRET })).status).toBe(200);
  await api.waitFor((c) => c.method === "respond", "Slack's answer");
}

async function discordAnswers(d: DiscordStandIn) {
  const i = slash(d, "help", {});
  d.interact(i);
  await d.waitFor((c) => c.method === "POST" && c.path.endsWith(`/${i.token}/callback`), "Discord's answer");
}

async function consoleAnswers(s: RunningServe, stdin: PassThrough) {
  stdin.write("about\n");
  await expect.poll(() => s.stdout(), { timeout: 5000 }).toMatch(/paperboy/i);
}

describe.each(["rejected", "unreachable"] as const)("a platform whose token is %s", (failure) => {
  it("Slack failing: Discord keeps answering, /healthz names Slack", async () => {
    const sl = await slack(failure);
    const dc = await discord(null);
    const s = await serve(
      { slack: { enabled: true, mode: "http" }, discord: { enabled: true } },
      {
        ...sl.env,
        ...dc.env,
      },
    );
    await discordAnswers(dc.d);
    await expectReported(s, "slack", SLACK_WHY[failure]);
  });

  it("Slack failing: the console keeps answering", async () => {
    const sl = await slack(failure);
    const stdin = new PassThrough();
    const s = await serve(
      { slack: { enabled: true, mode: "http" }, console: { enabled: true } },
      sl.env,
      stdin,
    );
    await consoleAnswers(s, stdin);
    await expectReported(s, "slack", SLACK_WHY[failure]);
  });

  it("Discord failing: Slack keeps answering, /healthz names Discord", async () => {
    const sl = await slack(null);
    const dc = await discord(failure);
    const s = await serve(
      { slack: { enabled: true, mode: "http" }, discord: { enabled: true } },
      {
        ...sl.env,
        ...dc.env,
      },
    );
    await slackAnswers(s, sl.api);
    await expectReported(s, "discord", DISCORD_WHY[failure]);
  });

  it("Discord failing: the console keeps answering", async () => {
    const dc = await discord(failure);
    const stdin = new PassThrough();
    const s = await serve({ discord: { enabled: true }, console: { enabled: true } }, dc.env, stdin);
    await consoleAnswers(s, stdin);
    await expectReported(s, "discord", DISCORD_WHY[failure]);
  });
});
