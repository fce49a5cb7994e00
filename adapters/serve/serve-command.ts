/**
 * `paperboy serve`: loads and checks the config, opens the archive, starts the adapters the config
 * enables and the roundup scheduler, and runs until SIGTERM or SIGINT, then stops everything once,
 * within `shutdown.deadlineMs`.
 */
import { resolve } from "node:path";
import { loadConfig } from "../../config/load.js";
import type { Config } from "../../config/schema.js";
import type { Adapter } from "../../src/bot/adapter.js";
import { Bot } from "../../src/bot/bot.js";
import type { Command, CommandContext } from "../../src/cli/command.js";
import { createSource } from "../../src/fetch/create-source.js";
import { Paperboy } from "../../src/paperboy.js";
import { Scheduler } from "../../src/scheduler/scheduler.js";
import { ADAPTER_FACTORIES, type AdapterFactory, createAdapters } from "./adapters.js";

/** What delivers stop signals: the process, or an emitter in tests. */
export interface SignalSource {
  once(signal: "SIGTERM" | "SIGINT", listener: () => void): unknown;
  off(signal: "SIGTERM" | "SIGINT", listener: () => void): unknown;
}

export interface ServeDeps {
  signals?: SignalSource;
  factories?: Partial<Record<Adapter["platform"], AdapterFactory>>;
  /** Called once everything has started (tests wait on it instead of sleeping). */
  onReady?: (running: { scheduler: Scheduler | null; adapters: Adapter[] }) => void;
}

/** --db / PAPERBOY_DB win; else the config's storage.db; else the CLI default. */
function databasePath(ctx: CommandContext, config: Config): string {
  const cliDefault = resolve(ctx.io.cwd, "./data/paperboy.db");
  if (ctx.dbPath !== cliDefault || !config.storage.db) return ctx.dbPath;
  return resolve(ctx.io.cwd, config.storage.db);
}

function untilSignal(signals: SignalSource): Promise<string> {
  return new Promise((done) => {
    const onTerm = () => finish("SIGTERM");
    const onInt = () => finish("SIGINT");
    const finish = (name: string) => {
      signals.off("SIGTERM", onTerm);
      signals.off("SIGINT", onInt);
      done(name);
    };
    signals.once("SIGTERM", onTerm);
    signals.once("SIGINT", onInt);
  });
}

/** Resolves with the work's result, or after `ms` (a stuck post must not hold shutdown forever). */
async function within<T>(ms: number, work: Promise<T>): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"timeout">((done) => {
    timer = setTimeout(() => done("timeout"), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function createServeCommand(deps: ServeDeps = {}): Command {
  return {
    name: "serve",
    summary: "run the adapters and the daily roundup scheduler that the config enables",
    usage: "serve",
    args: { min: 0, max: 0 },
    async run(ctx) {
      const config = loadConfig({ file: ctx.configPath, env: ctx.io.env });
      const { clock } = ctx;
      const logger = ctx.logger.child({ component: "serve" });
      if (ctx.logger.level !== "silent") ctx.logger.level = config.logging.level;
      const engine = Paperboy.open({
        dbPath: databasePath(ctx, config),
        clock,
        logger,
        timeZone: config.timezone,
      });
      const adapters: Adapter[] = [];
      let scheduler: Scheduler | null = null;
      try {
        const bot = new Bot(engine, {
          clock,
          logger,
          rateLimits: { perUser: config.limits.perUser, perChannel: config.limits.perChannel },
          deadlineMs: config.limits.deadlineMs,
          defaultTime: config.schedule.defaultTime,
          defaultTimezone: config.schedule.defaultTimezone,
        });
        adapters.push(
          ...createAdapters({ config, bot, clock, logger, io: ctx.io }, deps.factories ?? ADAPTER_FACTORIES),
        );
        await Promise.all(adapters.map((a) => a.start()));
        // The console also takes commands typed (or piped) while serving; EOF ends input, not serve.
        for (const a of adapters) {
          const interactive = a as Adapter & { run?: () => Promise<void> };
          if (a.platform === "console" && ctx.io.stdin && interactive.run) {
            interactive
              .run()
              .catch((err: unknown) => logger.error({ err: String(err) }, "console input failed"));
          }
        }
        if (config.schedule.enabled) {
          const source = createSource(config.source, {
            clock,
            logger,
            dbPath: engine.db.name,
            cwd: ctx.io.cwd,
          });
          scheduler = new Scheduler({
            engine,
            adapters,
            source,
            clock,
            logger,
            settings: { timezone: config.timezone, ...config.schedule },
          });
          scheduler.start();
        }
        logger.info(
          { adapters: adapters.map((a) => a.platform), scheduler: Boolean(scheduler), db: engine.db.name },
          "serving",
        );
        deps.onReady?.({ scheduler, adapters });
        const signal = await untilSignal(deps.signals ?? process);
        logger.info({ signal }, "stopping");
        return 0;
      } finally {
        const stopping = Promise.allSettled([scheduler?.stop(), ...adapters.map((a) => a.stop())]);
        if ((await within(config.shutdown.deadlineMs, stopping)) === "timeout") {
          logger.warn({ deadlineMs: config.shutdown.deadlineMs }, "shutdown deadline passed; closing anyway");
        }
        engine.close();
      }
    },
  };
}

export const serveCommand = createServeCommand();
