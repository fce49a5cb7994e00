/**
 * SIGTERM while discussions are being opened: the card posts and the thread bindings after them
 * are work in flight, so shutdown waits for them (within its deadline) and never closes the
 * archive under them; a Slack slower than the deadline does not hold serve past it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { startServe } from "../support/serve.js";
import { FakeSlackApi } from "../support/slack-api.js";
import { sendToSlackApp, slashCommand } from "../support/slack-signing.js";

const SECRET = "0123456789abcdef0123456789abcdef";
let api: FakeSlackApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

function threadsIn(db: string): number {
  const engine = Paperboy.open({ dbPath: db, readonly: true, logger: silentLogger() });
  try {
    return (engine.db.prepare("SELECT COUNT(*) AS n FROM threads").get() as { n: number }).n;
  } finally {
    engine.close();
  }
}

async function serveWithSlowSlack(deadlineMs: number) {
  api = new FakeSlackApi();
  await api.start();
  const s = await startServe({
    config: {
      slack: { enabled: true, mode: "http" },
      schedule: { enabled: false },
      shutdown: { deadlineMs },
    },
    env: { SLACK_BOT_TOKEN: "xoxb-1-2-inflight", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url },
  });
  const seed = Paperboy.open({ dbPath: `${s.dir}/archive.db`, readonly: true, logger: silentLogger() });
  const ids = seed.papers.day("2025-08-12").map((p) => p.id);
  seed.close();
  return { s, api, ids, db: `${s.dir}/archive.db` };
}

describe("SIGTERM during discuss", () => {
  it("ten discussions opened, SIGTERM at once: ten cards, ten threads bound, all stored", async () => {
    const { s, api, ids, db } = await serveWithSlowSlack(10_000);
    // Each card post takes a while: the signal arrives while all ten are in flight.
    for (let i = 0; i < 20; i++) api.script("chat.postMessage", { delayMs: 300 });
    const acks = await Promise.all(
      ids
        .slice(0, 10)
        .map((id, i) =>
          sendToSlackApp(
            `${s.base}/slack/events`,
            slashCommand(`discuss ${id}`, { responseUrl: api.responseUrl(`d${i}`), user: `U${i}` }),
            { secret: SECRET },
          ),
        ),
    );
    expect(acks.map((a) => a.status)).toEqual(Array(10).fill(200));
    s.signals.emit("SIGTERM");
    expect(await s.run).toBe(0);
    const cards = api.of("chat.postMessage").filter((c) => !c.body.thread_ts);
    const intros = api.of("chat.postMessage").filter((c) => c.body.thread_ts);
    expect(cards).toHaveLength(10);
    expect(intros).toHaveLength(10);
    expect(threadsIn(db)).toBe(10);
  }, 60_000);

  it("a Slack slower than the deadline: serve stops at the deadline and the archive stays open for the binding", async () => {
    const { s, api, ids, db } = await serveWithSlowSlack(1_000);
    api.script("chat.postMessage", { delayMs: 4_000 });
    const ack = await sendToSlackApp(
      `${s.base}/slack/events`,
      slashCommand(`discuss ${ids[0]}`, { responseUrl: api.responseUrl("slow") }),
      { secret: SECRET },
    );
    expect(ack.status).toBe(200);
    await api.waitFor((c) => c.method === "chat.postMessage", "the card post arriving");
    const t0 = performance.now();
    s.signals.emit("SIGTERM");
    expect(await s.run).toBe(0);
    // Within the deadline plus the close of the servers, not after the slow post.
    expect(performance.now() - t0).toBeLessThan(3_000);
    // The post completes after serve returned; its thread is still bound (the archive was left open).
    await api.waitFor(
      (c) => c.method === "chat.postMessage" && Boolean(c.body.thread_ts),
      "the intro",
      10_000,
    );
    expect(threadsIn(db)).toBe(1);
  }, 60_000);
});
