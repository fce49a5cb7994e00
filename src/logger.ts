/**
 * Logging with pino: JSON lines on stderr (stdout belongs to `--json` output), secrets redacted by
 * key wherever they appear. Passed in everywhere, never imported as a global.
 */
import { createRequire } from "node:module";
import { type Logger, pino, destination as pinoDestination, stdTimeFunctions } from "pino";

export type { Logger };

/**
 * Keys whose values never reach a log line, at any of the first three levels of a logged object
 * (`token`, `err.token`, `config.<platform>.token`). Platforms add their own secret settings'
 * names (`secretKeys`), taken from their config modules.
 */
export const SECRET_KEYS = [
  "token",
  "secret",
  "password",
  "clientSecret",
  "client_secret",
  "secretKey",
  "refresh_token",
  "access_token",
  "authorization",
];

export function redactPaths(keys: readonly string[] = []): string[] {
  const all = [...new Set([...SECRET_KEYS, ...keys])];
  return all.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
}

export interface LoggerOptions {
  level?: string;
  /** Human-readable lines (pino-pretty, a dev dependency) instead of JSON; for a terminal. */
  pretty?: boolean;
  /** Where lines go; default stderr (fd 2). */
  destination?: NodeJS.WritableStream | number;
  name?: string;
  /** More keys to redact besides SECRET_KEYS (the platforms' secret settings). */
  secretKeys?: readonly string[];
}

/** pino-pretty as a stream when installed (it is a dev dependency: production logs stay JSON). */
function prettyStream(fd: number): NodeJS.WritableStream | null {
  try {
    const pretty = createRequire(import.meta.url)("pino-pretty") as (o: object) => NodeJS.WritableStream;
    return pretty({
      colorize: true,
      destination: fd,
      sync: true,
      translateTime: "SYS:HH:MM:ss",
      ignore: "pid,hostname",
    });
  } catch {
    return null;
  }
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const requested = options.destination ?? 2;
  const destination =
    options.pretty && typeof requested === "number" ? (prettyStream(requested) ?? requested) : requested;
  return pino(
    {
      name: options.name ?? "paperboy",
      level: options.level ?? "info",
      redact: { paths: redactPaths(options.secretKeys), censor: "[redacted]" },
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

/**
 * Replaces anything shaped like a token in free text: chat platforms' bot and app tokens (`xoxb-…`,
 * `xapp-…`, the three dot-separated parts of a bot token) and Hugging Face tokens (`hf_…`).
 */
export function redactSecrets(text: string): string {
  return (
    text
      // OAuth secrets inside logged JSON or form bodies (the Web API client logs request bodies at
      // debug level and only hides keys named like "token").
      .replace(
        /("?(?:client_secret|clientSecret|state_secret|stateSecret|refresh_token|refreshToken|access_token|accessToken)"?\s*[:=]\s*"?)[^"&\s,}]+/g,
        "$1[redacted]",
      )
      .replace(/\bx(?:ox[abprse]|app)-[A-Za-z0-9-]{8,}/g, "[redacted]")
      .replace(/\bhf_[A-Za-z0-9]{16,}/g, "[redacted]")
      .replace(/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g, "[redacted]")
  );
}
