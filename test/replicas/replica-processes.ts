/**
 * Starts `paperboy serve` replicas as real processes on one PostgreSQL archive (the replica test
 * and bench:ops): Slack over HTTP (and Discord interactions over HTTP) on a loopback port each,
 * the platforms' APIs played by local stand-ins. Each replica's JSON log lines are read as they come (to learn its ports and to
 * wait on events such as "roundup posted"), never by sleeping.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { nodeArgs } from "../support/spawn.js";

const ENTRY = fileURLToPath(new URL("./serve-entry.ts", import.meta.url));
/** Longer than a command's answer takes here even on a loaded machine, short enough for a test. */
export const OWED_LEASE_MS = 5_000;

export interface LogLine {
  msg?: string;
  [key: string]: unknown;
}

export class Replica extends EventEmitter {
  readonly lines: LogLine[] = [];
  /** The last lines of stderr that were not log lines (a crash's message), for errors. */
  private other: string[] = [];
  base = "";
  ops = "";

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    super();
    // Both pipes are drained: a full pipe would block the replica.
    child.stdout?.resume();
    if (child.stderr)
      createInterface({ input: child.stderr }).on("line", (text) => {
        let line: LogLine;
        try {
          line = JSON.parse(text) as LogLine;
        } catch {
          this.other = [...this.other.slice(-20), text];
          return;
        }
        this.lines.push(line);
        this.emit("line", line);
      });
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** The first log line (already read or coming) that matches; rejects if the process ends first. */
  waitFor(match: (line: LogLine) => boolean, what: string, timeoutMs = 30_000): Promise<LogLine> {
    const found = this.lines.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onLine = (line: LogLine) => {
        if (match(line)) finish(null, line);
      };
      const onExit = (code: number | null, signal: string | null) =>
        finish(
          new Error(
            `replica ${this.name} ended (${code ?? signal}) before ${what}: ${[...this.lines.slice(-3).map((l) => JSON.stringify(l)), ...this.other].join("\n")}`,
          ),
        );
      const timer = setTimeout(
        () => finish(new Error(`replica ${this.name}: timed out waiting for ${what}`)),
        timeoutMs,
      );
      const finish = (err: Error | null, line?: LogLine) => {
        clearTimeout(timer);
        this.off("line", onLine);
        this.child.off("exit", onExit);
        if (err) reject(err);
        else resolve(line as LogLine);
      };
      this.on("line", onLine);
      this.child.once("exit", onExit);
    });
  }

  /** Ends the process at once (no shutdown) and waits for it to be gone. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGKILL");
    await gone;
  }

  /** SIGTERM: the graceful stop; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    const gone = new Promise<number | null>((resolve) => this.child.once("exit", (code) => resolve(code)));
    this.child.kill("SIGTERM");
    return gone;
  }
}

export interface ReplicaSetup {
  databaseUrl: string;
  signingSecret: string;
  /** The Slack stand-in's Web API base (SLACK_API_URL). */
  slackApiUrl: string;
  /** A folder of digests the scheduler's source reads (no network). */
  digests: string;
  /** Scheduler on (roundups) or off (bench: commands only). */
  schedule?: boolean;
  /** Discord interactions over HTTP, answered through this REST stand-in. */
  discord?: { apiUrl: string; applicationId: string; publicKeyHex: string };
}

/** Starts one replica and resolves once it serves (its "serving" log line names its ports). */
export async function startReplica(name: string, setup: ReplicaSetup): Promise<Replica> {
  // Its own folder: a replica keeps its own search index (caught up by revision).
  const dir = mkdtempSync(join(tmpdir(), `paperboy-replica-${name}-`));
  const config = join(dir, "paperboy.json");
  writeFileSync(
    config,
    JSON.stringify({
      // A dead replica's acked commands are answered by another after this lease (production 60 s).
      slack: { enabled: true, mode: "http", owedLeaseMs: OWED_LEASE_MS },
      ...(setup.discord ? { discord: { transport: "http" } } : {}),
      schedule: { enabled: setup.schedule ?? true },
      source: { kind: "folder", path: setup.digests, watch: false },
      logging: { level: "info" },
      // Load from 50 users at once is the point here, not the per-user limits.
      limits: {
        perUser: { capacity: 1000, refillPerMinute: 1000 },
        perChannel: { capacity: 1000, refillPerMinute: 1000 },
      },
    }),
  );
  const child = spawn(process.execPath, [...nodeArgs(ENTRY), "--config", config, "serve"], {
    env: {
      PAPERBOY_INDEX_DIR: join(dir, "index"),
      ...process.env,
      DATABASE_URL: setup.databaseUrl,
      SLACK_BOT_TOKEN: "xoxb-1-2-replicas",
      SLACK_SIGNING_SECRET: setup.signingSecret,
      SLACK_API_URL: setup.slackApiUrl,
      PORT: "0",
      OPS_PORT: "0",
      HOST: "127.0.0.1",
      PAPERBOY_LOG_LEVEL: "info",
      ...(setup.discord
        ? {
            DISCORD_TOKEN: "test-token.not-a-secret",
            DISCORD_APPLICATION_ID: setup.discord.applicationId,
            DISCORD_API_URL: setup.discord.apiUrl,
            DISCORD_PUBLIC_KEY: setup.discord.publicKeyHex,
          }
        : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const replica = new Replica(name, child);
  const serving = await replica.waitFor((l) => l.msg === "serving", "serving", 60_000);
  replica.base = `http://127.0.0.1:${serving.port}`;
  replica.ops = `http://${serving.ops}`;
  return replica;
}
