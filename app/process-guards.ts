/**
 * The last line of defence of a long-running `serve`: a promise rejected with nobody listening is
 * logged and counted, and the process keeps serving (Node would otherwise end it); an exception
 * thrown out of any callback leaves the process in an unknown state, so it is logged and serve is
 * asked to stop gracefully with a non-zero status, for a supervisor to restart it.
 */
import type { Logger } from "../src/logger.js";
import { redactSecrets } from "../src/logger.js";

/** What delivers the two events: the process, or an emitter in tests. */
export interface ProcessEvents {
  on(event: "unhandledRejection" | "uncaughtException", listener: (reason: unknown) => void): unknown;
  off(event: "unhandledRejection" | "uncaughtException", listener: (reason: unknown) => void): unknown;
}

/** The exit status of a serve stopped by an uncaught exception (EX_SOFTWARE, as for internal errors). */
export const UNSAFE_EXIT = 70;

function describe(reason: unknown): { message: string; stack?: string } {
  if (reason instanceof Error)
    return { message: redactSecrets(reason.message), stack: redactSecrets(reason.stack ?? "") };
  return { message: redactSecrets(String(reason)) };
}

/** Installs both handlers; returns their removal. */
export function guardProcess(
  events: ProcessEvents,
  o: { logger: Logger; onRejection?: () => void; onUnsafe: (reason: unknown) => void },
): () => void {
  const rejection = (reason: unknown) => {
    o.logger.error({ err: describe(reason) }, "unhandled promise rejection; still serving");
    o.onRejection?.();
  };
  const exception = (err: unknown) => {
    o.logger.fatal(
      { err: describe(err) },
      "uncaught exception; stopping so a supervisor can restart paperboy",
    );
    o.onUnsafe(err);
  };
  events.on("unhandledRejection", rejection);
  events.on("uncaughtException", exception);
  return () => {
    events.off("unhandledRejection", rejection);
    events.off("uncaughtException", exception);
  };
}
