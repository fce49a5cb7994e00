/**
 * The HTTP endpoints of `serve`. The operations server (`http.opsPort`, on loopback unless
 * configured) answers the detailed `GET /healthz` (database, adapters, last roundups per channel)
 * and `GET /metrics`. The public port, where Slack posts, answers only a bare liveness `/healthz`
 * (`{"status":"ok"}` or 503 `{"status":"unhealthy"}`): nothing about channels or workspaces.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type HealthSources, healthReport } from "./health.js";
import type { Metrics } from "./metrics.js";

export interface OpsRoutes {
  health: HealthSources;
  metrics: Metrics;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A route of the public port: the liveness /healthz, and what an adapter receives over HTTP. */
export interface HttpRoute {
  path: string;
  method: string[];
  handler: Handler;
}

export function healthHandler(routes: OpsRoutes): Handler {
  return (_req, res) => {
    const { httpStatus, body } = healthReport(routes.health);
    res.writeHead(httpStatus, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(`${JSON.stringify(body)}\n`);
  };
}

export function metricsHandler(routes: OpsRoutes): Handler {
  return (_req, res) => {
    routes.metrics.render().then(
      (text) => {
        res.writeHead(200, { "content-type": routes.metrics.contentType() });
        res.end(text);
      },
      (err: Error) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`metrics failed: ${err.message}\n`);
      },
    );
  };
}

/** The public liveness answer: the overall status only, never what the detailed report names. */
export function livenessHandler(health: HealthSources): Handler {
  return (_req, res) => {
    const { httpStatus, body } = healthReport(health);
    res.writeHead(httpStatus, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(`${JSON.stringify({ status: body.status })}\n`);
  };
}

/** The public port's routes (in the shape of Bolt's `customRoutes`): liveness only. */
export function publicRoutes(health: HealthSources): HttpRoute[] {
  return [{ path: "/healthz", method: ["GET"], handler: livenessHandler(health) }];
}

/**
 * The public port when no adapter owns it but one receives over HTTP: the given routes, by exact path and method, and 404 for the rest.
 */
export function startPublicServer(
  routes: readonly HttpRoute[],
  port: number,
  host?: string,
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const route = routes.find((r) => r.path === path);
    if (route?.method.includes(req.method ?? "")) return route.handler(req, res);
    res.writeHead(route ? 405 : 404, { "content-type": "application/json" });
    res.end(`{"error":"${route ? "method not allowed" : "not found"}"}\n`);
  });
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    const ready = () => {
      server.off("error", reject);
      resolve(server);
    };
    if (host) server.listen(port, host, ready);
    else server.listen(port, ready);
  });
}

/** The operations server: the detailed /healthz and /metrics. */
export function startOpsServer(routes: OpsRoutes, port: number, host: string): Promise<Server> {
  const health = healthHandler(routes);
  const metrics = metricsHandler(routes);
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") return health(req, res);
    if (req.method === "GET" && path === "/metrics") return metrics(req, res);
    res.writeHead(404, { "content-type": "application/json" });
    res.end('{"error":"not found: paperboy serves GET /healthz and GET /metrics here"}\n');
  });
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

export function serverPort(server: Server): number {
  return (server.address() as AddressInfo).port;
}
