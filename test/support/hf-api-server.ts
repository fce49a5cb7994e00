/**
 * A loopback stand-in for Hugging Face's `daily_papers` API. Days are published by handing it a
 * fixture; until then a day answers `[]` like the real API. Scripted answers (500, 429 with
 * Retry-After, broken JSON, an answer that never comes) are queued per day and used first.
 */
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Scripted =
  | { status: number; body?: string; headers?: Record<string, string> }
  /** Accept the request and never answer (a stalled server). */
  | { hang: true }
  /** Send headers and half a body, then stall. */
  | { stallBody: true };

export class HfApiServer extends EventEmitter {
  readonly requests: { path: string; date: string | null }[] = [];
  private readonly published = new Map<string, string>();
  private readonly scripts = new Map<string, Scripted[]>();
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();
  baseUrl = "";

  constructor() {
    super();
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}/api/`;
    return this;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** From now on the day answers this fixture file's JSON. */
  publish(date: string, fixturePath: string): void {
    this.published.set(date, readFileSync(fixturePath, "utf8"));
  }

  /** The next requests for `date` get these answers, in order, before the normal one. */
  script(date: string, ...answers: Scripted[]): void {
    this.scripts.set(date, [...(this.scripts.get(date) ?? []), ...answers]);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const date = url.searchParams.get("date");
    this.requests.push({ path: url.pathname, date });
    this.emit("request", { path: url.pathname, date });
    if (url.pathname !== "/api/daily_papers" || !date) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"Not Found"}');
      return;
    }
    const scripted = this.scripts.get(date)?.shift();
    if (scripted && "hang" in scripted) {
      this.hanging.add(res);
      return;
    }
    if (scripted && "stallBody" in scripted) {
      this.hanging.add(res);
      res.writeHead(200, { "content-type": "application/json" });
      res.write('[{"paper":{"id":"2601.0');
      return;
    }
    if (scripted) {
      res.writeHead(scripted.status, { "content-type": "application/json", ...scripted.headers });
      res.end(scripted.body ?? "");
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(this.published.get(date) ?? "[]");
  }
}
