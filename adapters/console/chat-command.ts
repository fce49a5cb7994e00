/** `paperboy chat` (and `npm start`): the console bot on the archive, seeded on first start. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Bot } from "../../src/bot/bot.js";
import type { Command } from "../../src/cli/command.js";
import { createLogger } from "../../src/logger.js";
import { SAMPLE_DIGEST } from "../../src/paths.js";
import { ConsoleAdapter } from "./console-adapter.js";

/** One local user: rate limits are for shared channels, not for a script piping 1,000 lines. */
const CONSOLE_LIMITS = {
  perUser: { capacity: 1_000_000, refillPerMinute: 1_000_000 },
  perChannel: { capacity: 1_000_000, refillPerMinute: 1_000_000 },
};

function readHistory(file: string): string[] {
  try {
    return readFileSync(file, "utf8").split("\n").filter(Boolean).reverse().slice(0, 500);
  } catch {
    return [];
  }
}

export const chatCommand: Command = {
  name: "chat",
  summary: "the console bot: the chat commands at a prompt, or piped on stdin",
  usage: "chat",
  args: { min: 0, max: 0 },
  async run(ctx) {
    const engine = ctx.engine();
    if (engine.archiveStats().papers === 0) {
      const report = engine.ingest([SAMPLE_DIGEST.path], { date: SAMPLE_DIGEST.date });
      ctx.io.stderr(
        `The archive at ${ctx.dbPath} was empty: loaded the bundled sample digest (${report.total} papers of ${SAMPLE_DIGEST.date}).\n`,
      );
    }
    // Audit lines are JSON for log collectors: on by default when stderr is not a terminal.
    const auditOn = ctx.io.env.PAPERBOY_AUDIT ? ctx.io.env.PAPERBOY_AUDIT !== "0" : !ctx.io.stderrIsTTY;
    const audit = auditOn
      ? createLogger({
          level: "info",
          destination: { write: (t: string) => ctx.io.stderr(t) } as NodeJS.WritableStream,
        })
      : undefined;
    const bot = new Bot(engine, { clock: ctx.clock, logger: ctx.logger, audit, rateLimits: CONSOLE_LIMITS });
    if (!ctx.io.stdin) {
      ctx.io.stderr("paperboy chat: no standard input to read commands from\n");
      return 1;
    }
    const historyFile = join(dirname(ctx.dbPath), "chat_history");
    const adapter = new ConsoleAdapter({
      bot,
      clock: ctx.clock,
      input: ctx.io.stdin,
      output: ctx.io.stdout,
      isTTY: ctx.io.isTTY,
      user: ctx.io.env.USER ?? "you",
      history: ctx.io.isTTY ? readHistory(historyFile) : [],
      exportDir: join(dirname(ctx.dbPath), "exports"),
    });
    if (ctx.io.isTTY) ctx.io.stdout("paperboy: type `help` for commands, `exit` to leave.\n\n");
    await adapter.run();
    if (ctx.io.isTTY && adapter.lines.length) {
      try {
        mkdirSync(dirname(historyFile), { recursive: true });
        const kept = [...readHistory(historyFile).reverse(), ...adapter.lines].slice(-500);
        writeFileSync(historyFile, `${kept.join("\n")}\n`);
      } catch {
        // History is a convenience; a read-only data folder must not fail the session.
      }
    }
    return 0;
  },
};
