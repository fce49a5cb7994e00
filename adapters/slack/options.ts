/**
 * The Slack adapter's settings: a typed options object, read from the contract's environment
 * variables by `slackOptionsFromEnv`, and checked once by `resolveMode` with errors that name the
 * variable to set.
 */
import type { CustomRoute } from "@slack/bolt";
import { z } from "zod";
import type { Clock } from "../../src/clock.js";
import { DEFAULTS } from "../../src/defaults.js";
import { ConfigError, ErrorCode } from "../../src/errors.js";
import type { Logger } from "../../src/logger.js";
import type { ReconnectPolicy } from "../../src/ops/reconnect.js";
import type { OwedAnswers } from "../platform.js";

export interface SlackAdapterOptions {
  /** Single-workspace mode: the bot token (xoxb-…). */
  botToken?: string;
  /** HTTP mode: requests are verified with it. */
  signingSecret?: string;
  /** Socket Mode (xapp-…): set it to receive events over a WebSocket instead of HTTP. */
  appToken?: string;
  /** Slack Web API base; default https://slack.com/api/. */
  apiUrl?: string;
  /** HTTP port for /slack/events (and, in Socket Mode with OAuth, the install pages). */
  port?: number;
  /** Interface to listen on; default all. */
  host?: string;
  /** OAuth mode (several workspaces): all three are needed. */
  clientId?: string;
  clientSecret?: string;
  stateSecret?: string;
  /** Extra HTTP routes on the same port (serve's /healthz and /metrics). */
  customRoutes?: CustomRoute[];
  /** How a Slack that cannot be reached is tried again; default every 1 s doubling to 5 min. */
  reconnect?: ReconnectPolicy;
  /** Called when Slack answers 429 (the call is retried after Retry-After); serve counts them. */
  onRateLimited?: () => void;
  logger: Logger;
  clock: Clock;
  /** Real time for signed requests' freshness and replay window; default the system clock. */
  wallClock?: Clock;
  /**
   * The archive's owed answers (serve passes them): a command acked by a replica that dies before
   * answering is answered by another after `leaseMs` (default 60 s). Absent: not recovered.
   */
  owed?: { store: OwedAnswers; by: string; leaseMs?: number };
  /** How long a Web API call may take before it is abandoned; default 10 s (tests shorten it). */
  apiTimeoutMs?: number;
}

export type SlackEnvOptions = Omit<
  SlackAdapterOptions,
  "logger" | "clock" | "wallClock" | "customRoutes" | "onRateLimited" | "reconnect" | "owed" | "apiTimeoutMs"
>;

/** The environment variables the adapter reads (the CLI contract's, plus OAuth's). */
export const SLACK_ENV = {
  botToken: "SLACK_BOT_TOKEN",
  signingSecret: "SLACK_SIGNING_SECRET",
  appToken: "SLACK_APP_TOKEN",
  apiUrl: "SLACK_API_URL",
  port: "PORT",
  clientId: "SLACK_CLIENT_ID",
  clientSecret: "SLACK_CLIENT_SECRET",
  stateSecret: "SLACK_STATE_SECRET",
} as const;

export const DEFAULT_API_URL = "https://slack.com/api/";
export const DEFAULT_PORT = DEFAULTS.port;

const Port = z.coerce.number().int().min(0).max(65535);

export function slackOptionsFromEnv(env: Record<string, string | undefined>): SlackEnvOptions {
  const out: SlackEnvOptions = {};
  for (const [key, name] of Object.entries(SLACK_ENV) as [keyof typeof SLACK_ENV, string][]) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (key === "port") {
      const port = Port.safeParse(value);
      if (!port.success)
        throw new ConfigError(
          ErrorCode.ConfigInvalid,
          `PORT is "${value}", not a port number; set PORT to a number from 1 to 65535 (default ${DEFAULT_PORT})`,
          { key: "PORT" },
        );
      out.port = port.data;
    } else {
      out[key] = value;
    }
  }
  return out;
}

export interface SlackMode {
  transport: "http" | "socket";
  auth: "token" | "oauth";
  apiUrl: string;
}

function invalid(message: string, key: string): ConfigError {
  return new ConfigError(ErrorCode.ConfigInvalid, message, { key });
}

/** Decides HTTP vs Socket Mode and token vs OAuth; a ConfigError names what is missing. */
export function resolveMode(options: SlackEnvOptions): SlackMode {
  const apiUrl = options.apiUrl ?? DEFAULT_API_URL;
  if (!/^https?:\/\/[^\s]+$/i.test(apiUrl))
    throw invalid(
      `SLACK_API_URL is "${apiUrl}", not an http(s) URL; unset it to use ${DEFAULT_API_URL}`,
      SLACK_ENV.apiUrl,
    );
  const transport = options.appToken ? "socket" : "http";
  if (transport === "http" && !options.signingSecret)
    throw invalid(
      "Slack over HTTP needs SLACK_SIGNING_SECRET (Basic Information → App Credentials → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode",
      SLACK_ENV.signingSecret,
    );
  const oauthKeys = [options.clientId, options.clientSecret, options.stateSecret];
  const anyOauth = oauthKeys.some(Boolean);
  if (anyOauth && !oauthKeys.every(Boolean))
    throw invalid(
      "OAuth installs need SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together; set all three, or none and SLACK_BOT_TOKEN",
      SLACK_ENV.clientId,
    );
  if (anyOauth && options.botToken)
    throw invalid(
      "SLACK_BOT_TOKEN and OAuth (SLACK_CLIENT_ID…) are both set; unset SLACK_BOT_TOKEN for several workspaces, or the OAuth keys for one",
      SLACK_ENV.botToken,
    );
  if (!anyOauth && !options.botToken)
    throw invalid(
      "Slack needs SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token, xoxb-…) or the OAuth keys SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET",
      SLACK_ENV.botToken,
    );
  return { transport, auth: anyOauth ? "oauth" : "token", apiUrl };
}
