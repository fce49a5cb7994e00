/**
 * The safety net of a running serve: a promise rejected with nobody listening is logged and
 * counted and serve keeps serving; an uncaught exception stops serve gracefully with status 70
 * (state may be unsafe: a supervisor restarts it).
 */
import { describe, expect, it } from "vitest";
import { startServe } from "../support/serve.js";

const config = { console: { enabled: true }, schedule: { enabled: false } };

describe("unhandled rejections and uncaught exceptions in serve", () => {
  it("an unhandled rejection is counted and serve keeps serving", async () => {
    const s = await startServe({ config, env: {} });
    try {
      s.processEvents.emit("unhandledRejection", new Error("nobody listened"));
      expect((await fetch(`${s.ops}/healthz`)).status).toBe(200);
      const metrics = await (await fetch(`${s.ops}/metrics`)).text();
      expect(metrics).toMatch(/^paperboy_unhandled_rejections_total 1$/m);
    } finally {
      s.signals.emit("SIGTERM");
      expect(await s.run).toBe(0);
    }
  });

  it("an uncaught exception stops serve gracefully with exit status 70", async () => {
    const s = await startServe({ config, env: {} });
    s.processEvents.emit("uncaughtException", new Error("thrown from a callback"));
    expect(await s.run).toBe(70);
    await expect(fetch(`${s.ops}/healthz`)).rejects.toThrow();
  });
});
