/**
 * Each platform's section as its module completes it from the environment, read once at load:
 * what turns a platform on, what is refused, and that doctor and the logger see its secrets.
 */
import { describe, expect, it } from "vitest";
import { PLATFORMS, platformSecretKeys } from "../../app/platforms.js";
import { loadConfig } from "../../config/load.js";

const load = (env: Record<string, string>, file: string | null = null) =>
  loadConfig({ file, env, platforms: PLATFORMS });

describe("platform sections", () => {
  it("Slack over OAuth (no bot token) is on when its three keys, the signing secret and the secret key are set", () => {
    const oauth = {
      SLACK_CLIENT_ID: "c",
      SLACK_CLIENT_SECRET: "cs",
      SLACK_STATE_SECRET: "st",
      SLACK_SIGNING_SECRET: "s",
    };
    const config = load({ ...oauth, PAPERBOY_SECRET_KEY: "a".repeat(64) });
    expect(config.platforms.slack).toMatchObject({ enabled: true, mode: "http", clientId: "c" });
    expect(config.secretKey?.length).toBe(32);
    // Its tokens would be stored in the archive: not without the key that seals them.
    expect(() => load(oauth)).toThrow(
      /Slack over OAuth .* PAPERBOY_SECRET_KEY is not set.*openssl rand -base64 32/,
    );
  });

  it("a PAPERBOY_SECRET_KEY that is not 32 bytes is refused, saying how to make one (and never shown)", () => {
    expect(() => load({ PAPERBOY_SECRET_KEY: "banana" })).toThrow(
      /PAPERBOY_SECRET_KEY is not a usable key: it must be 32 random bytes .*openssl rand -base64 32/,
    );
    expect(load({ PAPERBOY_SECRET_KEY: Buffer.alloc(32, 1).toString("base64") }).secretKey).toEqual(
      Buffer.alloc(32, 1),
    );
    expect(load({}).secretKey).toBeNull();
  });

  it("Slack half-set for OAuth is refused at load, naming the keys", () => {
    expect(() =>
      load({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_CLIENT_ID: "c" }),
    ).toThrow(/SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together/);
  });

  it("Discord half-set (an application id without its token) is an error, not a silent off", () => {
    expect(() => load({ DISCORD_APPLICATION_ID: "123456789012345678" })).toThrow(/DISCORD_TOKEN is not/);
    const on = load({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "123456789012345678" });
    expect(on.platforms.discord).toMatchObject({
      enabled: true,
      threadMessages: "mentions",
      apiUrl: "https://discord.com/api",
    });
    expect(load({}).platforms.discord?.enabled).toBe(false);
  });

  it("every platform has a section, disabled by default, and its secrets are redacted from logs", () => {
    const config = load({});
    expect(Object.keys(config.platforms)).toEqual(PLATFORMS.map((p) => p.name));
    for (const settings of Object.values(config.platforms)) expect(settings.enabled).toBe(false);
    expect(platformSecretKeys()).toEqual(expect.arrayContaining(["botToken", "signingSecret", "token"]));
  });
});
