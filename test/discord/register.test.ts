/** `paperboy discord register [--guild ID]` against the local Discord REST stand-in. */

import { DefaultRestOptions } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { commandDefinitions } from "../../adapters/discord/commands.js";
import { DEFAULT_API_URL, discordOptionsFromEnv } from "../../adapters/discord/options.js";
import { discordRegisterCommand } from "../../adapters/discord/register-command.js";
import { CHAT_COMMANDS } from "../../src/bot/commands/index.js";
import { main } from "../../src/cli/main.js";
import { silentLogger } from "../../src/logger.js";
import { tempDb } from "../support/cli.js";
import { DiscordStandIn, IDS } from "../support/discord-stand-in.js";

let d: DiscordStandIn;
beforeAll(async () => {
  d = await DiscordStandIn.start();
});
afterAll(async () => {
  await d?.close();
});

async function register(args: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(["--db", tempDb(), "--json", "discord", "register", ...args], {
    io: {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      isTTY: false,
      env: { DISCORD_TOKEN: "t0ken", DISCORD_APPLICATION_ID: IDS.app, DISCORD_API_URL: d.apiUrl, ...env },
      cwd: process.cwd(),
    },
    logger: silentLogger(),
    commands: [discordRegisterCommand],
  });
  return { code, stdout, stderr };
}

describe("discord register", () => {
  test("guild-scoped registration is idempotent: one PUT, then only a comparison", async () => {
    const first = await register(["--guild", IDS.guild]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      scope: "guild",
      guild: IDS.guild,
      changed: true,
      commands: ["papers"],
    });
    const route = `/applications/${IDS.app}/guilds/${IDS.guild}/commands`;
    expect(d.callsTo("PUT", new RegExp(`^${route}$`))).toHaveLength(1);
    const stored = d.commands.get(IDS.guild)!;
    expect(stored[0].name).toBe("papers");
    const subs = stored[0].options.map((o: any) => o.name);
    for (const s of [
      "search",
      "show",
      "summary",
      "related",
      "day",
      "roundup",
      "discuss",
      "subscribe",
      "unsubscribe",
      "settings",
      "help",
    ])
      expect(subs).toContain(s);
    const show = stored[0].options.find((o: any) => o.name === "show");
    expect(show.options[0]).toMatchObject({ name: "id", autocomplete: true, required: true });

    const second = await register(["--guild", IDS.guild]);
    expect(JSON.parse(second.stdout).changed).toBe(false);
    expect(d.callsTo("PUT", new RegExp(`^${route}$`))).toHaveLength(1);
    expect(d.callsTo("GET", new RegExp(`^${route}$`))).toHaveLength(2);
  });

  test("a changed registration on Discord's side is overwritten; global scope uses the global route", async () => {
    const global = `/applications/${IDS.app}/commands`;
    expect((await register([])).code).toBe(0);
    expect(d.callsTo("PUT", new RegExp(`^${global}$`))).toHaveLength(1);
    d.commands.get("global")![0].description = "edited by hand";
    const again = await register([]);
    expect(JSON.parse(again.stdout).changed).toBe(true);
    expect(d.callsTo("PUT", new RegExp(`^${global}$`))).toHaveLength(2);
    expect(d.commands.get("global")![0].description).not.toBe("edited by hand");
  });

  test("a rejected token is exit 1 with one line that says how to fix it", async () => {
    d.failNext("GET", /commands$/, 401, { code: 0, message: "401: Unauthorized" });
    const r = await register(["--guild", IDS.guild]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^paperboy: Discord rejected DISCORD_TOKEN \(401\): reset the bot token.*\[E_PLATFORM\]\n$/,
    );
  });

  test("bad input: a malformed guild id, a missing token, an unknown action", async () => {
    const bad = await register(["--guild", "my-server"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--guild "my-server" is not a Discord server id.*Copy Server ID/);
    const noToken = await register([], { DISCORD_TOKEN: "" });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/DISCORD_TOKEN is not.*\[E_CONFIG_INVALID\]/);
    let stderr = "";
    const code = await main(["discord", "unregister"], {
      io: {
        stdout: () => {},
        stderr: (t) => {
          stderr += t;
        },
        isTTY: false,
        env: {},
        cwd: process.cwd(),
      },
      logger: silentLogger(),
      commands: [discordRegisterCommand],
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown discord action "unregister"/);
  });
});

test("discordOptionsFromEnv: off when unset, typed errors when half-set or malformed", () => {
  expect(discordOptionsFromEnv({})).toBeNull();
  expect(discordOptionsFromEnv({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: IDS.app })).toEqual({
    token: "t",
    applicationId: IDS.app,
    apiUrl: "https://discord.com/api",
  });
  expect(
    discordOptionsFromEnv({
      DISCORD_TOKEN: "t",
      DISCORD_APPLICATION_ID: IDS.app,
      DISCORD_API_URL: "http://127.0.0.1:9/api/",
    })?.apiUrl,
  ).toBe("http://127.0.0.1:9/api");
  expect(() => discordOptionsFromEnv({ DISCORD_TOKEN: "t" })).toThrow(/DISCORD_APPLICATION_ID is not set/);
  expect(() => discordOptionsFromEnv({ DISCORD_APPLICATION_ID: IDS.app })).toThrow(/DISCORD_TOKEN is not/);
  expect(() => discordOptionsFromEnv({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "abc" })).toThrow(
    /not an application id/,
  );
  expect(() =>
    discordOptionsFromEnv({
      DISCORD_TOKEN: "t",
      DISCORD_APPLICATION_ID: IDS.app,
      DISCORD_API_URL: "ftp://x",
    }),
  ).toThrow(expect.objectContaining({ code: "E_CONFIG_INVALID" }));
});

test("/papers is generated from the chat command registry: one subcommand per declared command", () => {
  const [papers] = commandDefinitions();
  const subs = (papers?.options ?? []).map((o) => o.name);
  expect(subs).toEqual(CHAT_COMMANDS.filter((c) => c.declared !== false).map((c) => c.name));
});

test("the default API base is discord.js's, written out so that reading the config loads no discord.js", () => {
  expect(DEFAULT_API_URL).toBe(DefaultRestOptions.api);
});
