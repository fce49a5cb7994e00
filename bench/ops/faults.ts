/**
 * Fault cases of `npm run bench:ops`, each against a real `serve` and a loopback Slack:
 *
 * - kill -9 mid-post: serve is killed while Slack holds the roundup post it has accepted; the
 *   claim's lease is made to have passed; the restarted serve must find the post's delivery mark
 *   in the channel's history and not post it again.
 * - SIGTERM during discuss: ten discussions opened on a slow Slack, SIGTERM at once: every card's
 *   thread must be stored before serve exits.

 * The large day's event-loop stalls are in stalls.ts.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sqliteHandle } from "../../src/archive/db.js";
import { addDays, dateInZone } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { tempDir } from "../../test/support/cli.js";
import { DIGESTS } from "../../test/support/fixtures.js";
import { startServe } from "../../test/support/serve.js";
import { FakeSlackApi } from "../../test/support/slack-api.js";
import { sendToSlackApp, slashCommand } from "../../test/support/slack-signing.js";
import { exited, spawnCli, waitForLine } from "../../test/support/spawn.js";

const SECRET = "bench-faults-signing-secret-0123456789";

export interface KillResult {
  /** Roundup posts Slack received over both runs. */
  posts: number;
  /** The channel history was read by the restarted serve. */
  historyRead: boolean;
  status: string;
}

/** kill -9 while Slack holds the accepted roundup post; restart after the lease. */
export async function killMidPost(): Promise<KillResult> {
  const dir = tempDir("paperboy-kill-");
  const db = join(dir, "archive.db");
  const today = dateInZone(new Date(), "UTC");
  const seed = Paperboy.open({ dbPath: db, logger: silentLogger() });
  seed.channels.save({
    platform: "slack",
    channel: "C-ROUNDUP",
    workspace: "T1",
    subscribed: true,
    timezone: "UTC",
    time: "00:00",
    filters: [],
  });
  // Subscribed before today's posting time, so the roundup is due at once.
  sqliteHandle(seed.db)!
    .prepare("UPDATE channels SET updated_at = ?")
    .run(`${addDays(today, -1)}T12:00:00.000Z`);
  seed.close();
  const digests = join(dir, "digests");
  mkdirSync(digests);
  copyFileSync(`${DIGESTS}2026-02-02.hf-api.json`, join(digests, `${today}.hf-api.json`));
  const config = join(dir, "paperboy.json");
  writeFileSync(
    config,
    JSON.stringify({
      slack: { enabled: true, mode: "http" },
      logging: { level: "debug" },
      source: { kind: "folder", path: digests, watch: false },
    }),
  );
  const api = new FakeSlackApi();
  api.nowMs = () => Date.now();
  await api.start();
  const env = {
    PORT: "0",
    OPS_PORT: "0",
    HOST: "127.0.0.1",
    SLACK_BOT_TOKEN: "xoxb-1-2-bench-kill",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: api.url,
  };
  try {
    // Slack accepts the post (it is in the channel) but its answer is slow: serve never hears it.
    api.script("chat.postMessage", { delayMs: 10_000 });
    const first = spawnCli(["--db", db, "--config", config, "serve"], env);
    first.stdin?.end();
    await api.waitFor((c) => c.method === "chat.postMessage", "the roundup post", 120_000);
    first.kill("SIGKILL");
    await exited(first);
    // The claim's lease (15 minutes) has passed.
    const aged = Paperboy.open({ dbPath: db, logger: silentLogger() });
    sqliteHandle(aged.db)!
      .prepare("UPDATE deliveries SET claimed_at = ? WHERE status = 'claimed'")
      .run(new Date(Date.now() - 20 * 60_000).toISOString());
    aged.close();

    const second = spawnCli(["--db", db, "--config", config, "serve"], env);
    second.stdin?.end();
    await waitForLine(second, "stderr", /"msg":"scheduler tick"/, 120_000);
    second.kill("SIGTERM");
    await exited(second);
    const check = Paperboy.open({ dbPath: db, readonly: true, logger: silentLogger() });
    const row = sqliteHandle(check.db)!.prepare("SELECT status FROM deliveries").get() as
      | { status: string }
      | undefined;
    check.close();
    return {
      posts: api.of("chat.postMessage").filter((c) => c.body.channel === "C-ROUNDUP").length,
      historyRead: api.of("conversations.history").length > 0,
      status: row?.status ?? "none",
    };
  } finally {
    await api.close();
  }
}

export interface SigtermResult {
  cards: number;
  threads: number;
  exitCode: number;
  shutdownMs: number;
}

/** Ten discussions on a Slack that takes 300 ms per post, SIGTERM as soon as they are acked. */
export async function sigtermDuringDiscuss(): Promise<SigtermResult> {
  const api = new FakeSlackApi();
  await api.start();
  try {
    for (let i = 0; i < 20; i++) api.script("chat.postMessage", { delayMs: 300 });
    const s = await startServe({
      config: { slack: { enabled: true, mode: "http" }, schedule: { enabled: false } },
      env: { SLACK_BOT_TOKEN: "xoxb-1-2-bench-term", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url },
    });
    const db = join(s.dir, "archive.db");
    const peek = Paperboy.open({ dbPath: db, readonly: true, logger: silentLogger() });
    const ids = peek.papers.day("2025-08-12").map((p) => p.id);
    peek.close();
    await Promise.all(
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
    const t0 = performance.now();
    s.signals.emit("SIGTERM");
    const exitCode = await s.run;
    const shutdownMs = Math.round(performance.now() - t0);
    const check = Paperboy.open({ dbPath: db, readonly: true, logger: silentLogger() });
    const threads = (
      sqliteHandle(check.db)!.prepare("SELECT COUNT(*) AS n FROM threads").get() as { n: number }
    ).n;
    check.close();
    return {
      cards: api.of("chat.postMessage").filter((c) => !c.body.thread_ts).length,
      threads,
      exitCode,
      shutdownMs,
    };
  } finally {
    await api.close();
  }
}
