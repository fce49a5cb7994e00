/**
 * A local stand-in for Discord's gateway (WebSocket, JSON, no compression), enough for a real
 * discord.js client: HELLO, IDENTIFY → READY + one GUILD_CREATE per guild, heartbeat ACKs, RESUME
 * with replay of missed events, dispatches, and a server-side disconnect. Loopback only.
 */
import { EventEmitter } from "node:events";
import type { Server } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";

export const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Hello: 10, HeartbeatAck: 11 } as const;

export interface GatewayIdentity {
  botUser: Record<string, unknown>;
  applicationId: string;
  guilds: () => Record<string, unknown>[];
}

interface Sent {
  s: number;
  t: string;
  d: unknown;
}

/** Missed events kept for a resume; bounded like Discord's own buffer. */
const REPLAY_MAX = 1000;
const HEARTBEAT_MS = 45_000;

export class GatewayStandIn extends EventEmitter {
  readonly received: { op: number; d: any }[] = [];
  private readonly wss: WebSocketServer;
  private socket: WebSocket | null = null;
  private seq = 0;
  private readonly buffer: Sent[] = [];
  private sessionId = "session-1";
  private sessions = 0;
  /** Handshakes waiting for release (holdHandshakes); null when they complete at once. */
  private held: (() => void)[] | null = null;
  url = "";

  constructor(
    server: Server,
    private readonly identity: GatewayIdentity,
  ) {
    super();
    this.wss = new WebSocketServer({
      server,
      path: "/gateway",
      maxPayload: 1 << 20,
      // A held handshake keeps the client's socket CONNECTING (a slow network) until released.
      verifyClient: (_info, done) => {
        if (!this.held) return done(true);
        this.held.push(() => done(true));
        this.emit("held");
      },
    });
    this.wss.on("connection", (ws) => {
      ws.on("close", () => this.emit("closed"));
      this.onConnection(ws);
    });
  }

  /**
   * Holds every new connection's WebSocket handshake (the client's socket stays CONNECTING; "held"
   * is emitted for each) until the returned function is called, which completes them all.
   */
  holdHandshakes(): () => void {
    this.held = [];
    return () => {
      const waiting = this.held ?? [];
      this.held = null;
      for (const complete of waiting) complete();
    };
  }

  private send(ws: WebSocket, payload: object): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  private onConnection(ws: WebSocket): void {
    this.socket = ws;
    this.send(ws, { op: Op.Hello, d: { heartbeat_interval: HEARTBEAT_MS } });
    ws.on("message", (raw) => {
      let payload: { op: number; d: any };
      try {
        payload = JSON.parse(String(raw));
      } catch {
        ws.close(4002, "Decode error");
        return;
      }
      this.received.push(payload);
      this.emit("op", payload);
      if (payload.op === Op.Heartbeat) this.send(ws, { op: Op.HeartbeatAck });
      else if (payload.op === Op.Identify) this.identify(ws);
      else if (payload.op === Op.Resume) this.resume(ws, payload.d);
    });
  }

  private identify(ws: WebSocket): void {
    this.sessions += 1;
    this.sessionId = `session-${this.sessions}`;
    this.buffer.length = 0;
    const guilds = this.identity.guilds();
    this.dispatchTo(ws, "READY", {
      v: 10,
      user: this.identity.botUser,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: this.sessionId,
      resume_gateway_url: this.url,
      shard: [0, 1],
      application: { id: this.identity.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
    });
    for (const g of guilds) this.dispatchTo(ws, "GUILD_CREATE", g);
  }

  private resume(ws: WebSocket, d: { session_id: string; seq: number }): void {
    if (d.session_id !== this.sessionId) {
      this.send(ws, { op: 9, d: false });
      return;
    }
    for (const e of this.buffer.filter((b) => b.s > d.seq)) this.send(ws, { op: Op.Dispatch, ...e });
    this.dispatchTo(ws, "RESUMED", {});
    this.emit("resumed");
  }

  private dispatchTo(ws: WebSocket | null, t: string, d: unknown): void {
    const e: Sent = { s: ++this.seq, t, d };
    this.buffer.push(e);
    if (this.buffer.length > REPLAY_MAX) this.buffer.shift();
    if (ws) this.send(ws, { op: Op.Dispatch, ...e });
  }

  /** Sends an event to the connected client (buffered for a resume when it is away). */
  dispatch(t: string, d: unknown): void {
    this.dispatchTo(this.socket, t, d);
  }

  /** Drops the connection from Discord's side, as a gateway restart does (4000: resume). */
  disconnect(code = 4000): void {
    const ws = this.socket;
    this.socket = null;
    ws?.close(code, "stand-in disconnect");
  }

  /** Gateway connections open now (a replica that holds the gateway has one). */
  openConnections(): number {
    return this.wss.clients.size;
  }

  ops(op: number): { op: number; d: any }[] {
    return this.received.filter((r) => r.op === op);
  }

  close(): void {
    for (const c of this.wss.clients) c.terminate();
    this.wss.close();
  }
}
