/**
 * `paperboy serve`: loads and checks the config, opens the archive, starts the adapters the config
 * enables and the roundup scheduler, and runs until SIGTERM or SIGINT, then stops everything once,
 * within `shutdown.deadlineMs`.
 */

import type { Server } from "node:http";
import { resolve } from "node:path";
import type { PlatformModule } from "../adapters/platform.js";
import type { Config } from "../config/schema.js";
import { archiveTarget, replicaIndexDir } from "../src/archive/db.js";
import type { Adapter } from "../src/bot/adapter.js";
import { Bot } from "../src/bot/bot.js";
import type { Command, CommandContext } from "../src/cli/command.js";
import { LATE, within } from "../src/deadline.js";
import { DEFAULTS } from "../src/defaults.js";
import { createSource } from "../src/fetch/create-source.js";
import { createLogger } from "../src/logger.js";
import { lastRoundupsFrom } from "../src/ops/health.js";
import { type OpsRoutes, opsCustomRoutes, startOpsServer } from "../src/ops/http-server.js";
import { Metrics } from "../src/ops/metrics.js";
import { Paperboy } from "../src/paperboy.js";
import { Scheduler } from "../src/scheduler/scheduler.js";
import { createAdapters } from "./adapters.js";
import { PLATFORMS, platformSecretKeys } from "./platforms.js";

/** What delivers stop signals: the process, or an emitter in tests. */
export interface SignalSource {
  on(signal: "SIGTERM" | "SIGINT", listener: () => void): unknown;
  off(signal: "SIGTERM" | "SIGINT", listener: () => void): unknown;
}

export interface ServeDeps {
  signals?: SignalSource;
  /** The platforms it may run; default every platform module. */
  platforms?: readonly PlatformModule[];
  /** Called once everything has started (tests wait on it instead of sleeping). */
  onReady?: (running: {
    scheduler: Scheduler | null;
    adapters: Adapter[];
    bot: Bot;
    metrics: Metrics;
    /** The port of /healthz and /metrics (shared with an adapter that listens over HTTP). */
    port: number | null;
  }) => void;
  /** Called when a second signal arrives during shutdown; default: exit at once. */
  exit?: (code: number) => void;
  /** Host the HTTP endpoints listen on; default all interfaces. */
  host?: string;
}

/** --db / PAPERBOY_DB / DATABASE_URL win; else the config's storage.db; else the CLI default. */
function databasePath(ctx: CommandContext, config: Config): string {
  const cliDefault = resolve(ctx.io.cwd, DEFAULTS.dbPath);
  if (ctx.dbPath !== cliDefault || !config.storage.db) return ctx.dbPath;
  return archiveTarget(ctx.io.cwd, config.storage.db);
}

/**
 * The first SIGTERM/SIGINT asks for a graceful stop; any later one means "now" (the operator has
 * stopped waiting). Listeners stay installed from start to finish so no signal is ever missed.
 */
function watchSignals(signals: SignalSource, exit: (code: number) => void) {
  let seen = 0;
  let requested!: (name: string) => void;
  const stop = new Promise<string>((resolve) => {
    requested = resolve;
  });
  const handler = (name: string) => () => {
    seen += 1;
    if (seen === 1) requested(name);
    else exit(130);
  };
  const onTerm = handler("SIGTERM");
  const onInt = handler("SIGINT");
  signals.on("SIGTERM", onTerm);
  signals.on("SIGINT", onInt);
  return {
    stop,
    dispose() {
      signals.off("SIGTERM", onTerm);
      signals.off("SIGINT", onInt);
    },
  };
}

export function createServeCommand(deps: ServeDeps = {}): Command {
  return {
    name: "serve",
    summary: "run the adapters and the daily roundup scheduler that the config enables",
    usage: "serve",
    args: { min: 0, max: 0 },
    async run(ctx) {
      const config = ctx.config();
      const platforms = deps.platforms ?? PLATFORMS;
      const { clock } = ctx;
      // The level first: pino children keep the level their parent had when they were made.
      if (ctx.logger.level !== "silent") ctx.logger.level = config.logging.level;
      const logger = ctx.logger.child({ component: "serve" });
      const engine = Paperboy.open({
        dbPath: databasePath(ctx, config),
        clock,
        logger,
        timeZone: config.timezone,
        indexDir: replicaIndexDir(ctx.io.cwd, ctx.io.env),
      });
      const adapters: Adapter[] = [];
      let scheduler: Scheduler | null = null;
      let opsServer: Server | null = null;
      let draining = false;
      const watcher = watchSignals(deps.signals ?? process, deps.exit ?? ((code) => process.exit(code)));
      const metrics = new Metrics({ papers: () => engine.papers.count() });
      // One JSON line per command for log collectors, whatever the log level.
      const audit =
        ctx.logger.level === "silent"
          ? ctx.logger
          : createLogger({
              level: "info",
              name: "paperboy-audit",
              secretKeys: platformSecretKeys(platforms),
            });
      const bot = new Bot(engine, {
        clock,
        logger,
        audit,
        onCommand: (e) => metrics.commandDone(e),
        rateLimits: { perUser: config.limits.perUser, perChannel: config.limits.perChannel },
        deadlineMs: config.limits.deadlineMs,
        defaultTime: config.schedule.defaultTime,
        defaultTimezone: config.schedule.defaultTimezone,
      });
      const ops: OpsRoutes = {
        metrics,
        health: {
          db: engine.db,
          adapters,
          lastRoundups: () => lastRoundupsFrom(engine.db),
          draining: () => draining,
        },
      };
      try {
        logger.info(engine.warmUp(), "indexes ready");
        adapters.push(
          ...(await createAdapters(config, platforms, {
            bot,
            clock,
            logger,
            io: ctx.io,
            metrics,
            port: config.http.port,
            routes: opsCustomRoutes(ops),
          })),
        );
        await Promise.all(adapters.map((a) => a.start()));
        // An adapter that listens over HTTP serves /healthz and /metrics on its own port.
        let port = adapters.map((a) => a.httpPort?.() ?? null).find((p) => p !== null) ?? null;
        if (port === null) {
          opsServer = await startOpsServer(ops, config.http.port, deps.host);
          port = (opsServer.address() as { port: number }).port;
        }
        // An interactive adapter also takes commands typed (or piped) while serving; EOF ends
        // its input, not serve.
        for (const a of adapters) {
          if (ctx.io.stdin && a.run) {
            a.run().catch((err: unknown) =>
              logger.error({ err: String(err), adapter: a.platform }, "interactive input failed"),
            );
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
          scheduler.on("posted", (e: { key: { platform: string } }) => metrics.post(e.key.platform, "sent"));
          scheduler.on("post-failed", (e: { key: { platform: string } }) =>
            metrics.post(e.key.platform, "failed"),
          );
          scheduler.on("gave-up", (e: { key: { platform: string } }) =>
            metrics.post(e.key.platform, "failed"),
          );
          scheduler.on("fetched", () => metrics.fetch("ok"));
          scheduler.on("not-published", () => metrics.fetch("not_published"));
          scheduler.on("fetch-failed", () => metrics.fetch("failed"));
          scheduler.start();
        }
        logger.info(
          {
            adapters: adapters.map((a) => a.platform),
            scheduler: Boolean(scheduler),
            db: engine.db.name,
            port,
          },
          "serving",
        );
        deps.onReady?.({ scheduler, adapters, bot, metrics, port });
        const signal = await watcher.stop;
        logger.info({ signal, inFlight: bot.pending() }, "stopping");
        return 0;
      } finally {
        // Stop taking new events, let what is in flight finish (up to the deadline), then close.
        draining = true;
        const stopping = (async () => {
          await Promise.allSettled(adapters.map((a) => a.stop()));
          await Promise.allSettled([scheduler?.stop(), bot.idle()]);
        })();
        // A stuck post must not hold shutdown forever.
        if ((await within(config.shutdown.deadlineMs, stopping)) === LATE) {
          logger.warn(
            { deadlineMs: config.shutdown.deadlineMs, inFlight: bot.pending() },
            "shutdown deadline passed; closing anyway",
          );
        }
        const server = opsServer as Server | null;
        if (server) {
          server.closeAllConnections();
          await new Promise<void>((done) => server.close(() => done()));
        }
        engine.close();
        watcher.dispose();
        logger.info("stopped");
      }
    },
  };
}

export const serveCommand = createServeCommand();
