/**
 * `paperboy serve`: loads and checks the config, opens the archive, starts the operations server,
 * the adapters the config enables and the roundup scheduler, and runs until SIGTERM or SIGINT,
 * then stops everything once, within `shutdown.deadlineMs`.
 *
 * A platform that rejects its token or cannot be reached never stops serve: its adapter reports it
 * in /healthz and the log (and tries again when that makes sense) while the others keep serving.
 * A start-up failure that leaves serve unable to do its job (the config, the archive, a port in
 * use) ends it at once with a non-zero status, so a supervisor notices and restarts it.
 */

import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { hostname } from "node:os";
import { resolve } from "node:path";
import type { PlatformModule } from "../adapters/platform.js";
import type { Config } from "../config/schema.js";
import { archiveTarget, isPostgresUrl, replicaIndexDir } from "../src/archive/db.js";
import { OwedAnswerStore } from "../src/archive/owed-answers.js";
import { archiveId } from "../src/archive/sql/migrate.js";
import type { Adapter } from "../src/bot/adapter.js";
import { Bot } from "../src/bot/bot.js";
import type { Command, CommandContext } from "../src/cli/command.js";
import { LATE, within } from "../src/deadline.js";
import { DEFAULTS } from "../src/defaults.js";
import { ErrorCode, PaperboyError } from "../src/errors.js";
import { createSource } from "../src/fetch/create-source.js";
import type { Logger } from "../src/logger.js";
import { createLogger } from "../src/logger.js";
import { lastRoundupsFrom } from "../src/ops/health.js";
import {
  type OpsRoutes,
  publicRoutes,
  serverPort,
  startOpsServer,
  startPublicServer,
} from "../src/ops/http-server.js";
import { gatewayLockName, LeaderLock, postgresLockSession } from "../src/ops/leader-lock.js";
import { Metrics } from "../src/ops/metrics.js";
import { Paperboy } from "../src/paperboy.js";
import { Scheduler } from "../src/scheduler/scheduler.js";
import { topicsInWorker } from "../src/topics/in-worker.js";
import { weeklyTrendsChart } from "../src/trends/chart.js";
import { createAdapters } from "./adapters.js";
import { PLATFORMS, platformSecretKeys } from "./platforms.js";
import { guardProcess, type ProcessEvents, UNSAFE_EXIT } from "./process-guards.js";

/** What delivers stop signals: the process, or an emitter in tests. */
export interface SignalSource {
  on(signal: "SIGTERM" | "SIGINT", listener: () => void): unknown;
  off(signal: "SIGTERM" | "SIGINT", listener: () => void): unknown;
}

export interface ServeDeps {
  signals?: SignalSource;
  /** Where unhandled rejections and uncaught exceptions are heard; default the process. */
  processEvents?: ProcessEvents;
  /** The platforms it may run; default every platform module. */
  platforms?: readonly PlatformModule[];
  /** Called once everything has started (tests wait on it instead of sleeping). */
  onReady?: (running: {
    scheduler: Scheduler | null;
    adapters: Adapter[];
    bot: Bot;
    metrics: Metrics;
    /** The public port (Slack's request URL and a liveness /healthz); null when no adapter listens. */
    port: number | null;
    /** The operations port: the detailed /healthz and /metrics. */
    opsPort: number;
  }) => void;
  /**
   * Ends the process: at once on a second signal during shutdown, and, when serve has stopped
   * but something (a library's socket or timer) still holds the process open, after `lingerMs`.
   * Default process.exit; tests pass their own (and then no linger watchdog is set).
   */
  exit?: (code: number) => void;
  /** How long a stopped serve may linger before it is ended; default 3 s. */
  lingerMs?: number;
  /**
   * The scheduler's timing: how often it ticks and when a claim is taken for a dead replica's.
   * Default every minute and 15 minutes; the replica tests tick each second with a short lease,
   * so a takeover happens within a test's time.
   */
  scheduler?: { tickPattern?: string; leaseMs?: number };
  /** How often a standby replica tries the leader lock; default 5 s (tests: less). */
  leaderRetryMs?: number;
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
 * `request` asks for a stop from inside (an uncaught exception), with its exit status.
 */
function watchSignals(signals: SignalSource, exit: (code: number) => void) {
  let seen = 0;
  let requested!: (why: { reason: string; code: number }) => void;
  const stop = new Promise<{ reason: string; code: number }>((resolve) => {
    requested = resolve;
  });
  const request = (reason: string, code: number) => {
    seen += 1;
    if (seen === 1) requested({ reason, code });
    else exit(130);
  };
  const onTerm = () => request("SIGTERM", 0);
  const onInt = () => request("SIGINT", 0);
  signals.on("SIGTERM", onTerm);
  signals.on("SIGINT", onInt);
  return {
    stop,
    request,
    dispose() {
      signals.off("SIGTERM", onTerm);
      signals.off("SIGINT", onInt);
    },
  };
}

/** The operations server, or a start-up error that says which port and how to fix it. */
async function listenOps(ops: OpsRoutes, config: Config): Promise<Server> {
  try {
    return await startOpsServer(ops, config.http.opsPort, config.http.opsHost);
  } catch (err) {
    throw new PaperboyError(
      ErrorCode.ConfigInvalid,
      `cannot serve /healthz and /metrics on ${config.http.opsHost}:${config.http.opsPort} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); is another paperboy serve running? Set OPS_PORT (or http.opsPort) to a free port`,
      { key: "http.opsPort" },
      { cause: err },
    );
  }
}

/**
 * Routes adapters receive on the public port (a platform's signed HTTP requests): handed to the
 * adapter that owns the port (one receiving over HTTP itself), or served by serve itself on `http.port`, beside
 * the liveness /healthz. Null when serve needs no server of its own.
 */
async function servePublicRoutes(
  adapters: readonly Adapter[],
  ops: OpsRoutes,
  config: Config,
): Promise<Server | null> {
  const routes = adapters.flatMap((a) => a.routes?.() ?? []);
  if (routes.length === 0) return null;
  if (adapters.some((a) => a.serveRoutes?.(routes))) return null;
  try {
    return await startPublicServer(
      [...publicRoutes(ops.health), ...routes],
      config.http.port,
      config.http.host,
    );
  } catch (err) {
    throw new PaperboyError(
      ErrorCode.ConfigInvalid,
      `cannot serve ${routes.map((r) => r.path).join(", ")} on port ${config.http.port} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); free the port or set PORT (or http.port). An adapter on a socket transport that also listens there cannot share it: run the other platform without HTTP`,
      { key: "http.port" },
      { cause: err },
    );
  }
}

/**
 * Connects what only the leader may hold when this replica leads, and closes it when it stops
 * leading; the lock's first try is awaited (on SQLite it leads at once).
 */
async function followLeader(leader: LeaderLock, adapters: readonly Adapter[], logger: Logger): Promise<void> {
  const gated = adapters.filter((a) => a.lead);
  if (gated.length === 0) return;
  const tell = (leading: boolean) =>
    Promise.allSettled(gated.map((a) => a.lead?.(leading))).then((results) => {
      for (const r of results)
        if (r.status === "rejected")
          logger.error({ reason: String(r.reason), leading }, "an adapter failed to follow the leader lock");
    });
  // The first answer is awaited, so serve reports ready with the gateway connected on the leader.
  let pending: Promise<void> = Promise.resolve();
  leader.on("lead", () => {
    pending = tell(true);
  });
  leader.on("lost", () => {
    pending = tell(false);
  });
  await leader.start();
  await pending;
}

/** Milliseconds left until `end` (performance.now time), never negative. */
function left(end: number): number {
  return Math.max(0, end - performance.now());
}

/**
 * The graceful stop: no new events (adapters paused), the work in flight (commands, their
 * deliveries and thread bindings, roundup posts) given until the deadline, then the connections
 * closed. The archive is closed only when nothing is still writing to it; otherwise it is left to
 * the process's exit (SQLite's WAL keeps it consistent), never closed under a delivery.
 */
async function shutdown(
  o: {
    adapters: readonly Adapter[];
    scheduler: Scheduler | null;
    bot: Bot;
    engine: Paperboy;
    /** The operations server and serve's own public server, when started. */
    servers: (Server | null)[];
    deadlineMs: number;
  },
  logger: Logger,
): Promise<void> {
  const end = performance.now() + o.deadlineMs;
  let schedulerIdle = o.scheduler === null;
  await within(left(end), Promise.allSettled(o.adapters.map((a) => a.pause?.())));
  const drained = await within(
    left(end),
    Promise.allSettled([
      o.scheduler?.stop().then(() => {
        schedulerIdle = true;
      }),
      o.bot.idle(),
    ]),
  );
  if (drained === LATE) {
    logger.warn(
      { deadlineMs: o.deadlineMs, inFlight: o.bot.pending(), schedulerIdle },
      "shutdown deadline passed with work in flight; closing anyway",
    );
  }
  // Adapters whose stop hangs (a slow platform) do not hold the process past the deadline.
  await within(Math.max(left(end), 100), Promise.allSettled(o.adapters.map((a) => a.stop())));
  for (const server of o.servers) {
    if (!server) continue;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
  if (o.bot.pending() === 0 && schedulerIdle) o.engine.close();
  else
    logger.warn(
      { inFlight: o.bot.pending(), schedulerIdle },
      "the archive stays open for the work still in flight; the process ends now",
    );
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
      const exit = deps.exit ?? ((code: number) => process.exit(code));
      const dbTarget = databasePath(ctx, config);
      const engine = Paperboy.open({
        dbPath: dbTarget,
        clock,
        logger,
        timeZone: config.timezone,
        indexDir: replicaIndexDir(ctx.io.cwd, ctx.io.env),
        secretKey: config.secretKey,
        // A roundup's topics are grouped in a worker thread with a memory limit: a large day
        // never freezes the other users' commands.
        topics: topicsInWorker(),
      });
      // Names this replica in its claims (deliveries, scheduled_posts, owed_answers), so an
      // operator reading a stuck claim knows which host and process holds it (and two serves in
      // one process still differ).
      const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 4)}`;
      const adapters: Adapter[] = [];
      let scheduler: Scheduler | null = null;
      let opsServer: Server | null = null;
      let publicServer: Server | null = null;
      // One replica holds what only one may (the Discord gateway): the holder of a PostgreSQL
      // advisory lock; on SQLite, this process.
      const leader = new LeaderLock({
        connect: isPostgresUrl(dbTarget)
          ? postgresLockSession(dbTarget, gatewayLockName(archiveId(engine.db) ?? engine.db.name))
          : null,
        logger,
        ...(deps.leaderRetryMs ? { retryMs: deps.leaderRetryMs } : {}),
      });
      let draining = false;
      const watcher = watchSignals(deps.signals ?? process, exit);
      const metrics = new Metrics({ papers: () => engine.papers.count() });
      const unguard = guardProcess(deps.processEvents ?? process, {
        logger,
        onRejection: () => metrics.unhandledRejection(),
        onUnsafe: () => watcher.request("uncaughtException", UNSAFE_EXIT),
      });
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
          leader: () => leader.describe() ?? undefined,
        },
      };
      try {
        // First, so /healthz answers (and says what is starting) while the rest starts.
        opsServer = await listenOps(ops, config);
        const opsPort = serverPort(opsServer);
        logger.info(engine.warmUp(), "indexes ready");
        adapters.push(
          ...(await createAdapters(config, platforms, {
            bot,
            // Answers owed to acked commands, in the archive: another replica (or this one after a
            // restart) answers what a dead process acked and did not answer.
            owed: { store: engine.store(OwedAnswerStore), by: instanceId },
            clock,
            logger,
            io: ctx.io,
            metrics,
            port: config.http.port,
            ...(config.http.host ? { host: config.http.host } : {}),
            routes: publicRoutes(ops.health),
            leaderLock: true,
          })),
        );
        publicServer = await servePublicRoutes(adapters, ops, config);
        // A platform's failure is its adapter's status, not an exception; only local failures
        // (a port in use) reject here, and they end serve.
        await Promise.all(adapters.map((a) => a.start()));
        await followLeader(leader, adapters, logger);
        const port = publicServer
          ? serverPort(publicServer)
          : (adapters.map((a) => a.httpPort?.() ?? null).find((p) => p !== null) ?? null);
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
            ...deps.scheduler,
            instanceId,
            engine,
            adapters,
            source,
            clock,
            logger,
            settings: { timezone: config.timezone, ...config.schedule },
            // The weekly digest's picture: the archive's topics over the last weeks (src/trends).
            weeklyChart: weeklyTrendsChart(engine),
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
            adapters: Object.fromEntries(
              adapters.map((a) => {
                const s = a.status();
                return [a.platform, s.detail ? `${s.state}: ${s.detail}` : s.state];
              }),
            ),
            scheduler: Boolean(scheduler),
            db: engine.db.name,
            port,
            ops: `${config.http.opsHost}:${opsPort}`,
          },
          "serving",
        );
        deps.onReady?.({ scheduler, adapters, bot, metrics, port, opsPort });
        const stop = await watcher.stop;
        logger.info({ reason: stop.reason, inFlight: bot.pending() }, "stopping");
        return stop.code;
      } finally {
        draining = true;
        // The lock goes first: a standby takes the gateway over while this one drains.
        await leader.stop();
        await shutdown(
          {
            adapters,
            scheduler,
            bot,
            engine,
            servers: [opsServer, publicServer],
            deadlineMs: config.shutdown.deadlineMs,
          },
          logger,
        );
        unguard();
        watcher.dispose();
        logger.info("stopped");
        if (!deps.exit) {
          // Everything is closed; if a library still holds the process open, end it anyway.
          setTimeout(() => {
            logger.warn("still running after serve stopped; exiting");
            exit(typeof process.exitCode === "number" ? process.exitCode : 1);
          }, deps.lingerMs ?? 3000).unref();
        }
      }
    },
  };
}

export const serveCommand = createServeCommand();
