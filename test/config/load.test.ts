import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../../app/platforms.js";
import { DEFAULT_HF_API_URL, type LoadOptions, loadConfig as loadWith } from "../../config/load.js";
import { ConfigSchema } from "../../config/schema.js";
import { ConfigError, ErrorCode } from "../../src/errors.js";
import { tempDir } from "../support/cli.js";

/** The config as `serve` loads it: with every platform's section. */
const loadConfig = (options: LoadOptions) => loadWith({ ...options, platforms: PLATFORMS });

function file(content: unknown): string {
  const path = join(tempDir(), "paperboy.json");
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

function refused(content: unknown, env: Record<string, string> = {}): ConfigError {
  const path = file(content);
  try {
    loadConfig({ file: path, env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error("the config was accepted");
}

describe("loadConfig", () => {
  it("accepts the documented example, and its values are the defaults where it shows them", () => {
    const config = loadConfig({ file: "config/paperboy.example.json", env: {} });
    const defaults = ConfigSchema.parse({});
    expect(config.schedule.postRetries).toEqual(defaults.schedule.postRetries);
    expect(config.limits).toEqual(defaults.limits);
    expect(config.timezone).toBe("Europe/Berlin");
    expect(config.source).toMatchObject({ kind: "hf-api", url: DEFAULT_HF_API_URL });
    expect(config.platforms.slack?.enabled).toBe(false);
  });

  it("runs on defaults without a file, taking endpoints and secrets from the environment", () => {
    const config = loadConfig({
      file: null,
      env: {
        HF_API_URL: "http://127.0.0.1:9999/api",
        SLACK_BOT_TOKEN: "xoxb-test-1234567890",
        SLACK_APP_TOKEN: "xapp-test-1234567890",
        PORT: "8081",
      },
    });
    expect(config.source).toMatchObject({ kind: "hf-api", url: "http://127.0.0.1:9999/api/" });
    expect(config.platforms.slack).toMatchObject({
      enabled: true,
      mode: "socket",
      botToken: "xoxb-test-1234567890",
    });
    expect(config.platforms.discord?.enabled).toBe(false);
    expect(config.http.port).toBe(8081);
    expect(config.file).toBeNull();
  });

  it("refuses an unknown key with the nearest known one", () => {
    const err = refused({ schedul: {} });
    expect(err.code).toBe(ErrorCode.ConfigInvalid);
    expect(err.message).toContain('config key "schedul" is not a known setting');
    expect(err.message).toContain('did you mean "schedule"?');
    const nested = refused({ schedule: { defaultTme: "08:00" } });
    expect(nested.message).toContain('did you mean "schedule.defaultTime"?');
    expect(nested.location.key).toBe("schedule.defaultTime".replace("Time", "Tme"));
    const inUnion = refused({ source: { kind: "folder", path: "x", wtch: false } });
    expect(inUnion.message).toContain('did you mean "source.watch"?');
  });

  it("names the key, the bad value and the fix", () => {
    const time = refused({ schedule: { defaultTime: "9am" } });
    expect(time.message).toMatch(
      /config key "schedule.defaultTime" is "9am" in .*paperboy.json: it must be a time written HH:MM/,
    );
    const zone = refused({ schedule: { defaultTimezone: "Europe/Berln" } });
    expect(zone.message).toContain('"schedule.defaultTimezone" is "Europe/Berln"');
    expect(zone.message).toContain("IANA time zone");
    const kind = refused({ source: { kind: "s3" } });
    expect(kind.message).toContain('"source.kind" is "s3"');
    expect(kind.message).toMatch(/must be one of .*hf-api.*folder/);
    const type = refused({ http: { port: "3000" } });
    expect(type.message).toContain('"http.port" is "3000"');
    expect(type.message).toContain("must be a number");
  });

  it("refuses secrets in the file without printing them", () => {
    const err = refused({ slack: { botToken: "xoxb-123456789012-abcdefghijkl" } });
    expect(err.message).toContain('"slack.botToken" holds a secret');
    expect(err.message).toContain("SLACK_BOT_TOKEN");
    expect(err.message).not.toContain("xoxb-123456789012");
  });

  it("refuses an enabled platform whose secrets are missing, naming the variables", () => {
    const err = refused({ slack: { enabled: true } }, { SLACK_BOT_TOKEN: "xoxb-test-1234567890" });
    expect(err.message).toContain('"slack.enabled" is true');
    expect(err.message).toContain("SLACK_SIGNING_SECRET is not set");
    expect(err.message).not.toContain("xoxb-test");
    const discord = refused({ discord: { enabled: true } });
    expect(discord.message).toContain("DISCORD_TOKEN and DISCORD_APPLICATION_ID are not set");
  });

  it("refuses bad environment values by variable name", () => {
    expect(() => loadConfig({ file: null, env: { PORT: "eighty" } })).toThrow(/PORT is "eighty".*TCP port/);
    expect(() => loadConfig({ file: null, env: { HF_API_URL: "localhost:80" } })).toThrow(/HF_API_URL/);
  });

  it("says where broken JSON is and when the file cannot be read", () => {
    const broken = refused('{\n  "timezone": "UTC",\n  "schedule": { "enabled": true, }\n}');
    expect(broken.message).toContain("not valid JSON");
    expect(broken.location.line).toBe(3);
    let unreadable: unknown;
    try {
      loadConfig({ file: join(tempDir(), "missing.json"), env: {} });
    } catch (err) {
      unreadable = err;
    }
    expect((unreadable as ConfigError).code).toBe(ErrorCode.ConfigUnreadable);
    expect((unreadable as Error).message).toContain("ENOENT");
  });
});
