/**
 * Which adapters `serve` runs: one factory per platform, used when the config enables it. Slack
 * and Discord factories are added here by their owners; a platform enabled without a factory is
 * refused at start rather than silently not served.
 */

import type { CustomRoute } from "@slack/bolt";
import type { Config } from "../../config/schema.js";
import type { Adapter } from "../../src/bot/adapter.js";
import type { Bot } from "../../src/bot/bot.js";
import type { Platform } from "../../src/bot/context.js";
import type { CliIO } from "../../src/cli/io.js";
import type { Clock } from "../../src/clock.js";
import { ConfigError, ErrorCode } from "../../src/errors.js";
import type { Logger } from "../../src/logger.js";
import type { Metrics } from "../../src/ops/metrics.js";
import { ConsoleAdapter } from "../console/console-adapter.js";
import { createDiscordAdapter } from "../discord/discord-adapter.js";
import { discordOptionsFromEnv } from "../discord/options.js";
import { slackOptionsFromEnv } from "../slack/options.js";
import { createSlackAdapter } from "../slack/slack-adapter.js";

export interface AdapterDeps {
  config: Config;
  bot: Bot;
  clock: Clock;
  logger: Logger;
  io: CliIO;
  metrics?: Metrics;
  /** HTTP routes to serve beside Slack's /slack/events on the same port (/healthz, /metrics). */
  customRoutes?: CustomRoute[];
}

export type AdapterFactory = (deps: AdapterDeps) => Adapter;

export const ADAPTER_FACTORIES: Partial<Record<Platform, AdapterFactory>> = {
  console: ({ bot, clock, io }) =>
    new ConsoleAdapter({
      bot,
      clock,
      input: io.stdin ?? process.stdin,
      output: io.stdout,
      isTTY: io.isTTY,
      user: io.env.USER ?? "you",
    }),
  slack: ({ bot, clock, logger, io, config, metrics, customRoutes }) =>
    createSlackAdapter(bot, {
      ...slackOptionsFromEnv(io.env),
      port: config.http.port,
      logger: logger.child({ adapter: "slack" }),
      clock,
      customRoutes: customRoutes ?? [],
      onRateLimited: () => metrics?.platformRateLimited("slack"),
    }),
  discord: ({ bot, clock, logger, io, config, metrics }) => {
    const connection = discordOptionsFromEnv(io.env);
    if (!connection) {
      throw new ConfigError(
        ErrorCode.ConfigInvalid,
        "discord.enabled is true but DISCORD_TOKEN and DISCORD_APPLICATION_ID are not set; set them in the environment",
        { key: "discord.enabled" },
      );
    }
    return createDiscordAdapter(bot, {
      ...connection,
      logger: logger.child({ adapter: "discord" }),
      clock,
      threadMessages: config.discord.threadMessages,
      ...(config.discord.guildId ? { register: { guildId: config.discord.guildId } } : {}),
      onRateLimited: () => metrics?.platformRateLimited("discord"),
    });
  },
};

/** The platforms the config turns on, in a stable order. */
export function enabledPlatforms(config: Config): Platform[] {
  const on: Platform[] = [];
  if (config.console.enabled) on.push("console");
  if (config.slack.enabled) on.push("slack");
  if (config.discord.enabled) on.push("discord");
  return on;
}

export function createAdapters(
  deps: AdapterDeps,
  factories: Partial<Record<Platform, AdapterFactory>> = ADAPTER_FACTORIES,
): Adapter[] {
  const platforms = enabledPlatforms(deps.config);
  if (platforms.length === 0) {
    throw new ConfigError(
      ErrorCode.ConfigInvalid,
      `no adapter is enabled${deps.config.file ? ` in ${deps.config.file}` : ""}; set console.enabled to true, or set the Slack or Discord tokens in the environment`,
      { key: "console.enabled" },
    );
  }
  return platforms.map((platform) => {
    const factory = factories[platform];
    if (!factory) {
      throw new ConfigError(
        ErrorCode.ConfigInvalid,
        `config enables ${platform}, but this build of paperboy cannot serve it yet; set ${platform}.enabled to false`,
        { key: `${platform}.enabled` },
      );
    }
    return factory(deps);
  });
}
