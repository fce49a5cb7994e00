/**
 * Discord as a platform: its config section (`enabled`, `threadMessages`, `guildId`), its
 * connection from the environment (read once, by `discordOptionsFromEnv`), its doctor checks,
 * `discord register` for the CLI, and its adapter (discord.js loads only when Discord is enabled).
 */
import { z } from "zod";
import { type Env, enabledButMissing, envValue } from "../../config/platform.js";
import { lazyCommand } from "../../src/cli/command.js";
import { ConfigError, ErrorCode } from "../../src/errors.js";
import { platformModule } from "../platform.js";
import { discordShapeChecks, verifyDiscord } from "./doctor.js";
import {
  DISCORD_TRANSPORTS,
  type DiscordConnection,
  type DiscordTransport,
  discordOptionsFromEnv,
} from "./options.js";
import { isPublicKeyHex } from "./signature.js";

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
  /**
   * How Discord reaches paperboy (DISCORD_TRANSPORT overrides): "gateway" (default), "http"
   * (interactions at /discord/interactions, any replica), or "both" (HTTP interactions on every
   * replica, the gateway for thread messages on the one that holds the gateway lock).
   */
  transport: z.enum(DISCORD_TRANSPORTS).default("gateway"),
});

export type DiscordSettings = z.output<typeof Section> & {
  enabled: boolean;
  /** DISCORD_PUBLIC_KEY: verifies interactions posted over HTTP. */
  publicKey?: string;
} & Partial<DiscordConnection>;

const TOKEN = "DISCORD_TOKEN";
const APPLICATION_ID = "DISCORD_APPLICATION_ID";
const PUBLIC_KEY = "DISCORD_PUBLIC_KEY";
const TRANSPORT = "DISCORD_TRANSPORT";

/** The transport from DISCORD_TRANSPORT when set, else the file's; a public key when it needs one. */
function transportSettings(
  fileTransport: DiscordTransport,
  env: Env,
): { transport: DiscordTransport; publicKey?: string } {
  const fromEnv = envValue(env, TRANSPORT);
  if (fromEnv !== undefined && !DISCORD_TRANSPORTS.includes(fromEnv as DiscordTransport))
    throw new ConfigError(
      ErrorCode.ConfigInvalid,
      `${TRANSPORT} "${fromEnv}" is not a Discord transport: use one of ${DISCORD_TRANSPORTS.join(", ")} (or unset it for the config file's discord.transport, default gateway)`,
      { key: TRANSPORT },
    );
  const transport = (fromEnv as DiscordTransport | undefined) ?? fileTransport;
  const publicKey = envValue(env, PUBLIC_KEY);
  if (transport !== "gateway" && !(publicKey && isPublicKeyHex(publicKey)))
    throw new ConfigError(
      ErrorCode.ConfigInvalid,
      `Discord transport "${transport}" receives interactions over HTTP, signed by Discord: ${publicKey ? `${PUBLIC_KEY} is not 64 hex characters` : `${PUBLIC_KEY} is not set`}; copy "Public Key" from the Developer Portal (General Information) into ${PUBLIC_KEY}, or set discord.transport to "gateway"`,
      { key: PUBLIC_KEY },
    );
  return { transport, ...(publicKey ? { publicKey } : {}) };
}

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
    return { ...parsed, ...connection, ...transportSettings(parsed.transport, env), enabled: true };
  },
  doctor: (settings, verifying) => [
    ...discordShapeChecks(settings, verifying),
    {
      name: "discord",
      ok: true,
      detail:
        settings.transport === "gateway"
          ? "transport: gateway (interactions, thread messages and reactions over one WebSocket)"
          : `transport: ${settings.transport}; interactions at POST /discord/interactions, verified with DISCORD_PUBLIC_KEY (set it as the app's Interactions Endpoint URL)${settings.transport === "both" ? "; the gateway (thread messages, reactions) runs on the replica holding the gateway lock" : "; no gateway: discussion threads answer only /papers commands, and reactions are not read"}`,
    },
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
      transport: settings.transport,
      gatewayByLock: deps.leaderLock === true,
      ...(settings.publicKey ? { publicKey: settings.publicKey } : {}),
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
