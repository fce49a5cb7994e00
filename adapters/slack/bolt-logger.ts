/**
 * Bolt and the Slack Web API client log through @slack/logger's interface; this routes them into
 * paperboy's pino logger (JSON on stderr) with tokens scrubbed from free text, since Bolt logs
 * whole strings where pino's key-based redaction cannot see them.
 */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import { type Logger, redactSecrets } from "../../src/logger.js";

function text(parts: unknown[]): { msg: string; err?: Error } {
  let err: Error | undefined;
  const words = parts.map((p) => {
    if (p instanceof Error) {
      err = p;
      return p.message;
    }
    return typeof p === "string" ? p : JSON.stringify(p);
  });
  return { msg: redactSecrets(words.join(" ")), err };
}

export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const child = logger.child({ component: "slack" });
  const write =
    (method: "debug" | "info" | "warn" | "error") =>
    (...parts: unknown[]) => {
      const { msg, err } = text(parts);
      if (err) child[method]({ err: { message: redactSecrets(err.message), name: err.name } }, msg);
      else child[method](msg);
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
