/**
 * `paperboy discord register [--guild ID]`: registers /papers with Discord. Guild-scoped commands
 * appear at once (development); global ones are for release. Running it again changes nothing
 * unless the command definitions changed. Added to the CLI by Discord's platform module
 * (platform.ts), loaded only when it runs.
 */
import { DiscordAPIError, REST } from "discord.js";
import type { Command } from "../../src/cli/command.js";
import { ConfigError, ErrorCode, InvalidArgumentError, PaperboyError, UsageError } from "../../src/errors.js";
import { commandDefinitions } from "./commands.js";
import { discordOptionsFromEnv, isSnowflake } from "./options.js";
import { type RegisterResult, registerCommands } from "./register.js";

const USAGE = "discord register [--guild ID]";

export const discordRegisterCommand: Command = {
  name: "discord",
  summary: "register the /papers command with Discord (--guild ID: in one server, at once)",
  usage: USAGE,
  options: { guild: { type: "string" } },
  args: { min: 1, max: 1 },
  async run(ctx, args, values) {
    if (args[0] !== "register")
      throw new UsageError(`unknown discord action "${args[0]}" (usage: paperboy ${USAGE})`);
    const guild = values.guild as string | undefined;
    if (guild !== undefined && !isSnowflake(guild))
      throw new InvalidArgumentError(
        `--guild "${guild}" is not a Discord server id: enable Developer Mode in Discord, right-click the server, Copy Server ID`,
        { key: "--guild" },
      );
    const conn = discordOptionsFromEnv(ctx.io.env);
    if (!conn)
      throw new ConfigError(
        ErrorCode.ConfigInvalid,
        "Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Developer Portal → your application)",
        { key: "DISCORD_TOKEN" },
      );
    const rest = new REST({ api: conn.apiUrl, timeout: 15_000, retries: 2 }).setToken(conn.token);
    let result: RegisterResult;
    try {
      result = await registerCommands({
        rest,
        applicationId: conn.applicationId,
        ...(guild ? { guildId: guild } : {}),
        commands: commandDefinitions(),
        logger: ctx.logger,
      });
    } catch (err) {
      throw registerError(err, conn.apiUrl, guild);
    }
    if (ctx.json) ctx.printJson(result);
    else {
      const where =
        result.scope === "guild" ? `in server ${result.guild}` : "globally (may take up to an hour to show)";
      ctx.print(
        result.changed
          ? `registered /${result.commands.join(", /")} ${where}`
          : `/${result.commands.join(", /")} already registered ${where}; nothing changed`,
      );
    }
    return 0;
  },
};

function registerError(err: unknown, apiUrl: string, guild: string | undefined): PaperboyError {
  if (err instanceof DiscordAPIError) {
    if (err.status === 401)
      return new PaperboyError(
        ErrorCode.Platform,
        "Discord rejected DISCORD_TOKEN (401): reset the bot token in the Developer Portal (Bot → Reset Token) and set DISCORD_TOKEN",
        { key: "DISCORD_TOKEN" },
      );
    if (err.status === 403 || err.status === 404)
      return new PaperboyError(
        ErrorCode.Platform,
        guild
          ? `Discord refused registering in server ${guild} (${err.status} ${err.message}): invite the bot there with the applications.commands scope, and check DISCORD_APPLICATION_ID`
          : `Discord refused the registration (${err.status} ${err.message}): check that DISCORD_APPLICATION_ID belongs to DISCORD_TOKEN's application`,
        { key: "DISCORD_APPLICATION_ID" },
      );
    return new PaperboyError(
      ErrorCode.Platform,
      `Discord refused the registration (${err.status} ${err.message})`,
    );
  }
  return new PaperboyError(
    ErrorCode.Platform,
    `could not reach Discord at ${apiUrl} (${(err as Error).message}): check the network, or DISCORD_API_URL`,
    { key: "DISCORD_API_URL" },
    { cause: err },
  );
}
