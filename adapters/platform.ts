/**
 * What a platform module is: everything paperboy knows of one chat platform, exported by
 * `adapters/<platform>/platform.ts`. The config reads its section and secrets, `doctor` its
 * checks, the logger its secret settings, the CLI its commands, and `serve` starts its adapter.
 * The composition root lists the modules once (app/platforms.ts); nothing else names a platform.
 */
import type { PlatformConfig, PlatformSettings } from "../config/platform.js";
import type { Adapter } from "../src/bot/adapter.js";
import type { Bot } from "../src/bot/bot.js";
import type { Command } from "../src/cli/command.js";
import type { CliIO } from "../src/cli/io.js";
import type { Clock } from "../src/clock.js";
import type { Logger } from "../src/logger.js";
import type { HttpRoute } from "../src/ops/http-server.js";
import type { Metrics } from "../src/ops/metrics.js";

/** One result of `paperboy doctor`: what was checked, whether it is fine, and the fix when not. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

/** An HTTP route an adapter that listens on a port serves beside its own (/healthz, /metrics). */
export type { HttpRoute } from "../src/ops/http-server.js";

/**
 * The archive's record of answers owed to acked requests (src/archive/owed-answers.ts implements
 * it; serve passes it in, so an adapter never touches the database itself).
 */
export interface OwedAnswers {
  /** True when first; false for a request already owed (a repeat). */
  owe(id: string, platform: string, payload: unknown, by: string, now: Date): boolean;
  /** Nobody answers it again; with `by`, only while `by` holds the claim. */
  settle(id: string, now: Date, by?: string): void;
  /** Marks a numbered part of the answer as being posted; false when `by` lost the claim. */
  sending(id: string, part: number, by: string): boolean;
  /** Marks a part (and all before it) posted; false when `by` lost the claim. */
  sent(id: string, part: number, by: string): boolean;
  /**
   * Owed answers whose claim is past its lease, now claimed by `by` (each by one claimant), with
   * how far they got: parts known sent, and the part left sending (posted or not) if any.
   */
  claimStale(
    by: string,
    now: Date,
    leaseMs: number,
    maxAgeMs: number,
  ): { id: string; payload: unknown; attempts: number; sentParts: number; sendingPart: number | null }[];
  /** Deletes rows older than `maxAgeMs`; returns the unsettled ones (given up on). */
  prune(now: Date, maxAgeMs: number): { id: string; attempts: number }[];
}

/** What `serve` gives a platform's factory. */
export interface AdapterDeps {
  bot: Bot;
  clock: Clock;
  logger: Logger;
  io: CliIO;
  metrics?: Metrics;
  /** The public HTTP port of the process (`http.port`, `PORT`). */
  port: number;
  /** The interface to listen on (`http.host`, `HOST`); default all. */
  host?: string;
  /** Routes to serve on that port when the adapter listens on it itself (the liveness /healthz). */
  routes: HttpRoute[];
  /** serve runs a leader lock: a connection only one replica may hold waits for `lead(true)`. */
  leaderLock?: boolean;
  /** Durable owed answers and this replica's claimant name; absent, answers are not recovered. */
  owed?: { store: OwedAnswers; by: string };
}

/** What `doctor --verify` asks a platform with: the network, with a timeout per call. */
export interface VerifyDeps {
  fetch: typeof fetch;
  timeoutMs: number;
}

/** Why a call to a platform got no answer: a network error named as one, or a timeout. */
export function networkReason(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `no answer within ${timeoutMs} ms`;
  // fetch says only "fetch failed"; its cause names what happened (ECONNREFUSED, ENOTFOUND…).
  return `network error: ${e.cause?.code ?? e.cause?.message ?? e.message ?? "unknown"}`;
}

export interface PlatformModule<S extends PlatformSettings = PlatformSettings> extends PlatformConfig<S> {
  /**
   * What `doctor` reports for it when enabled (its settings were complete enough to load): each
   * secret's shape, offline. Unless `verifying`, a token it cannot judge is "not verified".
   */
  doctor(settings: S, verifying?: boolean): Check[];
  /** `doctor --verify`: asks the platform itself whether the tokens are good. */
  verify?(settings: S, net: VerifyDeps): Promise<Check[]>;
  /** Its adapter; the platform's SDK is imported here, only when it is enabled. */
  create(settings: S, deps: AdapterDeps): Promise<Adapter>;
  /** CLI commands it adds (the console's `chat`, Discord's `discord register`). */
  readonly commands?: readonly Command[];
}

/** Types a module's functions by its settings; what the list of modules holds. */
export function platformModule<S extends PlatformSettings>(module: PlatformModule<S>): PlatformModule {
  return module as unknown as PlatformModule;
}
