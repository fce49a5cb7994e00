/**
 * Slack as a platform: its config section (`enabled`, `mode`), its secrets from the environment
 * (read once, by `slackOptionsFromEnv`), its doctor checks, and its adapter (Bolt loads only when
 * Slack is enabled).
 */
import { z } from "zod";
import { enabledButMissing, envValue } from "../../config/platform.js";
import { SECRET_KEY_ENV } from "../../src/archive/secret-box.js";
import { ConfigError, ErrorCode } from "../../src/errors.js";
import { platformModule } from "../platform.js";
import { slackShapeChecks, verifySlack } from "./doctor.js";
import { resolveMode, SLACK_ENV, type SlackEnvOptions, slackOptionsFromEnv } from "./options.js";

const Section = z.strictObject({
  /** Unset: on when the environment holds what the mode needs. */
  enabled: z.boolean().optional(),
  /** Unset: "socket" when SLACK_APP_TOKEN is set, else "http". */
  mode: z.enum(["http", "socket"]).optional(),
  /**
   * How long an acked command may go unanswered before another replica answers it (its replica
   * died); default 60 s. Longer than any answer takes, or it may be answered twice.
   */
  owedLeaseMs: z.number().int().min(100).optional(),
});

export type SlackSettings = Omit<SlackEnvOptions, "port"> & {
  enabled: boolean;
  mode: "http" | "socket";
  owedLeaseMs?: number;
};

/** What the environment lacks for `mode`: a bot token (or the OAuth keys), and the mode's own secret. */
function missingFor(env: SlackEnvOptions, mode: "http" | "socket"): string[] {
  const missing: string[] = [];
  if (!env.botToken && !(env.clientId && env.clientSecret && env.stateSecret))
    missing.push(SLACK_ENV.botToken);
  if (mode === "socket" && !env.appToken) missing.push(SLACK_ENV.appToken);
  if (mode === "http" && !env.signingSecret) missing.push(SLACK_ENV.signingSecret);
  return missing;
}

export const slackPlatform = platformModule<SlackSettings>({
  name: "slack",
  section: Section,
  secretEnv: {
    botToken: SLACK_ENV.botToken,
    signingSecret: SLACK_ENV.signingSecret,
    appToken: SLACK_ENV.appToken,
    clientSecret: SLACK_ENV.clientSecret,
    stateSecret: SLACK_ENV.stateSecret,
  },
  settings(section, env, file) {
    const { enabled, mode: chosen, owedLeaseMs } = Section.parse(section);
    // The port is the process's (`http.port`, PORT), checked with the rest of the config.
    const { port: _port, ...fromEnv } = slackOptionsFromEnv({ ...env, [SLACK_ENV.port]: undefined });
    const mode = chosen ?? (fromEnv.appToken ? "socket" : "http");
    const missing = missingFor(fromEnv, mode);
    if (enabled === true && missing.length) throw enabledButMissing("slack", missing, file);
    const settings: SlackSettings = {
      ...fromEnv,
      enabled: enabled ?? missing.length === 0,
      mode,
      ...(owedLeaseMs ? { owedLeaseMs } : {}),
    };
    // The chosen mode decides: an app token is not used over HTTP.
    if (mode === "http") delete settings.appToken;
    // Conflicting or half-set OAuth keys are refused now rather than at start.
    if (settings.enabled && resolveMode(settings).auth === "oauth" && !envValue(env, SECRET_KEY_ENV))
      throw new ConfigError(
        ErrorCode.ConfigInvalid,
        `Slack over OAuth keeps each workspace's tokens in the archive, encrypted, and ${SECRET_KEY_ENV} is not set: set it to 32 random bytes (\`openssl rand -base64 32\`) and keep it with your other secrets`,
        { key: SECRET_KEY_ENV },
      );
    return settings;
  },
  doctor: slackShapeChecks,
  verify: verifySlack,
  async create(settings, deps) {
    const { createSlackAdapter } = await import("./slack-adapter.js");
    const { enabled: _enabled, mode: _mode, owedLeaseMs, ...connection } = settings;
    return createSlackAdapter(deps.bot, {
      ...connection,
      port: deps.port,
      ...(deps.host ? { host: deps.host } : {}),
      logger: deps.logger.child({ adapter: "slack" }),
      clock: deps.clock,
      customRoutes: deps.routes,
      onRateLimited: () => deps.metrics?.platformRateLimited("slack"),
      ...(deps.owed ? { owed: { ...deps.owed, ...(owedLeaseMs ? { leaseMs: owedLeaseMs } : {}) } } : {}),
    });
  },
});
