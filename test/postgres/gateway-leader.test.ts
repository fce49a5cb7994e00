/**
 * The Discord gateway on one replica of many: two `serve` instances on one PostgreSQL archive,
 * transport "both". The holder of the gateway lock (a session advisory lock on a connection of its
 * own) connects the gateway; the other stands by, answering interactions over HTTP. When the
 * leader's lock connection is killed, it steps down (closes its gateway) and a replica takes the
 * lock; when the leader stops, the other takes over. At every checkpoint exactly one replica leads
 * and the gateway has one connection; `doctor` names the holder.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { archiveId } from "../../src/archive/sql/migrate.js";
import { PostgresDatabase } from "../../src/archive/sql/postgres.js";
import { gatewayLockName, lockHalves } from "../../src/ops/leader-lock.js";
import { Paperboy } from "../../src/paperboy.js";
import { postgresArchive } from "../support/archive.js";
import { runCli } from "../support/cli.js";
import { slash } from "../support/discord-payloads.js";
import { postInteraction, type SigningKeys, signingKeys } from "../support/discord-signing.js";
import { DiscordStandIn, IDS } from "../support/discord-stand-in.js";
import { type RunningServe, startServe } from "../support/serve.js";

const IDENTIFY = 2;
let discord: DiscordStandIn;
let keys: SigningKeys;
let url: string;
let lockName: string;
const running: RunningServe[] = [];

async function replica(): Promise<RunningServe> {
  const r = await startServe({
    config: { discord: { transport: "both" } },
    env: {
      DISCORD_TOKEN: "test-token.not-a-secret",
      DISCORD_APPLICATION_ID: IDS.app,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    },
    db: url,
    leaderRetryMs: 100,
  });
  running.push(r);
  return r;
}

async function role(r: RunningServe): Promise<string> {
  const body = (await (await fetch(`${r.ops}/healthz`)).json()) as { leader?: { role: string } };
  return body.leader?.role ?? "none";
}

async function stop(r: RunningServe): Promise<void> {
  r.signals.emit("SIGTERM");
  await r.run;
  running.splice(running.indexOf(r), 1);
}

/** The server process holding the gateway lock, from pg_locks (an advisory lock's two 32-bit halves). */
function holderPid(admin: PostgresDatabase): number | null {
  const { classid, objid } = lockHalves(lockName);
  const row = admin.get(
    sql<{ pid: number }>`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
      AND classid = ${classid} AND objid = ${objid} AND objsubid = 1`.compile(admin.q),
  );
  return row?.pid ?? null;
}

let admin: PostgresDatabase;
beforeAll(async () => {
  url = postgresArchive();
  const seed = Paperboy.open({ dbPath: url });
  lockName = gatewayLockName(archiveId(seed.db) as string);
  seed.close();
  admin = new PostgresDatabase(url, { applicationName: "paperboy-tests" });
  discord = await DiscordStandIn.start();
  keys = signingKeys();
});

afterAll(async () => {
  for (const r of [...running]) await stop(r);
  admin?.close();
  await discord?.close();
});

describe("the gateway lock on PostgreSQL", () => {
  test("one replica leads and holds the gateway, the other stands by and still answers over HTTP; a killed lock connection and a stopped leader hand the gateway over", async () => {
    const a = await replica();
    expect(await role(a)).toBe("leader");
    const b = await replica();
    expect(await role(b)).toBe("standby");
    expect(discord.gateway.ops(IDENTIFY)).toHaveLength(1);
    expect(discord.gateway.openConnections()).toBe(1);
    const standbyHealth = (await (await fetch(`${b.ops}/healthz`)).json()) as any;
    expect(standbyHealth.adapters.discord.detail).toMatch(/standby/);

    // doctor, from any machine, names the server process of the replica holding the gateway.
    const doctor = await runCli(["--db", url, "--json", "doctor"], { env: { PORT: "0" } });
    const lock = (doctor.json().checks as { name: string; detail: string }[]).find(
      (c) => c.name === "gateway lock",
    );
    expect(lock?.detail).toContain(`held by the replica on server process ${holderPid(admin)}`);

    // Any replica answers interactions over HTTP.
    const answered = await postInteraction(`${b.base}/discord/interactions`, keys, slash(discord, "help"));
    expect(answered.status).toBe(200);

    // The leader's lock connection dies (a network cut, a server restart of that backend).
    const first = holderPid(admin);
    expect(first).not.toBeNull();
    admin.get(sql`SELECT pg_terminate_backend(${first})`.compile(admin.q));
    await vi.waitFor(
      async () => {
        expect(discord.gateway.ops(IDENTIFY)).toHaveLength(2);
        expect(discord.gateway.openConnections()).toBe(1);
        expect([await role(a), await role(b)].sort()).toEqual(["leader", "standby"]);
        expect(holderPid(admin)).not.toBe(first);
      },
      { timeout: 15_000, interval: 100 },
    );

    // The leader stops: the other takes the gateway over.
    const leader = (await role(a)) === "leader" ? a : b;
    const other = leader === a ? b : a;
    await stop(leader);
    await vi.waitFor(
      async () => {
        expect(await role(other)).toBe("leader");
        expect(discord.gateway.ops(IDENTIFY)).toHaveLength(3);
        expect(discord.gateway.openConnections()).toBe(1);
      },
      { timeout: 15_000, interval: 100 },
    );
  });
});
