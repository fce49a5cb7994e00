/**
 * `paperboy doctor` judges each secret by its shape without showing it, says "not verified" unless
 * it asked the platform, and with `--verify` asks the platform (local stand-ins here).
 */
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, tempDb, tempDir } from "../support/cli.js";
import { DiscordStandIn, IDS } from "../support/discord-stand-in.js";
import { FakeSlackApi } from "../support/slack-api.js";

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

function config(content: unknown): string {
  const path = join(tempDir(), "paperboy.json");
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const SIGNING = "8f742231b10e8888abcd99yyyzzz85a5".replace(/[yz]/g, "0");
const BOT = "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
const DISCORD = `${Buffer.from(IDS.bot).toString("base64url")}.GhIjKl.${"a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8".slice(0, 38)}`;

async function doctor(env: Record<string, string>, file: unknown, ...flags: string[]) {
  const r = await runCli(["--db", tempDb(), "--config", config(file), "--json", "doctor", ...flags], {
    env: { PORT: "0", ...env },
  });
  return { ...r, checks: r.json().checks as Check[] };
}

const slackHttp = { slack: { enabled: true, mode: "http" } };
const discordOn = { discord: { enabled: true } };

let slackApi: FakeSlackApi | null = null;
let discord: DiscordStandIn | null = null;
afterEach(async () => {
  await slackApi?.close();
  await discord?.close();
  slackApi = null;
  discord = null;
});

describe("doctor: token shapes, offline", () => {
  it("fails SLACK_BOT_TOKEN=banana by its shape, without printing it", async () => {
    const r = await doctor({ SLACK_BOT_TOKEN: "banana", SLACK_SIGNING_SECRET: SIGNING }, slackHttp);
    expect(r.code).toBe(1);
    const bad = r.checks.find((c) => /SLACK_BOT_TOKEN/.test(c.detail)) as Check;
    expect(bad).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/not a Slack token, not a bot token/),
    });
    expect(bad.fix).toMatch(/Bot User OAuth Token/);
    expect(r.stdout).not.toContain("banana");
    expect(r.stdout).not.toMatch(/all checks passed/);
  });

  it("names tokens pasted into each other's variables, and short secrets", async () => {
    const r = await doctor(
      { SLACK_BOT_TOKEN: "xoxp-1234567890-abcdefghijkl", SLACK_SIGNING_SECRET: "xapp-1-A0123-abcdef" },
      slackHttp,
    );
    const details = r.checks.filter((c) => !c.ok).map((c) => c.detail);
    expect(details).toEqual([
      expect.stringMatching(/bot token \(SLACK_BOT_TOKEN\) is a user token \(xoxp-…\)/),
      expect.stringMatching(/signing secret \(SLACK_SIGNING_SECRET\) is an app-level token/),
    ]);
    expect(r.stdout).not.toContain("abcdefghijkl");
  });

  it("says 'present, well-formed; not verified' for good shapes, and passes", async () => {
    const r = await doctor(
      {
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SIGNING,
        DISCORD_TOKEN: DISCORD,
        DISCORD_APPLICATION_ID: IDS.app,
      },
      { ...slackHttp, ...discordOn },
    );
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    const tokens = r.checks.filter((c) => /TOKEN|SECRET/.test(c.detail));
    expect(tokens).toHaveLength(3);
    for (const c of tokens) expect(c.detail).toMatch(/present, well-formed; not verified/);
    const text = await runCli(["--db", tempDb(), "--config", config(slackHttp), "doctor"], {
      env: { PORT: "0", SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING },
    });
    expect(text.stdout).toMatch(
      /all checks passed \(tokens checked for shape only; `paperboy doctor --verify`/,
    );
  });

  it("knows a Discord token from its look-alikes", async () => {
    for (const [token, why] of [
      [`Bot ${DISCORD}`, /starts with 'Bot '/],
      ["0123456789abcdef0123456789abcdef", /32 characters with no dots: a client secret/],
      [
        `${Buffer.from("not-an-id").toString("base64url")}xxxxxxxx.GhIjKl.${"a".repeat(30)}`,
        /decodes to no Discord id/,
      ],
    ] as const) {
      const r = await doctor({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: IDS.app }, discordOn);
      const check = r.checks.find((c) => c.name === "discord") as Check;
      expect(check, token).toMatchObject({ ok: false, detail: expect.stringMatching(why) });
      expect(r.code).toBe(1);
    }
  });
});

describe("doctor --verify asks the platform", () => {
  it("Slack: auth.test accepts the token, or says it is rejected", async () => {
    slackApi = new FakeSlackApi();
    await slackApi.start();
    const env = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: slackApi.url };
    const good = await doctor(env, slackHttp, "--verify");
    expect(good.code).toBe(0);
    expect(good.checks.map((c) => c.detail)).toContainEqual(
      expect.stringMatching(/bot token verified: Slack knows it as .* in Test team/),
    );
    expect(good.checks.some((c) => /not verified/.test(c.detail))).toBe(false);
    expect(slackApi.calls.find((c) => c.method === "auth.test")?.token).toBe(BOT);

    slackApi.identity = null;
    const revoked = await doctor(env, slackHttp, "--verify");
    expect(revoked.code).toBe(1);
    expect(revoked.checks.find((c) => !c.ok)).toMatchObject({
      detail: "bot token rejected: Slack answered invalid_auth",
      fix: expect.stringMatching(/reinstall/),
    });
  });

  it("Slack: an unreachable API is a network error, not a rejected token", async () => {
    // A port that was just free: nothing listens there.
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
    const env = {
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SIGNING,
      SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
    };
    const r = await doctor(env, slackHttp, "--verify");
    expect(r.code).toBe(1);
    expect(r.checks.find((c) => !c.ok)?.detail).toMatch(
      /not verified: could not ask Slack .*network error: ECONNREFUSED/,
    );
  });

  it("Discord: the token's application, a mismatched application id, and a 401", async () => {
    discord = await DiscordStandIn.start();
    const env = { DISCORD_TOKEN: DISCORD, DISCORD_APPLICATION_ID: IDS.app, DISCORD_API_URL: discord.apiUrl };
    const good = await doctor(env, discordOn, "--verify");
    expect(good.code).toBe(0);
    expect(good.checks.find((c) => c.name === "discord" && /verified/.test(c.detail))?.detail).toBe(
      `bot token verified: Discord knows it as the bot of "paperboy" (${IDS.app})`,
    );
    const other = await doctor({ ...env, DISCORD_APPLICATION_ID: IDS.guild }, discordOn, "--verify");
    expect(other.checks.find((c) => !c.ok)?.detail).toMatch(
      new RegExp(`belongs to application ${IDS.app}, but DISCORD_APPLICATION_ID is ${IDS.guild}`),
    );
    discord.failNext("GET", /^\/applications\/@me$/, 401, { message: "401: Unauthorized", code: 0 });
    const rejected = await doctor(env, discordOn, "--verify");
    expect(rejected.code).toBe(1);
    expect(rejected.checks.find((c) => !c.ok)?.detail).toBe("bot token rejected: Discord answered 401");
  });
});
