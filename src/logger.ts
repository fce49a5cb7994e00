/**
 * Logging with pino: JSON lines on stderr (stdout belongs to `--json` output), secrets redacted by
 * key wherever they appear. Passed in everywhere, never imported as a global.
 */
import { type Logger, pino, destination as pinoDestination, stdTimeFunctions } from "pino";

export type { Logger };

/** Keys whose values never reach a log line. */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "clientSecret",
  "*.clientSecret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "req.headers.authorization",
  "config.slack.botToken",
  "config.slack.signingSecret",
  "config.discord.token",
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; default stderr (fd 2). */
  destination?: NodeJS.WritableStream | number;
  name?: string;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? 2;
  return pino(
    {
      name: options.name ?? "paperboy",
      level: options.level ?? "info",
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: undefined,
      timestamp: stdTimeFunctions.isoTime,
    },
    typeof destination === "number" ? pinoDestination({ fd: destination, sync: true }) : destination,
  );
}

/** A logger that drops everything: for tests and for quiet CLI runs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

/** Replaces anything that looks like a Slack/Discord/HF token in free text. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\bx(?:ox[abprse]|app)-[A-Za-z0-9-]{8,}/g, "[redacted]")
    .replace(/\bhf_[A-Za-z0-9]{16,}/g, "[redacted]")
    .replace(/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g, "[redacted]");
}
