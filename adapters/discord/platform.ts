/**
 * Discord as a platform: its config section (`enabled`, `threadMessages`, `guildId`), its
 * connection from the environment (read once, by `discordOptionsFromEnv`), its doctor checks,
 * `discord register` for the CLI, and its adapter (discord.js loads only when Discord is enabled).
 */
import { z } from "zod";
import { enabledButMissing, envValue } from "../../config/platform.js";
import { lazyCommand } from "../../src/cli/command.js";
import { platformModule } from "../platform.js";
import { discordShapeChecks, verifyDiscord } from "./doctor.js";
import { type DiscordConnection, discordOptionsFromEnv } from "./options.js";

const Section = z.strictObject({
  /** Unset: on when DISCORD_TOKEN and DISCORD_APPLICATION_ID are set. */
  enabled: z.boolean().optional(),
  /** In discussion threads, answer every message or only mentions of the bot. */
  threadMessages: z.enum(["mentions", "all"]).default("mentions"),
  /** Register slash commands in this guild only (instant), instead of globally. */
  guildId: z
    .string()
    .regex(/^\d{5,25}$/, "must be a Discord guild id (digits)")
    .optional(),
});

export type DiscordSettings = z.output<typeof Section> & { enabled: boolean } & Partial<DiscordConnection>;

const TOKEN = "DISCORD_TOKEN";
const APPLICATION_ID = "DISCORD_APPLICATION_ID";

export const discordPlatform = platformModule<DiscordSettings>({
  name: "discord",
  section: Section,
  secretEnv: { token: TOKEN },
  settings(section, env, file) {
    const parsed = Section.parse(section);
    if (parsed.enabled === false) return { ...parsed, enabled: false };
    const missing = [TOKEN, APPLICATION_ID].filter((name) => !envValue(env, name));
    if (missing.length === 2) {
      if (parsed.enabled) throw enabledButMissing("discord", missing, file);
      return { ...parsed, enabled: false };
    }
    // Half a configuration (a token without its application) is an error, not a silent "off".
    const connection = discordOptionsFromEnv(env) as DiscordConnection;
    return { ...parsed, ...connection, enabled: true };
  },
  doctor: (settings, verifying) => [
    ...discordShapeChecks(settings, verifying),
    ...(settings.guildId
      ? [{ name: "discord", ok: true, detail: `registers /papers in server ${settings.guildId} at start` }]
      : []),
  ],
  verify: verifyDiscord,
  async create(settings, deps) {
    const { createDiscordAdapter } = await import("./discord-adapter.js");
    return createDiscordAdapter(deps.bot, {
      token: settings.token as string,
      applicationId: settings.applicationId as string,
      apiUrl: settings.apiUrl,
      logger: deps.logger.child({ adapter: "discord" }),
      clock: deps.clock,
      threadMessages: settings.threadMessages,
      ...(settings.guildId ? { register: { guildId: settings.guildId } } : {}),
      onRateLimited: () => deps.metrics?.platformRateLimited("discord"),
    });
  },
  commands: [
    lazyCommand(
      {
        name: "discord",
        summary: "register the /papers command with Discord (--guild ID: in one server, at once)",
        usage: "discord register [--guild ID]",
        options: { guild: { type: "string" } },
        args: { min: 1, max: 1 },
      },
      async () => (await import("./register-command.js")).discordRegisterCommand,
    ),
  ],
});
