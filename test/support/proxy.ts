/**
 * A round-robin HTTP load balancer on loopback, for the replica tests and bench:ops: each request
 * goes to the next upstream; a connection refused (nothing sent yet) is retried once on the one
 * after it, as nginx and HAProxy do by default. A request that reached a replica is never sent
 * again (the replica may have acted on it): its caller gets a 502, as from a real proxy.
 */
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Routed {
  /** The upstream's index that answered or failed. */
  upstream: number;
  status: number;
  /** Upstreams that refused the connection first. */
  refused: number[];
}

export interface LoadBalancer {
  url: string;
  /** Upstream base URLs ("http://127.0.0.1:port"); a test may replace one (a restarted replica). */
  upstreams: string[];
  /** Requests sent to each upstream and not yet answered. */
  inFlight: number[];
  /** Called once per request with where it went; the request's own headers say which one it was. */
  onRouted: ((routed: Routed, req: IncomingMessage) => void) | null;
  close(): Promise<void>;
}

export async function startProxy(upstreams: string[]): Promise<LoadBalancer> {
  let next = 0;
  const proxy: LoadBalancer = {
    url: "",
    upstreams,
    inFlight: upstreams.map(() => 0),
    onRouted: null,
    close: async () => {},
  };
  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    tries: number,
    refused: number[],
  ) => {
    // A retry goes to the upstream after the one that refused, whatever others took meanwhile.
    const upstream =
      tries === 0 ? next++ % proxy.upstreams.length : ((refused.at(-1) ?? 0) + 1) % proxy.upstreams.length;
    const target = new URL(req.url ?? "/", proxy.upstreams[upstream]);
    proxy.inFlight[upstream] = (proxy.inFlight[upstream] ?? 0) + 1;
    const done = (status: number) => {
      proxy.inFlight[upstream] = (proxy.inFlight[upstream] ?? 1) - 1;
      proxy.onRouted?.({ upstream, status, refused }, req);
    };
    // A fresh connection per request: a refusal then means nothing was sent.
    const out = request(target, { method: req.method, headers: req.headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on("end", () => done(answer.statusCode ?? 502));
    });
    out.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ECONNREFUSED" && tries === 0) {
        proxy.inFlight[upstream] = (proxy.inFlight[upstream] ?? 1) - 1;
        forward(req, res, body, 1, [...refused, upstream]);
        return;
      }
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`bad gateway: ${err.code ?? err.message}`);
      done(502);
    });
    out.end(body);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => forward(req, res, Buffer.concat(chunks), 0, []));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
