/**
 * The Discord adapter's settings. Secrets and the API base come from the environment
 * (DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_API_URL, per the CLI contract); behaviour
 * (threadMessages, register at start) from the config file, passed in by the composition root.
 */
import type { Clock } from "../../src/clock.js";
import { ConfigError, ErrorCode } from "../../src/errors.js";
import type { Logger } from "../../src/logger.js";
import type { ReconnectPolicy } from "../../src/ops/reconnect.js";

export interface DiscordConnection {
  token: string;
  applicationId: string;
  /** Discord REST base, passed to discord.js as `rest.api` unchanged; its GET /gateway/bot names the gateway. */
  apiUrl: string;
}

/**
 * How Discord reaches paperboy. "gateway" (the default): one WebSocket connection receives
 * interactions, thread messages and reactions. "http": Discord posts interactions to the
 * Interactions Endpoint URL (`/discord/interactions`), so any replica answers them; no thread
 * questions or reactions. "both": interactions over HTTP on every replica, and the gateway, for
 * thread messages and reactions, on the one replica that leads (serve's gateway lock).
 */
export type DiscordTransport = "gateway" | "http" | "both";

export const DISCORD_TRANSPORTS: readonly DiscordTransport[] = ["gateway", "http", "both"];

export interface DiscordAdapterOptions extends Omit<DiscordConnection, "apiUrl"> {
  apiUrl?: string;
  /** Default "gateway". */
  transport?: DiscordTransport;
  /** The application's Ed25519 public key (hex, DISCORD_PUBLIC_KEY): required unless transport is "gateway". */
  publicKey?: string;
  /**
   * The gateway connects only when serve's leader lock says this replica leads (`lead(true)`);
   * without it (tests, one process) start() connects at once.
   */
  gatewayByLock?: boolean;
  /** Real time, for the freshness of signed interactions; default the system clock. */
  wallClock?: Clock;
  logger: Logger;
  clock: Clock;
  /**
   * Which messages in a discussion thread are questions: only those that mention the bot (default;
   * needs no privileged intent), or all of them (needs the privileged Message Content intent).
   */
  threadMessages?: "mentions" | "all";
  /** Register the /papers command at start: in one guild (development) or globally. */
  register?: { guildId?: string } | false;
  /** An answer slower than this is acknowledged with deferReply() first; 0 always defers. Default DEFER_AFTER_MS. */
  deferAfterMs?: number;
  /** Called when Discord answers 429 (discord.js waits and retries); serve counts them. */
  onRateLimited?: () => void;
  /** Told when an interaction's replies or a reaction event have been handled (tests wait on it). */
  onHandled?: (what: "interaction" | "reaction") => void;
  /** How a Discord that cannot be reached is tried again; default every 1 s doubling to 5 min. */
  reconnect?: ReconnectPolicy;
  /** REST request timeout; default 15 s. */
  restTimeoutMs?: number;
}

/** discord.js's own default (`DefaultRestOptions.api`; a test holds the two together), written out so
 * that reading the config does not load discord.js. */
export const DEFAULT_API_URL = "https://discord.com/api";

const SNOWFLAKE = /^\d{17,20}$/;

export function isSnowflake(text: string): boolean {
  return SNOWFLAKE.test(text);
}

/**
 * The connection settings from the environment; null when Discord is not configured at all.
 * Half a configuration (a token without an application id) is an error, not a silent "off".
 */
export function discordOptionsFromEnv(env: Record<string, string | undefined>): DiscordConnection | null {
  const token = env.DISCORD_TOKEN?.trim();
  const applicationId = env.DISCORD_APPLICATION_ID?.trim();
  if (!token && !applicationId) return null;
  if (!token)
    throw new ConfigError(
      ErrorCode.ConfigInvalid,
      "DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is not: set DISCORD_TOKEN to the bot token from the Developer Portal (Bot → Reset Token), or unset both to run without Discord",
      { key: "DISCORD_TOKEN" },
    );
  if (!applicationId || !isSnowflake(applicationId))
    throw new ConfigError(
      ErrorCode.ConfigInvalid,
      `DISCORD_APPLICATION_ID ${applicationId ? `"${applicationId}" is not an application id` : "is not set"}: copy the numeric Application ID from the Developer Portal (General Information)`,
      { key: "DISCORD_APPLICATION_ID" },
    );
  const apiUrl = env.DISCORD_API_URL?.trim() || DEFAULT_API_URL;
  let parsed: URL | null = null;
  try {
    parsed = new URL(apiUrl);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:"))
    throw new ConfigError(
      ErrorCode.ConfigInvalid,
      `DISCORD_API_URL "${apiUrl}" is not an http(s) URL: unset it to use ${DEFAULT_API_URL}, or give a base such as http://127.0.0.1:8080/api`,
      { key: "DISCORD_API_URL" },
    );
  return { token, applicationId, apiUrl: apiUrl.replace(/\/+$/, "") };
}
