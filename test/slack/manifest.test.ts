import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  BOT_EVENTS,
  BOT_SCOPES,
  EVENTS_PATH,
  REDIRECT_PATH,
  SLASH_COMMAND,
} from "../../adapters/slack/app.js";
import { resolveMode, SLACK_ENV, slackOptionsFromEnv } from "../../adapters/slack/options.js";
import { ErrorCode, PaperboyError } from "../../src/errors.js";

const dir = fileURLToPath(new URL("../../adapters/slack/", import.meta.url));
const manifest = parse(readFileSync(`${dir}manifest.yaml`, "utf8"));
const readme = readFileSync(`${dir}README.md`, "utf8");

describe("Slack manifest, README and config keys agree", () => {
  it("asks for exactly the scopes, events and command the adapter uses", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...BOT_EVENTS].sort());
    expect(manifest.features.slash_commands.map((c: any) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("sends commands, events and interactions to the one events path", () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c: any) => c.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(EVENTS_PATH);
    expect(new URL(manifest.oauth_config.redirect_urls[0]).pathname).toBe(REDIRECT_PATH);
  });

  it("documents every scope, event, environment variable and path in the README", () => {
    for (const scope of BOT_SCOPES) expect(readme).toContain(`\`${scope}\``);
    for (const event of BOT_EVENTS) expect(readme).toContain(`\`${event}\``);
    for (const name of Object.values(SLACK_ENV)) expect(readme).toContain(`\`${name}\``);
    for (const path of [EVENTS_PATH, REDIRECT_PATH, SLASH_COMMAND]) expect(readme).toContain(path);
  });

  it("reads the contract's environment variables", () => {
    const env = {
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      PORT: "8080",
    };
    expect(slackOptionsFromEnv(env)).toEqual({
      botToken: "xoxb-1",
      signingSecret: "s",
      apiUrl: "http://127.0.0.1:9/api/",
      port: 8080,
    });
    expect(resolveMode(slackOptionsFromEnv(env))).toEqual({
      transport: "http",
      auth: "token",
      apiUrl: "http://127.0.0.1:9/api/",
    });
    expect(resolveMode({ appToken: "xapp-1", botToken: "xoxb-1" }).transport).toBe("socket");
    expect(
      resolveMode({ signingSecret: "s", clientId: "c", clientSecret: "cs", stateSecret: "st" }).auth,
    ).toBe("oauth");
  });

  it("rejects incomplete settings with a config error naming the variable to set", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ SLACK_BOT_TOKEN: "xoxb-1" }, /SLACK_SIGNING_SECRET/],
      [{ SLACK_SIGNING_SECRET: "s" }, /SLACK_BOT_TOKEN/],
      [{ SLACK_SIGNING_SECRET: "s", SLACK_CLIENT_ID: "c" }, /SLACK_CLIENT_SECRET/],
      [{ SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "x", SLACK_API_URL: "slack.com" }, /SLACK_API_URL/],
    ];
    for (const [env, message] of cases) {
      const attempt = () => resolveMode(slackOptionsFromEnv(env));
      expect(attempt).toThrow(PaperboyError);
      expect(attempt).toThrow(message);
    }
    try {
      slackOptionsFromEnv({ PORT: "eighty" });
      expect.unreachable();
    } catch (err) {
      expect((err as PaperboyError).code).toBe(ErrorCode.ConfigInvalid);
      expect((err as PaperboyError).message).toMatch(/PORT/);
    }
  });
});
