/**
 * A local Discord for tests: the REST API (the routes paperboy's adapter and discord.js use) and
 * the gateway, on one loopback port. Records every REST call so tests assert on what the bot did;
 * can answer a call with a failure once (a 429, a 403). Bounded: bodies ≤ 1 MB, waits time out.
 */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { GatewayStandIn } from "./discord-gateway.js";

export const IDS = {
  app: "1100000000000000001",
  bot: "1100000000000000002",
  guild: "1100000000000000003",
  channel: "1100000000000000004",
  user: "1100000000000000005",
  command: "1100000000000000006",
} as const;

export interface RestCall {
  method: string;
  /** The route after /api/v10, e.g. "/interactions/123/tok/callback". */
  path: string;
  query: URLSearchParams;
  body: any;
  /** The status answered; 0 when the connection was reset instead (loseAnswerNext). */
  status: number;
  /** Files of a multipart request (attachments), as discord.js sends them. */
  files?: { name: string; content: string; bytes: Buffer }[];
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Every matching call fails (a revoked token), not just the next. */
  always?: boolean;
}

/** A call Discord carries out whose answer never reaches the client: a 5xx instead, or a reset connection. */
interface LostAnswer {
  method: string;
  path: RegExp;
  how: number | "reset";
}

const BODY_MAX = 1 << 20;
/**
 * How long Discord remembers a message's nonce for enforce_nonce ("the past few minutes": the
 * exact span is not documented; five minutes here, and tests never rely on the edge).
 */
export const NONCE_WINDOW_MS = 5 * 60 * 1000;
const WAIT_MS = 5000;

export class DiscordStandIn extends EventEmitter {
  readonly calls: RestCall[] = [];
  readonly messages = new Map<string, any>();
  readonly threads = new Map<string, any>();
  /** Registered commands per scope ("global" or a guild id), as Discord stores them. */
  readonly commands = new Map<string, any[]>();
  readonly gateway: GatewayStandIn;
  readonly botUser = {
    id: IDS.bot,
    username: "paperboy",
    discriminator: "0",
    global_name: null,
    avatar: null,
    bot: true,
  };
  private readonly failures: Failure[] = [];
  private readonly lostAnswers: LostAnswer[] = [];
  private readonly originals = new Map<string, string>();
  private readonly tokenChannels = new Map<string, string>();
  /** The interaction each token belongs to: messages sent for it carry its id (interaction_metadata). */
  private readonly tokenInteractions = new Map<string, string>();
  private nextId = 1200000000000000000n;
  apiUrl = "";

  private constructor(private readonly server: Server) {
    super();
    this.gateway = new GatewayStandIn(server, {
      botUser: this.botUser,
      applicationId: IDS.app,
      guilds: () => [this.guild()],
    });
  }

  /** Listens on `port` (default: any free one). */
  static async start(listenOn = 0): Promise<DiscordStandIn> {
    const server = createServer();
    const d = new DiscordStandIn(server);
    server.on("request", (req, res) => void d.onRequest(req, res));
    await new Promise<void>((resolve) => server.listen(listenOn, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    d.apiUrl = `http://127.0.0.1:${port}/api`;
    d.gateway.url = `ws://127.0.0.1:${port}/gateway`;
    return d;
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The time new ids are made from (a test's manual clock); default a fixed sequence from 2024. */
  nowMs: (() => number) | null = null;

  id(): string {
    this.nextId += 1n;
    if (!this.nowMs) return this.nextId.toString();
    // A snowflake: milliseconds since Discord's epoch (2015) above 22 bits of sequence.
    return (((BigInt(this.nowMs()) - 1420070400000n) << 22n) | (this.nextId & 0x3fffffn)).toString();
  }

  channel(): Record<string, unknown> {
    return {
      id: IDS.channel,
      type: 0,
      guild_id: IDS.guild,
      name: "papers",
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      default_auto_archive_duration: 1440,
    };
  }

  guild(): Record<string, unknown> {
    return {
      id: IDS.guild,
      name: "Lab",
      icon: null,
      owner_id: IDS.user,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: IDS.guild,
          name: "@everyone",
          permissions: "0",
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_flags: 0,
      premium_tier: 0,
      preferred_locale: "en-US",
      nsfw_level: 0,
      joined_at: "2025-01-01T00:00:00.000Z",
      large: false,
      unavailable: false,
      member_count: 2,
      members: [],
      channels: [this.channel()],
      threads: [...this.threads.values()],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }

  /** The next call matching method and path fails with this status and body (once). */
  failNext(
    method: string,
    path: RegExp,
    status: number,
    body: unknown,
    headers?: Record<string, string>,
  ): void {
    this.failures.push({ method, path, status, body, ...(headers ? { headers } : {}) });
  }

  /**
   * The next call matching method and path is carried out (a message is stored) but its answer is
   * lost: a 5xx `how` is sent instead, or the connection is reset ("reset"). discord.js retries both.
   */
  loseAnswerNext(method: string, path: RegExp, how: number | "reset"): void {
    this.lostAnswers.push({ method, path, how });
  }

  /** Every call matching method and path fails with this status and body, until the end. */
  failAlways(method: string, path: RegExp, status: number, body: unknown): void {
    this.failures.push({ method, path, status, body, always: true });
  }

  /**
   * Discord made an interaction (the payload builders of test/support/discord-payloads.ts say so):
   * its token answers in its channel, and what is sent on it carries its id.
   */
  madeInteraction(payload: { id?: string; token: string; channel_id: string }): void {
    this.tokenChannels.set(payload.token, payload.channel_id);
    if (payload.id) this.tokenInteractions.set(payload.token, payload.id);
  }

  /** Sends an interaction through the gateway, remembering which channel its token answers in. */
  interact(payload: { id?: string; token: string; channel_id: string }): void {
    this.madeInteraction(payload);
    this.gateway.dispatch("INTERACTION_CREATE", payload);
  }

  /**
   * What Discord does with paperboy's HTTP response to an interaction (the Interactions Endpoint
   * URL): a message (type 4) or a deferred "thinking…" one (type 5) becomes the interaction's
   * original message, which the webhook routes then edit and follow up on.
   */
  answeredOverHttp(
    payload: { id?: string; token: string; channel_id: string },
    response: { type?: number; data?: any },
  ): void {
    this.madeInteraction(payload);
    if (response?.type !== 4 && response?.type !== 5) return;
    // A follow-up that reached the stand-in before the test reported the response made it already.
    const made = this.messages.get(this.originals.get(payload.token) ?? "");
    if (made) {
      Object.assign(made, response.type === 4 ? response.data : {});
      return;
    }
    const msg = this.message(
      payload.channel_id,
      response.type === 4 ? response.data : {},
      undefined,
      this.interactionMetadata(payload.token, false),
    );
    this.originals.set(payload.token, msg.id);
  }

  /** Discord had the interaction's response before any follow-up: over HTTP the test may report it later. */
  private originalFor(token: string): void {
    if (!this.tokenInteractions.has(token) || this.originals.has(token)) return;
    const channel = this.tokenChannels.get(token) ?? IDS.channel;
    this.originals.set(
      token,
      this.message(channel, {}, undefined, this.interactionMetadata(token, false)).id,
    );
  }

  /**
   * A message's `interaction_metadata` as Discord documents it for a message sent for an
   * interaction: the interaction's id, and on a follow-up the original response's id. Null when
   * the token's interaction is not known.
   */
  private interactionMetadata(token: string, followUp: boolean): Record<string, unknown> | undefined {
    const id = this.tokenInteractions.get(token);
    if (!id) return undefined;
    const original = followUp ? this.originals.get(token) : undefined;
    return {
      id,
      type: 2,
      user: { id: IDS.user, username: "user005", discriminator: "0", global_name: null, avatar: null },
      authorizing_integration_owners: { "0": IDS.guild },
      ...(original ? { original_response_message_id: original } : {}),
    };
  }

  /** The first recorded call (past or future) that matches; rejects after a bounded wait. */
  waitFor(match: (c: RestCall) => boolean, what = "a REST call", timeoutMs = WAIT_MS): Promise<RestCall> {
    const done = this.calls.find(match);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off("call", onCall);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; calls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(", ")}`,
          ),
        );
      }, timeoutMs);
      const onCall = (c: RestCall) => {
        if (!match(c)) return;
        clearTimeout(timer);
        this.off("call", onCall);
        resolve(c);
      };
      this.on("call", onCall);
    });
  }

  callsTo(method: string, path: RegExp): RestCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /**
   * Create Message as Discord documents it: "If enforce_nonce is true and nonce is present, it will
   * be checked for uniqueness in the past few minutes. If another message was created by the same
   * author with the same nonce, that message will be returned and no new message will be created."
   * (Any channel: the check is by author.) Interaction responses and webhooks take no nonce.
   */
  createMessage(channelId: string, body: any): any {
    if (body?.enforce_nonce && body.nonce !== undefined) {
      const since = Date.now() - NONCE_WINDOW_MS;
      const earlier = [...this.messages.values()].find(
        (x) =>
          x.author.id === this.botUser.id &&
          x.nonce === body.nonce &&
          !x.deleted &&
          Date.parse(x.created_at_wall) >= since,
      );
      if (earlier) return earlier;
    }
    return this.message(channelId, body, body?.nonce);
  }

  /** Stores a message by the bot (its nonce, when it was created with one; its interaction's metadata). */
  message(
    channelId: string,
    body: any,
    nonce?: string | number,
    interactionMetadata?: Record<string, unknown>,
  ): any {
    const m = {
      id: this.id(),
      ...(nonce !== undefined ? { nonce } : {}),
      ...(interactionMetadata ? { interaction_metadata: interactionMetadata } : {}),
      channel_id: channelId,
      guild_id: IDS.guild,
      author: this.botUser,
      content: body?.content ?? "",
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      type: 0,
      flags: 0,
    };
    // When it was stored, by the wall clock (the nonce window); not part of Discord's message object.
    Object.defineProperty(m, "created_at_wall", { value: new Date().toISOString(), enumerable: false });
    this.messages.set(m.id, m);
    return m;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.answerRequest(req, res);
    } catch (err) {
      if (res.writableEnded) throw err;
      // A request the stand-in cannot read is answered and recorded, so a test waiting on it
      // fails with the reason in its list of calls instead of timing out on a silent socket.
      const call: RestCall = {
        method: req.method ?? "GET",
        path: `${req.url ?? "/"} (stand-in error: ${(err as Error).message})`,
        query: new URLSearchParams(),
        body: null,
        status: 500,
      };
      this.calls.push(call);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: (err as Error).message, code: 0 }));
      this.emit("call", call);
    }
  }

  private async answerRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const method = req.method ?? "GET";
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > BODY_MAX) {
        res.writeHead(413).end();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const bytes = Buffer.concat(chunks);
    const text = bytes.toString("utf8");
    let body: any = null;
    let files: RestCall["files"];
    const type = String(req.headers["content-type"] ?? "");
    if (type.startsWith("multipart/form-data")) {
      // Attachments: discord.js sends the JSON body as `payload_json` and each file as `files[n]`.
      const form = await new Request("http://x/", {
        method: "POST",
        headers: { "content-type": type },
        body: bytes,
      }).formData();
      files = [];
      for (const [key, value] of form.entries()) {
        if (key === "payload_json") body = JSON.parse(String(value));
        else if (typeof value !== "string") {
          const bytes = Buffer.from(await (value as Blob).arrayBuffer());
          files.push({ name: (value as File).name, content: bytes.toString("utf8"), bytes });
        }
      }
    } else {
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
    }
    const lostAt = this.lostAnswers.findIndex((f) => f.method === method && f.path.test(path));
    const lost = lostAt >= 0 ? this.lostAnswers.splice(lostAt, 1)[0] : undefined;
    const reply = (okStatus: number, okJson?: unknown, okHeaders: Record<string, string> = {}) => {
      // The work is done (stored) either way; a lost answer replaces what the client receives.
      // A reset connection answers nothing: recorded with status 0.
      const status = lost ? (lost.how === "reset" ? 0 : lost.how) : okStatus;
      const json =
        typeof lost?.how === "number" ? { message: "500: Internal Server Error", code: 0 } : okJson;
      const headers = typeof lost?.how === "number" ? {} : okHeaders;
      const call: RestCall = {
        method,
        path,
        query: url.searchParams,
        body,
        status,
        ...(files ? { files } : {}),
      };
      this.calls.push(call);
      if (lost?.how === "reset") {
        // The client sees ECONNRESET: no answer, although the message is stored.
        res.socket?.resetAndDestroy();
        this.emit("call", call);
        return;
      }
      // Like Discord: a 204 has neither body nor content type (discord.js parses JSON by the header).
      res.writeHead(status, status === 204 ? headers : { "content-type": "application/json", ...headers });
      res.end(json === undefined ? "" : JSON.stringify(json));
      this.emit("call", call);
    };
    const failure = this.failures.findIndex((f) => f.method === method && f.path.test(path));
    if (failure >= 0) {
      const f = this.failures[failure] as Failure;
      if (!f.always) this.failures.splice(failure, 1);
      reply(f.status, f.body, f.headers);
      return;
    }
    this.route(method, path, url.searchParams, body, reply);
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: any,
    reply: (status: number, json?: unknown, headers?: Record<string, string>) => void,
  ): void {
    let m: RegExpMatchArray = [] as unknown as RegExpMatchArray;
    // Tries a route pattern; on a match, its groups are in `m`.
    const at = (re: RegExp): boolean => {
      const found = path.match(re);
      if (found) m = found;
      return found !== null;
    };
    if (method === "GET" && path === "/applications/@me") {
      // The bot token's own application (what `doctor --verify` asks).
      reply(200, { id: IDS.app, name: "paperboy", bot: this.botUser });
    } else if (method === "GET" && path === "/gateway/bot") {
      reply(200, {
        url: this.gateway.url,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    } else if (method === "POST" && at(/^\/interactions\/(\d+)\/([^/]+)\/callback$/)) {
      const token = m[2]!;
      this.originalFor(token);
      const channel = this.tokenChannels.get(token) ?? IDS.channel;
      if (body?.type === 4 || body?.type === 5) {
        const msg = this.message(
          channel,
          body.type === 4 ? body.data : {},
          undefined,
          this.interactionMetadata(token, false),
        );
        this.originals.set(token, msg.id);
        if (query.get("with_response") === "true")
          reply(200, { interaction: { id: m[1], type: 2 }, resource: { type: body.type, message: msg } });
        else reply(204);
      } else reply(204);
    } else if (at(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/)) {
      const id = this.originals.get(m[2]!);
      const msg = id ? this.messages.get(id) : null;
      if (!msg) {
        reply(404, { code: 10008, message: "Unknown Message" });
        return;
      }
      if (method === "PATCH") Object.assign(msg, { ...body, edited_timestamp: new Date().toISOString() });
      reply(200, msg);
    } else if (method === "POST" && at(/^\/webhooks\/(\d+)\/([^/]+)$/)) {
      // Create Followup Message (Execute Webhook on the token): no nonce; stored with the metadata.
      const token = m[2]!;
      this.originalFor(token);
      reply(
        200,
        this.message(
          this.tokenChannels.get(token) ?? IDS.channel,
          body,
          undefined,
          this.interactionMetadata(token, true),
        ),
      );
    } else if (method === "GET" && at(/^\/channels\/(\d+)$/)) {
      const channel = m[1] === IDS.channel ? this.channel() : this.threads.get(m[1]!);
      if (channel) reply(200, channel);
      else reply(404, { code: 10003, message: "Unknown Channel" });
    } else if (method === "POST" && at(/^\/channels\/(\d+)\/messages$/)) {
      reply(200, this.createMessage(m[1]!, body));
    } else if (method === "GET" && at(/^\/channels\/(\d+)\/messages$/)) {
      // Newest first, like Discord; `after` and `limit` as Discord reads them.
      const after = BigInt(query.get("after") ?? "0");
      const limit = Math.min(100, Number(query.get("limit") ?? 50));
      const list = [...this.messages.values()]
        .filter((x) => x.channel_id === m[1] && !x.deleted && BigInt(x.id) > after)
        .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
        .slice(-limit);
      reply(200, list);
    } else if (method === "POST" && at(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/)) {
      // One thread per message, and it takes the message's id: a second start is refused.
      if (this.threads.has(m[2]!)) {
        reply(400, { code: 160004, message: "A thread has already been created for this message." });
        return;
      }
      const thread = {
        id: m[2],
        type: 11,
        guild_id: IDS.guild,
        parent_id: m[1],
        owner_id: IDS.bot,
        name: body?.name,
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 0,
        member_count: 1,
        thread_metadata: {
          archived: false,
          auto_archive_duration: body?.auto_archive_duration ?? 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
        total_message_sent: 0,
      };
      this.threads.set(thread.id!, thread);
      reply(201, thread);
      this.gateway.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
    } else if (at(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/)) {
      const scope = m[2] ?? "global";
      if (method === "GET") reply(200, this.commands.get(scope) ?? []);
      else if (method === "PUT") {
        const stored = (body as any[]).map((c) => ({
          ...c,
          id: this.id(),
          application_id: m[1],
          version: this.id(),
          ...(m[2] ? { guild_id: m[2] } : {}),
          default_member_permissions: c.default_member_permissions ?? null,
          type: c.type ?? 1,
          nsfw: c.nsfw ?? false,
          description_localizations: c.description_localizations ?? null,
          name_localizations: c.name_localizations ?? null,
          contexts: null,
          integration_types: [0],
        }));
        this.commands.set(scope, stored);
        reply(200, stored);
      } else reply(405, { code: 0, message: "405: Method Not Allowed" });
    } else reply(404, { code: 0, message: "404: Not Found" });
  }
}
