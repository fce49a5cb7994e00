/** `paperboy serve` in-process on a seeded archive, with injected signals (tests and bench:ops). */
import { EventEmitter } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../app/main.js";
import { createServeCommand } from "../../app/serve.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";

const DIGESTS = fileURLToPath(new URL("../fixtures/digests/", import.meta.url));

export interface RunningServe {
  run: Promise<number>;
  signals: EventEmitter;
  /** Stands in for the process's unhandledRejection / uncaughtException. */
  processEvents: EventEmitter;
  /** http://127.0.0.1:<port> of the public port: /slack/events (Slack HTTP mode), liveness /healthz. */
  base: string;
  /** http://127.0.0.1:<port> of the operations port: the detailed /healthz and /metrics. */
  ops: string;
  dir: string;
  /** Exit codes asked for (a second signal). */
  exits: number[];
  /** What serve wrote to stderr (its log lines when logs are on). */
  stderr: () => string;
  /** What serve wrote to stdout (the console adapter's answers). */
  stdout: () => string;
}

export async function startServe(options: {
  config: Record<string, unknown>;
  env: Record<string, string>;
  /** An archive to serve instead of a fresh seeded one. */
  db?: string;
  /** Standard input (the console adapter reads it while serving). */
  stdin?: NodeJS.ReadableStream;
  /** How often a standby replica tries the leader lock (default serve's 5 s). */
  leaderRetryMs?: number;
}): Promise<RunningServe> {
  const dir = mkdtempSync(join(tmpdir(), "paperboy-serve-"));
  const db = options.db ?? join(dir, "archive.db");
  if (!options.db) {
    const seed = Paperboy.open({ dbPath: db, logger: silentLogger() });
    seed.ingest([`${DIGESTS}daily-papers-aug-12.txt`], { date: "2025-08-12" });
    seed.close();
  }
  const config = join(dir, "paperboy.json");
  writeFileSync(config, JSON.stringify(options.config));
  const signals = new EventEmitter();
  const processEvents = new EventEmitter();
  const exits: number[] = [];
  let ready!: (ports: { port: number | null; opsPort: number }) => void;
  const readyP = new Promise<{ port: number | null; opsPort: number }>((r) => {
    ready = r;
  });
  let stderr = "";
  let stdout = "";
  const run = main(["--db", db, "--config", config, "serve"], {
    io: {
      stdout: (t) => {
        stdout += t;
      },
      ...(options.stdin ? { stdin: options.stdin } : {}),
      stderr: (t) => {
        stderr += t;
      },
      isTTY: false,
      env: { PORT: "0", OPS_PORT: "0", HOST: "127.0.0.1", ...options.env },
      cwd: dir,
    },
    clock: new ManualClock("2025-08-13T09:00:00Z"),
    logger: silentLogger(),
    commands: [
      createServeCommand({
        signals,
        processEvents,
        exit: (code) => exits.push(code),
        onReady: (r) => ready({ port: r.port, opsPort: r.opsPort }),
        ...(options.leaderRetryMs ? { leaderRetryMs: options.leaderRetryMs } : {}),
      }),
    ],
  });
  const { port, opsPort } = await Promise.race([
    readyP,
    run.then((code) => Promise.reject(new Error(`serve exited ${code}: ${stderr}`))),
  ]);
  return {
    run,
    signals,
    processEvents,
    base: `http://127.0.0.1:${port}`,
    ops: `http://127.0.0.1:${opsPort}`,
    dir,
    exits,
    stderr: () => stderr,
    stdout: () => stdout,
  };
}
