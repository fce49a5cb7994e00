/**
 * One gateway connection: a discord.js Client of its own, logged in once and destroyed once.
 *
 * Why a fresh Client for every connection: discord.js treats `destroy()` as the end of a client.
 * Its WebSocketManager sets `destroyed` and never clears it, so on a client logged in again every
 * later `destroy()` returns without closing the new socket, `isReady()` stays false, and READY is
 * not announced again (the manager still says Ready from the first login). A replica that lost
 * the gateway lock and took it back therefore waited out the READY timeout and, stopped or
 * stepping down, left its socket open: two replicas on the gateway, every thread answer twice.
 *
 * Why close waits for a login in flight: destroyed while its socket is still opening (the
 * WebSocket handshake), @discordjs/ws drops its handlers without closing it, and the socket opens
 * afterwards with nobody to close it; destroyed before the shards spawn, the login goes on and
 * connects anyway. Once the login settles (READY, or failed) destroy closes what it opened. The
 * session is marked closed at once, so its events are ignored while it waits.
 */
import { once } from "node:events";
import { type Client, Events } from "discord.js";
import { LATE, within } from "../../src/deadline.js";

export class GatewaySession {
  /** Set by close(): what this client still receives is ignored. */
  private isClosed = false;
  /** The login and READY, settled either way (never rejects); resolved before open(). */
  private settled: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | null = null;
  /** When a login in flight stops being waited for (performance.now time). */
  private giveUpAt = 0;

  constructor(
    readonly client: Client,
    /** How long a login may take to say READY; close() waits no longer for one in flight. */
    private readonly readyTimeoutMs: number,
  ) {}

  get closed(): boolean {
    return this.isClosed;
  }

  /**
   * Logs in and waits for READY. Rejects with what login threw, or when READY did not come within
   * the timeout; the caller then close()s the session (a client is never logged in twice).
   */
  async open(token: string): Promise<void> {
    // A fresh client: READY has not been announced yet, so listening now misses nothing.
    const ready = once(this.client, Events.ClientReady);
    const attempt = this.client.login(token).then(() => ready);
    ready.catch(() => {});
    this.settled = attempt.catch(() => {});
    this.giveUpAt = performance.now() + this.readyTimeoutMs;
    if ((await within(this.readyTimeoutMs, attempt)) === LATE)
      throw new Error(`the gateway sent no READY within ${this.readyTimeoutMs / 1000} s`);
  }

  /**
   * Closes the connection (idempotent): ignores its events from now on, lets a login in flight
   * settle (up to what is left of its READY timeout) and destroys the client.
   */
  close(): Promise<void> {
    this.isClosed = true;
    this.closing ??= (async () => {
      await within(Math.max(0, this.giveUpAt - performance.now()), this.settled);
      await this.client.destroy().catch(() => {});
    })();
    return this.closing;
  }
}
