/**
 * A fatal start-up error (a port serve must listen on is taken) ends serve promptly with a
 * non-zero status and says which port, instead of leaving a half-started process behind.
 */
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startServe } from "../support/serve.js";
import { FakeSlackApi } from "../support/slack-api.js";

const SECRET = "0123456789abcdef0123456789abcdef";
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function occupiedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  cleanup.push(() => new Promise<void>((r) => server.close(() => r())));
  return (server.address() as { port: number }).port;
}

describe("a fatal start-up error", () => {
  it.each(["OPS_PORT", "PORT"])(
    "%s in use: serve ends with a non-zero status, naming the port",
    async (variable) => {
      const api = new FakeSlackApi();
      await api.start();
      cleanup.push(() => api.close());
      const port = await occupiedPort();
      const started = startServe({
        config: { slack: { enabled: true, mode: "http" }, schedule: { enabled: false } },
        env: {
          SLACK_BOT_TOKEN: "xoxb-1-2-fatal",
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: api.url,
          [variable]: String(port),
        },
      });
      // startServe rejects when serve ends before it is ready, with its exit status and stderr.
      await expect(started).rejects.toThrow(new RegExp(`serve exited [1-9]\\d*: [^]*${port}`));
    },
  );
});
