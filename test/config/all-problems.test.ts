/** A bad config is refused with every problem it has, and a missing file says how to make one. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../../app/platforms.js";
import { ConfigProblems, loadConfig } from "../../config/load.js";
import { ConfigError, ErrorCode } from "../../src/errors.js";
import { EXAMPLE_CONFIG } from "../../src/paths.js";
import { runCli, tempDir } from "../support/cli.js";

function file(content: unknown): string {
  const path = join(tempDir(), "paperboy.json");
  writeFileSync(path, JSON.stringify(content));
  return path;
}

function refusal(path: string | null, env: Record<string, string> = {}): ConfigError {
  try {
    loadConfig({ file: path, env, platforms: PLATFORMS });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error("the config was accepted");
}

const BAD = {
  timezone: "Mars/Olympus",
  schedul: {},
  http: { port: "3000" },
  schedule: { defaultTime: "9am" },
  bogus: 1,
};

describe("a config with several problems", () => {
  it("names every one of them, numbered, with no '(and N more)'", () => {
    const path = file(BAD);
    const err = refusal(path, { PORT: "eighty" });
    expect(err).toBeInstanceOf(ConfigProblems);
    const problems = (err as ConfigProblems).problems.map((p) => p.message);
    expect(problems).toHaveLength(6);
    for (const expected of [
      /"timezone" is "Mars\/Olympus"/,
      /"schedul" is not a known setting.*did you mean "schedule"\?/,
      /"http.port" is "3000".*must be a number/,
      /"schedule.defaultTime" is "9am"/,
      /"bogus" is not a known setting/,
      /PORT is "eighty"/,
    ]) {
      expect(
        problems.some((p) => expected.test(p)),
        String(expected),
      ).toBe(true);
      expect(err.message).toMatch(expected);
    }
    expect(err.message).toMatch(/^6 problems in the config: \(1\) .*; \(6\) /);
    expect(err.message).not.toMatch(/more problem/);
    // The file is named once, in front, not in each problem.
    expect(err.describe().startsWith(`${path}: 6 problems`)).toBe(true);
    expect(err.message).not.toContain(path);
  });

  it("checks the environment too when the file is fine, and lists both platforms' gaps", () => {
    const err = refusal(file({ slack: { enabled: true }, discord: { enabled: true } }), {
      SLACK_BOT_TOKEN: "xoxb-1-2-3",
      HF_API_URL: "localhost:80",
    });
    const problems = (err as ConfigProblems).problems.map((p) => p.location.key);
    expect(problems).toEqual(["HF_API_URL", "slack.enabled", "discord.enabled"]);
  });

  it("one problem stays one plain error", () => {
    const err = refusal(file({ timezone: "Mars/Olympus" }));
    expect(err).not.toBeInstanceOf(ConfigProblems);
    expect(err.message).toMatch(/^config key "timezone"/);
  });

  it("the CLI prints all of them on its one error line", async () => {
    const r = await runCli(["--config", file(BAD), "--db", join(tempDir(), "a.db"), "fetch"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/5 problems in the config: \(1\)/);
  });
});

describe("a missing config file", () => {
  it("names the file and says to create it from the example, or to point --config elsewhere", () => {
    const path = join(tempDir(), "missing.json");
    const err = refusal(path);
    expect(err.code).toBe(ErrorCode.ConfigUnreadable);
    expect(err.describe()).toContain(path);
    expect(err.message).toContain(`cp ${EXAMPLE_CONFIG} ${path}`);
    expect(err.message).toMatch(/--config \/ PAPERBOY_CONFIG/);
    const folder = refusal(tempDir());
    expect(folder.message).toMatch(/is a folder|that is a folder/);
  });

  it("doctor's fix line names the file to create, not 'the key named above'", async () => {
    const path = join(tempDir(), "missing.json");
    const r = await runCli(["--db", join(tempDir(), "a.db"), "--config", path, "--json", "doctor"], {
      env: { PORT: "0" },
    });
    expect(r.code).toBe(1);
    const config = r.json().checks.filter((c: { name: string }) => c.name === "config");
    expect(config).toHaveLength(1);
    expect(config[0].fix).toContain(`cp ${EXAMPLE_CONFIG} ${path}`);
    expect(config[0].fix).not.toMatch(/named above/);
  });

  it("doctor lists each problem of a bad config as its own check, with its own fix", async () => {
    const path = file(BAD);
    const r = await runCli(["--db", join(tempDir(), "a.db"), "--config", path, "--json", "doctor"], {
      env: { PORT: "0" },
    });
    const config = r.json().checks.filter((c: { name: string }) => c.name === "config");
    expect(config).toHaveLength(5);
    expect(config.find((c: { detail: string }) => /"timezone"/.test(c.detail)).fix).toBe(
      `edit "timezone" in ${path}; ${EXAMPLE_CONFIG} shows every key with its default`,
    );
  });
});
