/**
 * A loopback stand-in for Slack's Web API and for response_url endpoints: records every call and
 * answers like Slack (ok:true bodies, ok:false errors, HTTP 429 with Retry-After), scripted per
 * method by the test. Waiting is event-driven: `waitFor` resolves when a matching call arrives.
 */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiCall {
  /** Web API method ("chat.postMessage") or "respond" for a response_url post. */
  method: string;
  path: string;
  body: Record<string, any>;
  /** The bearer token the call carried. */
  token: string | undefined;
  /** Date.now() when it arrived. */
  at: number;
  /** The HTTP status we answered with. */
  status: number;
  /** The JSON body we answered with. */
  answer?: Record<string, any>;
  /** Set by a test to make a posted message disappear from the channel's history. */
  deleted?: boolean;
  /** The ts of the channel message a response_url post became (response_type in_channel). */
  ts?: string;
  /** The channel of that message (the one the response_url's request came from). */
  channel?: string;
  /**
   * A response_url post with replace_original: the ts of the message it replaced (the message whose
   * button was pressed), which keeps its ts and shows this post's content.
   */
  replaced?: string;
  /** The files of the channel message a files.completeUploadExternal call became. */
  files?: { id: string; name?: string; title?: string }[];
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
  /** Answer this much later (a slow Slack); the call is recorded when it arrives. */
  delayMs?: number;
  /** Answer once this settles (a test holds the answer while it kills or overtakes the caller). */
  hold?: Promise<unknown>;
  /**
   * Never answer: the connection is dropped instead. "stored": Slack had done the call (a posted
   * message is in the channel); "lost": it never took effect (nothing is stored).
   */
  hangUp?: "stored" | "lost";
}

/** A file received at an upload URL (files.uploadV2's second step). */
export interface UploadedFile {
  fileId: string;
  filename: string;
  content: string;
  /** The file's bytes (an image is not text). */
  bytes: Buffer;
}

/** A message a person posted (FakeSlackApi.say). */
export interface PersonMessage {
  ts: string;
  user: string;
  text: string;
  thread_ts?: string;
  files?: { id: string; name?: string; title?: string }[];
}

/** Orders message ts ("seconds.sequence") in time, without the float rounding of Number(). */
function compareTs(a: string, b: string): number {
  const [as, aseq] = a.split(".").map(Number) as [number, number];
  const [bs, bseq] = b.split(".").map(Number) as [number, number];
  return as - bs || aseq - bseq;
}

export class FakeSlackApi extends EventEmitter {
  readonly calls: ApiCall[] = [];
  /** Files uploaded to the URLs files.getUploadURLExternal handed out, by file id. */
  readonly uploads = new Map<string, UploadedFile>();
  private readonly pendingUploads = new Map<string, string>();
  private server: Server | undefined;
  private port = 0;
  private readonly scripts = new Map<string, Answer[]>();
  /** The channel each response_url's request came from (a response_url id → channel). */
  private readonly responseChannels = new Map<string, string>();
  /** The message whose button was pressed, for a button's response_url (id → message ts). */
  private readonly responseSources = new Map<string, string>();
  private nextTs = 1;
  /** Messages people posted (`say`), by channel: in the history, never among the bot's `posted`. */
  private readonly peoples = new Map<string, PersonMessage[]>();
  /** The time message ts are made from (a test's manual clock); default a fixed 2023 epoch. */
  nowMs: (() => number) | null = null;
  /**
   * Consulted for every call as it arrives (recorded already): a promise holds its answer until it
   * settles (a test kills the caller meanwhile); undefined answers as usual.
   */
  holdWhen: ((call: ApiCall) => Promise<unknown> | undefined) | null = null;
  /** What auth.test answers (set `identity = null` to answer invalid_auth). */
  identity: Record<string, unknown> | null = {
    user_id: "UBOT",
    bot_id: "BBOT",
    team_id: "T1",
    team: "Test team",
  };

  /** Listens on `port` (default: any free one). */
  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The Web API base to give the adapter as SLACK_API_URL. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /**
   * A response_url for one slash command or button press. Given the request's channel, its
   * in_channel answers become messages of that channel, as in Slack (read back by
   * conversations.history, metadata included); ephemeral ones are seen by the asker only.
   */
  responseUrl(id: string, channel?: string, source?: string): string {
    if (channel) this.responseChannels.set(id, channel);
    if (source) this.responseSources.set(id, source);
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** The next calls of `method` get these answers, in order; then the defaults again. */
  script(method: string, ...answers: Answer[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...answers]);
  }

  /** Calls so far, optionally of one method. */
  of(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (already recorded or coming) that matches; rejects after a bound. */
  waitFor(
    match: (c: ApiCall) => boolean,
    what = "a matching Slack call",
    timeoutMs = 8000,
  ): Promise<ApiCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onCall = (c: ApiCall) => {
        if (!match(c)) return;
        clearTimeout(timer);
        this.off("call", onCall);
        resolve(c);
      };
      const timer = setTimeout(() => {
        this.off("call", onCall);
        reject(
          new Error(`timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(", ")}`),
        );
      }, timeoutMs);
      this.on("call", onCall);
    });
  }

  /**
   * Messages the bot posted in a channel, newest first, like conversations.history: its
   * chat.postMessage calls answered ok, its in_channel response_url posts, and the messages its
   * file uploads became. A button's response_url post with replace_original replaces the message
   * whose button was pressed, as Slack documents ("Modifying messages": the original interactive
   * message, ephemeral or not): that message keeps its ts and shows the newest replacement. What a
   * slash command's response_url does with replace_original is not documented, and not modelled:
   * such a post is kept as a message of its own.
   */
  posted(channel: string): {
    ts: string;
    text: string;
    metadata?: unknown;
    thread_ts?: string;
    files?: { id: string; name?: string; title?: string }[];
  }[] {
    const replacements = new Map<string, ApiCall>();
    for (const c of this.calls)
      if (c.method === "respond" && c.replaced && c.status === 200) replacements.set(c.replaced, c);
    return this.calls
      .filter(
        (c) =>
          ((c.method === "chat.postMessage" && c.body.channel === channel && c.answer?.ok) ||
            (c.method === "respond" && c.channel === channel && c.ts && c.status === 200) ||
            (c.method === "files.completeUploadExternal" && c.channel === channel && c.ts)) &&
          !c.deleted,
      )
      .map((c) => {
        const ts = (c.ts ?? c.answer?.ts) as string;
        const shown = replacements.get(ts) ?? c;
        const text = (c.files ? c.body.initial_comment : shown.body.text) as string;
        return {
          ts,
          text,
          ...(shown.body.metadata ? { metadata: shown.body.metadata } : {}),
          ...(c.body.thread_ts ? { thread_ts: c.body.thread_ts as string } : {}),
          ...(c.files ? { files: c.files } : {}),
        };
      })
      .reverse();
  }

  /**
   * A person posts in a channel (or a thread): a message with their user id and no bot_id, as
   * Slack lists it, with files they shared if any. Returns its ts.
   */
  say(channel: string, message: Omit<PersonMessage, "ts">): string {
    const ts = this.makeTs();
    this.peoples.set(channel, [...(this.peoples.get(channel) ?? []), { ...message, ts }]);
    return ts;
  }

  /** A message ts as Slack makes them: seconds of (the test's) now, and a sequence. */
  private makeTs(): string {
    const seconds = this.nowMs ? Math.floor(this.nowMs() / 1000) : 1700000000;
    return `${seconds}.${String(this.nextTs++).padStart(6, "0")}`;
  }

  /**
   * A page of conversations.history (top-level messages) or, given the thread's `ts`,
   * conversations.replies (that thread's messages), since `oldest`; cursor = offset.
   */
  private history(body: Record<string, any>, thread?: string): Record<string, unknown> {
    const oldest = Number(body.oldest ?? 0);
    const limit = Number(body.limit ?? 100);
    const offset = Number(body.cursor ?? 0);
    const bots = this.posted(String(body.channel)).map((m) => ({
      type: "message",
      ts: m.ts,
      text: m.text,
      // The bot's messages name its bot user and its bot id (auth.test's user_id and bot_id).
      user: "UBOT",
      bot_id: "BBOT",
      ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
      ...(m.files ? { files: m.files } : {}),
      ...(String(body.include_all_metadata) === "true" && m.metadata ? { metadata: m.metadata } : {}),
    }));
    const people = (this.peoples.get(String(body.channel)) ?? []).map((m) => ({ type: "message", ...m }));
    // People's messages join the bot's in time order (the bot's alone are already newest first).
    const merged = people.length ? [...bots, ...people].sort((x, y) => compareTs(y.ts, x.ts)) : bots;
    const all = merged
      .filter((m) => (thread ? m.thread_ts === thread || m.ts === thread : !m.thread_ts))
      .filter((m) => Number(m.ts) >= oldest);
    const page = all.slice(offset, offset + limit);
    const more = offset + limit < all.length;
    return {
      ok: true,
      messages: page,
      has_more: more,
      ...(more ? { response_metadata: { next_cursor: String(offset + limit) } } : {}),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString("utf8");
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path.startsWith("/upload/")) {
      await this.receiveUpload(path.slice("/upload/".length), bytes, req, res);
      return;
    }
    const method = path.startsWith("/respond/") ? "respond" : path.replace(/^\/api\//, "");
    const body = parseBody(raw, String(req.headers["content-type"] ?? ""));
    const auth = String(req.headers.authorization ?? "");
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : (body.token as string | undefined);
    const scripted = this.scripts.get(method)?.shift();
    const answer = { ...(scripted ?? {}), ...(scripted?.body ? {} : this.defaultAnswer(method, body)) };
    const status = answer.status ?? 200;
    const call: ApiCall = { method, path, body, token, at: Date.now(), status, answer: answer.body };
    const responseId = path.slice("/respond/".length);
    const channel = this.responseChannels.get(responseId);
    const source = this.responseSources.get(responseId);
    if (method === "respond" && status === 200 && source && body.replace_original === true)
      call.replaced = source;
    else if (method === "respond" && channel && status === 200 && body.response_type === "in_channel") {
      call.ts = this.makeTs();
      call.channel = channel;
    }
    // files.uploadV2's last step shares the files: they become one message of the channel (thread).
    if (method === "files.completeUploadExternal" && answer.body?.ok && body.channel_id) {
      call.ts = this.makeTs();
      call.channel = String(body.channel_id);
      call.files = (answer.body.files as { id: string; name?: string; title?: string }[]) ?? [];
    }
    this.calls.push(call);
    // "call" is emitted once answered; "arrived" at once (a held call has arrived long before).
    this.emit("arrived", call);
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (answer.hold) await answer.hold.catch(() => {});
    const held = this.holdWhen?.(call);
    if (held) await held.catch(() => {});
    if (answer.hangUp) {
      // A lost call is one Slack never acted on: its message is not in the channel.
      if (answer.hangUp === "lost") call.deleted = true;
      req.socket.destroy();
      this.emit("call", call);
      return;
    }
    res.writeHead(status, { "content-type": "application/json", ...answer.headers });
    res.end(JSON.stringify(answer.body ?? {}));
    this.emit("call", call);
  }

  /**
   * The upload step of files.uploadV2: Slack's client POSTs the file (multipart) to the URL that
   * getUploadURLExternal gave; Slack answers 200 with "OK".
   */
  private async receiveUpload(
    fileId: string,
    bytes: Buffer,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const filename = this.pendingUploads.get(fileId);
    let status = 200;
    if (filename === undefined) status = 404;
    else {
      const type = String(req.headers["content-type"] ?? "");
      let raw = bytes;
      if (type.startsWith("multipart/form-data")) {
        const form = await new Request("http://x/", {
          method: "POST",
          headers: { "content-type": type },
          body: bytes,
        }).formData();
        const part = [...form.values()].find((v) => typeof v !== "string");
        raw = part ? Buffer.from(await (part as Blob).arrayBuffer()) : Buffer.alloc(0);
      }
      this.uploads.set(fileId, { fileId, filename, content: raw.toString("utf8"), bytes: raw });
    }
    const call: ApiCall = {
      method: "upload",
      path: `/upload/${fileId}`,
      body: { file_id: fileId },
      token: undefined,
      at: Date.now(),
      status,
    };
    this.calls.push(call);
    res.writeHead(status, { "content-type": "text/plain" });
    res.end(status === 200 ? "OK" : "not found");
    this.emit("call", call);
  }

  private defaultAnswer(method: string, body: Record<string, any>): Answer {
    switch (method) {
      case "files.getUploadURLExternal": {
        const fileId = `F${String(this.nextTs++).padStart(8, "0")}`;
        this.pendingUploads.set(fileId, String(body.filename ?? ""));
        return {
          body: { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${fileId}`, file_id: fileId },
        };
      }
      case "files.completeUploadExternal": {
        const files = (typeof body.files === "string" ? JSON.parse(body.files) : body.files) as {
          id: string;
          title?: string;
        }[];
        return {
          body: {
            ok: true,
            files: files.map((f) => ({ id: f.id, title: f.title, name: this.uploads.get(f.id)?.filename })),
          },
        };
      }
      case "respond":
        return { body: { ok: true } };
      case "auth.test":
        return this.identity
          ? { body: { ok: true, ...this.identity } }
          : { body: { ok: false, error: "invalid_auth" } };
      case "chat.postMessage": {
        const ts = this.makeTs();
        return { body: { ok: true, channel: body.channel, ts, message: { text: body.text, ts } } };
      }
      case "conversations.history":
        return { body: this.history(body) };
      case "conversations.replies":
        return body.ts
          ? { body: this.history(body, String(body.ts)) }
          : { body: { ok: false, error: "thread_not_found" } };
      case "chat.delete": {
        const posted = this.calls.find(
          (c) =>
            c.method === "chat.postMessage" && c.body.channel === body.channel && c.answer?.ts === body.ts,
        );
        if (!posted) return { body: { ok: false, error: "message_not_found" } };
        posted.deleted = true;
        return { body: { ok: true, channel: body.channel, ts: body.ts } };
      }
      case "chat.postEphemeral":
        return { body: { ok: true, message_ts: `1700000001.${String(this.nextTs++).padStart(6, "0")}` } };
      default:
        return { body: { ok: false, error: "unknown_method" } };
    }
  }
}

function parseBody(raw: string, type: string): Record<string, any> {
  if (!raw) return {};
  if (type.includes("application/json")) return JSON.parse(raw);
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The Web API client sends objects (blocks) as JSON strings inside the form.
    out[k] = k === "blocks" || k === "attachments" || k === "metadata" ? JSON.parse(v) : v;
  }
  return out;
}
