/**
 * Constructs the Bolt App: the HTTP receiver (signature verified, stale requests refused by Bolt)
 * or Socket Mode, single bot token or OAuth installs, Web API calls sent to `apiUrl`.
 */
import {
  App,
  type Authorize,
  type CustomRoute,
  HTTPReceiver,
  type InstallationStore,
  SocketModeReceiver,
  type webApi,
} from "@slack/bolt";
import type { Clock } from "../../src/clock.js";
import type { Logger } from "../../src/logger.js";
import type { HttpRoute } from "../../src/ops/http-server.js";
import { boltLogger } from "./bolt-logger.js";
import { MAX_REQUEST_BYTES } from "./limits.js";
import { DEFAULT_PORT, type SlackEnvOptions, type SlackMode } from "./options.js";
import { guardedListener } from "./request-guard.js";

/** Where Slack sends slash commands, events and interactions (the manifest's request URLs). */
export const EVENTS_PATH = "/slack/events";
export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";
/** The bot scopes paperboy asks for; the manifest lists exactly these (a test checks). */
export const BOT_SCOPES = [
  "app_mentions:read",
  "channels:history",
  "chat:write",
  "chat:write.public",
  "commands",
  "files:write",
  "groups:history",
  "reactions:read",
] as const;
/** The bot events paperboy subscribes to. */
export const BOT_EVENTS = [
  "app_mention",
  "message.channels",
  "message.groups",
  "reaction_added",
  "reaction_removed",
] as const;
export const SLASH_COMMAND = "/papers";

/**
 * Retries of failed Web API calls. A 429 waits for its Retry-After and then counts as one retry;
 * 5xx and network failures back off 0.5, 1, 2 s. A chat answer later than that is not worth more.
 */
export const RETRY_POLICY = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 2000 };
/**
 * A Web API call that has not answered by then is abandoned and retried per the policy, except a
 * post: Slack may have stored it, so it is read back first (post-once.ts).
 */
export const API_TIMEOUT_MS = 10_000;

/** Bolt's OAuth installer (from @slack/oauth, reached through Bolt's receiver type). */
export type InstallProvider = NonNullable<HTTPReceiver["installer"]>;

export interface BuiltApp {
  app: App;
  receiver: HTTPReceiver | SocketModeReceiver;
  installer: InstallProvider | undefined;
  clientOptions: webApi.WebClientOptions;
}

export interface BuildOptions {
  settings: SlackEnvOptions;
  mode: SlackMode;
  logger: Logger;
  customRoutes: CustomRoute[];
  installationStore: InstallationStore;
  /** Single-token mode: resolves the bot's identity (auth.test, cached by the adapter). */
  authorize: Authorize<boolean>;
  /** Real time, for the freshness of signed requests. */
  wallClock: Clock;
  /** Other adapters' routes served on this port over HTTP (read per request). */
  extraRoutes?: () => readonly HttpRoute[];
  /** How long a Web API call may take; default API_TIMEOUT_MS. */
  apiTimeoutMs?: number;
}

export function buildApp(o: BuildOptions): BuiltApp {
  const logger = boltLogger(o.logger);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: o.mode.apiUrl,
    logger,
    retryConfig: RETRY_POLICY,
    timeout: o.apiTimeoutMs ?? API_TIMEOUT_MS,
    rejectRateLimitedCalls: false,
  };
  const oauth =
    o.mode.auth === "oauth"
      ? {
          clientId: o.settings.clientId,
          clientSecret: o.settings.clientSecret,
          stateSecret: o.settings.stateSecret,
          installationStore: o.installationStore,
          scopes: [...BOT_SCOPES],
        }
      : {};
  const installerOptions = {
    clientOptions,
    installPath: INSTALL_PATH,
    redirectUriPath: REDIRECT_PATH,
    // Socket Mode serves the install pages and custom routes on this port.
    port: o.settings.port ?? DEFAULT_PORT,
  };
  const receiver =
    o.mode.transport === "socket"
      ? new SocketModeReceiver({
          appToken: o.settings.appToken as string,
          logger,
          customRoutes: o.customRoutes,
          installerOptions,
          ...oauth,
        })
      : new HTTPReceiver({
          signingSecret: o.settings.signingSecret as string,
          endpoints: [EVENTS_PATH],
          port: o.settings.port ?? DEFAULT_PORT,
          customRoutes: o.customRoutes,
          logger,
          // Ack first, work after: a slow answer must never delay the 3-second ack.
          processBeforeResponse: false,
          signatureVerification: true,
          bodyLimit: MAX_REQUEST_BYTES,
          installerOptions,
          ...oauth,
        });
  // Every POST to /slack/events is checked (fresh, bounded, an object) before Bolt reads it.
  if (receiver instanceof HTTPReceiver)
    receiver.requestListener = guardedListener(receiver.requestListener, {
      wallClock: o.wallClock,
      logger: o.logger.child({ component: "slack-guard" }),
      path: EVENTS_PATH,
      ...(o.extraRoutes ? { extraRoutes: o.extraRoutes } : {}),
    });
  const app = new App({
    receiver,
    logger,
    clientOptions,
    // No token here: Bolt would call auth.test in the constructor and a bad token would end in an
    // unhandled rejection. The adapter checks the token itself in start().
    ...(o.mode.auth === "token" ? { authorize: o.authorize } : {}),
    convoStore: false,
    ignoreSelf: true,
  });
  return { app, receiver, installer: receiver.installer, clientOptions };
}
