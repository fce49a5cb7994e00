/**
 * What every platform adapter is, as seen from the core and the scheduler: it can start and stop,
 * post replies into a channel outside a conversation (the daily roundup), and report its
 * connection state for /healthz. Each platform module's adapter implements it, as does the test
 * adapter; the optional members are capabilities only some platforms have.
 */
import type { HttpRoute } from "../ops/http-server.js";
import type { Reply } from "./replies.js";

export interface ChannelTarget {
  /** The platform's name, as its module declares it. */
  platform: string;
  workspace: string;
  channel: string;
  /**
   * What this post is, the same on every try of it (a scheduled post's claim, a reminder's): a
   * platform that deduplicates creates by a key (Discord's message nonce) sends it, so a try whose
   * answer was lost does not post the message twice. Absent: the post is keyed by its call.
   */
  key?: string;
}

/**
 * One delivery (a channel's roundup of a day) marked on the platform itself, in every message it
 * is posted as (Slack message metadata, a Discord embed footer): a process that takes over the
 * claim of one that died mid-post looks in the channel's history and posts only what is missing.
 */
export interface DeliveryMark {
  /** Unique per delivery, e.g. "slack:C123:2026-02-02". */
  id: string;
  /** Where a platform shows the mark to readers: "roundup 2026-02-02". */
  label: string;
  /** No message of this delivery is older (its due time): the history is read from here. */
  since: Date;
  /** Read the history first and post only the parts not found there (a claim taken over). */
  resume: boolean;
}

export type AdapterState = "starting" | "connected" | "disconnected" | "error" | "stopped";

export interface AdapterStatus {
  state: AdapterState;
  /** Why, when not connected (a revoked token, a missing permission…). Never a secret. */
  detail?: string;
}

export interface Adapter {
  readonly platform: string;
  start(): Promise<void>;
  /**
   * Stops taking new events but keeps what posts open, so replies in flight still go out. A
   * graceful stop pauses every adapter, waits for the work in flight (within its deadline), then
   * stops them. Optional: without it, `stop` is the only step.
   */
  pause?(): Promise<void>;
  /** Stops taking new events and closes connections; in-flight work is the caller's to await. */
  stop(): Promise<void>;
  /**
   * Posts replies to a channel; returns the platform's ids of the messages (those found already
   * posted included, when `mark.resume`). A platform without history ignores `mark`.
   */
  post(target: ChannelTarget, replies: Reply[], mark?: DeliveryMark): Promise<string[]>;
  status(): AdapterStatus;
  /**
   * An adapter that receives over HTTP serves the process's routes (/healthz, /metrics) on its own
   * port: that port once listening; null when it does not listen (e.g. a WebSocket transport).
   */
  httpPort?(): number | null;
  /**
   * Routes this adapter receives on the process's public port (a platform's signed HTTP
   * requests). serve hands them to the adapter that listens there (`serveRoutes`), or listens itself.
   */
  routes?(): HttpRoute[];
  /**
   * A connection only one replica may hold (Discord's gateway). serve calls lead(true) when this
   * replica holds the leader lock (always, on SQLite) and lead(false) when it lost it; until then
   * the adapter stands by without that connection.
   */
  lead?(leading: boolean): Promise<void>;
  /** An adapter that owns the public port serves other adapters' routes; false when it cannot. */
  serveRoutes?(routes: readonly HttpRoute[]): boolean;
  /** An interactive adapter reads commands from its input until it ends (the console). */
  run?(): Promise<void>;
}
