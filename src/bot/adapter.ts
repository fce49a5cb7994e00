/**
 * What every platform adapter is, as seen from the core and the scheduler: it can start and stop,
 * post replies into a channel outside a conversation (the daily roundup), and report its
 * connection state for /healthz. The console, Slack, Discord and test adapters implement it.
 */
import type { Platform } from "./context.js";
import type { Reply } from "./replies.js";

export interface ChannelTarget {
  platform: Platform;
  workspace: string;
  channel: string;
}

export type AdapterState = "starting" | "connected" | "disconnected" | "error" | "stopped";

export interface AdapterStatus {
  state: AdapterState;
  /** Why, when not connected (a revoked token, a missing permission…). Never a secret. */
  detail?: string;
}

export interface Adapter {
  readonly platform: Platform;
  start(): Promise<void>;
  /** Stops taking new events and closes connections; in-flight work is the caller's to await. */
  stop(): Promise<void>;
  /** Posts replies to a channel; returns the platform's ids of the messages posted. */
  post(target: ChannelTarget, replies: Reply[]): Promise<string[]>;
  status(): AdapterStatus;
}
