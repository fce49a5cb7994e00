/**
 * Three `paperboy serve` replicas (real processes) on one PostgreSQL archive behind a round-robin
 * proxy, as an operator runs them: a roundup whose posting replica is SIGKILLed mid-post is
 * taken over and posted once; 500 signed Slack slash commands, 50 at a time, with one replica
 * SIGKILLed mid-run, are answered once each (what the killed replica owed, by another after the
 * lease, which reads the channel back for what the dead one had already posted); Slack's
 * retries of a command are dropped by whichever replica they reach; Discord interactions over HTTP
 * are answered once and a replay is refused by another replica. The processes are started once
 * and reused across the cases.
 */
import { EventEmitter } from "node:events";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, dateInZone, ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { postgresArchive } from "../support/archive.js";
import { slash } from "../support/discord-payloads.js";
import { postInteraction, type SigningKeys, signingKeys } from "../support/discord-signing.js";
import { DiscordStandIn, IDS } from "../support/discord-stand-in.js";
import { DIGESTS } from "../support/fixtures.js";
import { type LoadBalancer, startProxy } from "../support/proxy.js";
import { type ApiCall, FakeSlackApi } from "../support/slack-api.js";
import { sendToSlackApp, slashCommand } from "../support/slack-signing.js";
import {
  type LogLine,
  OWED_LEASE_MS,
  type Replica,
  type ReplicaSetup,
  startReplica,
} from "./replica-processes.js";

const SECRET = "replica-test-signing-secret-0123456789";
const ROUNDUP_CHANNEL = "CROUNDUP";
const TOTAL = 500;
const CONCURRENCY = 50;
/**
 * The replica killed mid-run goes after this many acks: at the arrival of its next in-channel
 * answer, held by the stand-in (Slack has it; the replica has not heard back).
 */
const KILL_AFTER = 200;
const QUERIES = ["search sparse attention", "search diffusion", "today", "help", "search pruning", "about"];
/** Answered to the asker only (ephemeral): nothing in the channel to read back after a crash. */
const EPHEMERAL = new Set(["help", "about"]);
const today = dateInZone(new Date(), "UTC");

let api: FakeSlackApi;
let discord: DiscordStandIn;
let keys: SigningKeys;
let proxy: LoadBalancer;
let setup: ReplicaSetup;
/** The replicas behind the proxy, by upstream slot. */
const replicas: Replica[] = [];
const started: Replica[] = [];

async function replica(name: string): Promise<Replica> {
  const r = await startReplica(name, setup);
  started.push(r);
  return r;
}

/** The first matching log line of any replica in `among`. */
function anyReplica(among: Replica[], match: (l: LogLine) => boolean, what: string): Promise<LogLine> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), 30_000);
    const listeners = among.map((r) => {
      const on = (l: LogLine) => {
        if (match(l)) finish(null, l);
      };
      r.on("line", on);
      return () => r.off("line", on);
    });
    const found = among.flatMap((r) => r.lines).find(match);
    function finish(err: Error | null, line?: LogLine) {
      clearTimeout(timer);
      for (const off of listeners) off();
      if (err) reject(err);
      else resolve(line as LogLine);
    }
    if (found) finish(null, found);
  });
}

/** The roundup's delivery row, read with a plain client (quick even on a loaded machine). */
async function deliveryRow(
  client: pg.Client,
): Promise<{ status: string; attempts: number; claimed_by: string }> {
  const { rows } = await client.query(
    "SELECT status, attempts, claimed_by FROM deliveries WHERE channel = $1 AND date = $2",
    [ROUNDUP_CHANNEL, today],
  );
  return rows[0];
}

beforeAll(async () => {
  const url = postgresArchive();
  // Today's papers in the archive (the roundup case subscribes a channel once all replicas run).
  const digest = `${DIGESTS}2026-02-02.hf-api.json`;
  const seed = Paperboy.open({ dbPath: url, logger: silentLogger() });
  seed.ingest([digest], { date: today });
  await seed.close();
  const digests = mkdtempSync(join(tmpdir(), "paperboy-replica-digests-"));
  copyFileSync(digest, join(digests, `${today}.hf-api.json`));
  api = new FakeSlackApi();
  api.nowMs = () => Date.now();
  await api.start();
  // The roundup's first message is held: the replica posting it is killed meanwhile
  // (longer than the test takes to look the claim up and kill it, even on a loaded machine).
  api.script("chat.postMessage", { delayMs: 30_000 });
  discord = await DiscordStandIn.start();
  keys = signingKeys();
  setup = {
    databaseUrl: url,
    signingSecret: SECRET,
    slackApiUrl: api.url,
    digests,
    discord: { apiUrl: discord.apiUrl, applicationId: IDS.app, publicKeyHex: keys.publicKeyHex },
  };
  replicas.push(...(await Promise.all(["a", "b", "c"].map(replica))));
  proxy = await startProxy(replicas.map((r) => r.base));
}, 120_000);

afterAll(async () => {
  await Promise.all(started.map((r) => r.kill()));
  await proxy?.close();
  await api?.close();
  await discord?.close();
});

describe("three serve replicas on one PostgreSQL archive behind a proxy", () => {
  it("a replica SIGKILLed while posting a roundup: another takes the claim over, each part is posted once", async () => {
    // Connected first: the replica posting must be found and killed before its Web API client
    // gives up on the held message (10 s) and sends it again.
    const db = new pg.Client({ connectionString: setup.databaseUrl });
    await db.connect();
    // On arrival: the stand-in tells of a held call only once it answers.
    const arrived = new Promise<ApiCall>((resolve) => {
      const on = (c: ApiCall) => {
        if (c.method !== "chat.postMessage" || c.body.channel !== ROUNDUP_CHANNEL) return;
        api.off("arrived", on);
        resolve(c);
      };
      api.on("arrived", on);
    });
    // A Slack channel subscribed yesterday at 00:00 UTC: its roundup is due at the replicas' next
    // tick (each second), all three racing for it.
    const subscribe = Paperboy.open({
      dbPath: setup.databaseUrl,
      clock: new ManualClock(`${addDays(today, -1)}T12:00:00Z`),
      logger: silentLogger(),
    });
    subscribe.channels.save({
      platform: "slack",
      channel: ROUNDUP_CHANNEL,
      workspace: "T1",
      subscribed: true,
      timezone: "UTC",
      time: "00:00",
      filters: [],
    });
    const closed = subscribe.close();
    const first = await arrived;
    const claim = await deliveryRow(db);
    expect(claim?.status).toBe("claimed");
    const pid = Number(claim?.claimed_by?.split(":")[1]);
    const slot = replicas.findIndex((r) => r.pid === pid);
    expect(slot).toBeGreaterThanOrEqual(0);
    const dying = replicas[slot] as Replica;
    await dying.kill();
    // A supervisor starts a new one in its place (the command cases below want three).
    const fresh = await replica(`${dying.name}2`);
    replicas[slot] = fresh;
    proxy.upstreams[slot] = fresh.base;

    await anyReplica(
      replicas,
      (l) => l.msg === "roundup posted" && l.channel === ROUNDUP_CHANNEL,
      "the roundup taken over",
    );
    const row = await deliveryRow(db);
    await db.end();
    await closed;
    expect(row?.status).toBe("sent");
    expect(row?.attempts).toBe(2);
    expect(row?.claimed_by?.split(":")[1]).not.toBe(String(pid));
    // Slack has every part of the roundup once: the dead replica's first one, the others'.
    const parts = (first.body.metadata as { event_payload: { parts: number } }).event_payload.parts;
    const posted = api
      .posted(ROUNDUP_CHANNEL)
      .map((m) => (m.metadata as { event_payload: { part: number } }).event_payload.part)
      .sort((a, b) => a - b);
    expect(posted).toEqual(Array.from({ length: parts }, (_, n) => n + 1));
  });

  it("500 signed slash commands, 50 at a time, one replica SIGKILLed mid-run: none answered twice, none lost (the dead one's owed answers taken over after the lease); retries dropped on any replica", async () => {
    const url = `${proxy.url}/slack/events`;
    const answers = new Map<number, number>();
    /** How often each marked part of each answer reached Slack ("n/part" → count). */
    const parts = new Map<string, number>();
    api.on("call", (c: ApiCall) => {
      if (c.method !== "respond" || /Working on it/.test(c.body.text ?? "")) return;
      const n = Number(c.path.split("/cmd-")[1]);
      answers.set(n, (answers.get(n) ?? 0) + 1);
      const part = (c.body.metadata as { event_payload?: { part?: number } } | undefined)?.event_payload
        ?.part;
      if (part !== undefined) parts.set(`${n}/${part}`, (parts.get(`${n}/${part}`) ?? 0) + 1);
    });
    // Which replica (slot) acked each command, and which commands reached the one killed.
    const ackedBy = new Map<number, number>();
    const reachedVictim = new Set<number>();
    const routedNow = new EventEmitter();
    proxy.onRouted = (routed, req) => {
      const n = Number(req.headers["x-command"]);
      if (routed.status === 200) ackedBy.set(n, routed.upstream);
      if (routed.upstream === 2) reachedVictim.add(n);
      routedNow.emit("acked", n);
    };
    /** The slot that acked command n, once its ack has passed the proxy. */
    const ackOf = (n: number) =>
      new Promise<number | undefined>((resolve) => {
        const on = (m: number) => {
          if (m !== n) return;
          routedNow.off("acked", on);
          resolve(ackedBy.get(n));
        };
        routedNow.on("acked", on);
        if (ackedBy.has(n)) on(n);
      });
    let answeredBeforeKill = new Set<number>();
    const commands = Array.from({ length: TOTAL }, (_, i) =>
      slashCommand(QUERIES[i % QUERIES.length] as string, {
        // The stand-in makes an in_channel answer a message of this channel, as Slack does.
        responseUrl: api.responseUrl(`cmd-${i}`, `C${i % 10}`),
        user: `U${i % CONCURRENCY}`,
        channel: `C${i % 10}`,
      }),
    );
    const victim = replicas[2] as Replica;
    let acks = 0;
    let killed: Promise<void> | null = null;
    /** The command whose in-channel answer reached Slack as its replica was killed. */
    let heldAnswer: number | undefined;
    let deciding = false;
    // Past KILL_AFTER acks, the next in-channel answer arriving is held while the test learns who
    // acked it; the victim's is held while the victim is SIGKILLed (mid-run: it holds others too).
    api.holdWhen = (c) => {
      if (killed || deciding || acks < KILL_AFTER || c.method !== "respond") return undefined;
      const n = Number(c.path.split("/cmd-")[1]);
      if (EPHEMERAL.has(QUERIES[n % QUERIES.length] as string) || /Working on it/.test(c.body.text ?? ""))
        return undefined;
      deciding = true;
      return (async () => {
        if ((await ackOf(n)) !== 2) {
          deciding = false;
          return;
        }
        heldAnswer = n;
        answeredBeforeKill = new Set(answers.keys());
        killed = victim.kill();
        await killed;
      })();
    };
    let retried = 0;
    let next = 0;
    const send = async (i: number, headers: Record<string, string> = {}) =>
      sendToSlackApp(url, commands[i] as (typeof commands)[number], {
        secret: SECRET,
        headers: { "x-command": String(i), ...headers },
      });
    const worker = async () => {
      for (let i = next++; i < TOTAL; i = next++) {
        let res = await send(i);
        // The ack was lost (the replica died with the request): Slack sends it again, marked,
        // up to three times.
        for (let retry = 1; res.status !== 200 && retry <= 3; retry++) {
          if (retry === 1) retried++;
          res = await send(i, { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_error" });
        }
        expect(res.status).toBe(200);
        acks++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    api.holdWhen = null;
    await killed;
    // Work the killed replica held (received, not yet answered) when it died; of it, what it had
    // acked is owed in the archive, and a live replica answers it once its lease runs out.
    const inFlightAtKill = [...reachedVictim].filter((n) => !answeredBeforeKill.has(n)).sort((a, b) => a - b);
    const owed = inFlightAtKill.filter((n) => ackedBy.get(n) === 2);
    // Of the rest it held, a request it had owed but not acked is dropped as a repeat when Slack
    // resends it to a live replica (that one says so in its log), and answered after the lease too.
    const byTrigger = new Map(commands.map((c, n) => [`trigger:${c.triggerId}`, n]));
    const droppedResends = () =>
      replicas
        .filter((r) => r !== victim)
        .flatMap((r) => r.lines)
        .filter((l) => l.msg === "dropped a repeated Slack request")
        .map((l) => byTrigger.get(String(l.id)) as number);
    const takenOver = () =>
      replicas
        .filter((r) => r !== victim)
        .flatMap((r) => r.lines)
        .filter((l) => l.msg === "answering a Slack request another replica acked and did not answer")
        .map((l) => byTrigger.get(String(l.id)) as number);
    // Every answer comes in, the dead replica's after the lease (waited for by event; bounded,
    // so a lost one fails below).
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, 4 * OWED_LEASE_MS + 20_000);
      function check() {
        if (commands.every((_, n) => answers.has(n))) finish();
      }
      function finish() {
        clearTimeout(timer);
        api.off("call", check);
        resolve();
      }
      api.on("call", check);
      check();
    });

    // (Before the resends below, which are dropped on purpose.)
    const dropped = droppedResends();

    // Slack retries a command whose ack it missed; a retry of one already handled reaches
    // another replica than the first and is dropped there (the dedupe is in the database).
    const live = replicas.filter((r) => r !== victim);
    const repeats = [0, 1, 2, 3, 4].map((k) => {
      const i = [...ackedBy].filter(([, slot]) => replicas[slot] !== victim)[k * 7]?.[0] as number;
      const handledBy = replicas[ackedBy.get(i) as number] as Replica;
      return { i, to: live.find((r) => r !== handledBy) as Replica };
    });
    for (const { i, to } of repeats) {
      const cmd = commands[i] as (typeof commands)[number];
      const res = await sendToSlackApp(`${to.base}/slack/events`, cmd, {
        secret: SECRET,
        headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      });
      expect(res.status).toBe(200);
      await to.waitFor(
        (l) => l.msg === "dropped a repeated Slack request" && l.id === `trigger:${cmd.triggerId}`,
        `the retry of command ${i} dropped`,
      );
    }

    const lost = commands.map((_, i) => i).filter((i) => !answers.has(i));
    const twice = [...answers].filter(([, n]) => n > 1).map(([i]) => i);
    const query = (i: number) => QUERIES[i % QUERIES.length] as string;
    const twiceInChannel = twice.filter((i) => !EPHEMERAL.has(query(i)));
    const twiceEphemeral = twice.filter((i) => EPHEMERAL.has(query(i)));
    const partTwice = [...parts].filter(([, n]) => n > 1).map(([k]) => k);
    const readBack = replicas
      .filter((r) => r !== victim)
      .flatMap((r) => r.lines)
      .filter((l) => l.msg === "a part of an owed Slack answer was already posted; not posting it again")
      .map((l) => byTrigger.get(String(l.id)) as number);
    console.log(
      `replicas: ${TOTAL} commands, ${CONCURRENCY} at a time; one of 3 replicas SIGKILLed with ${inFlightAtKill.length} in flight ` +
        `(${owed.length} acked, not answered): ${retried} resent by "Slack" after a lost ack (${dropped.length} of them dropped as owed), ${takenOver().length} answered by a live replica after the lease (${readBack.length} parts found already posted by reading the channel back, ${JSON.stringify(readBack)}; held ${heldAnswer}), unanswered ${lost.length}, answered twice ${twiceInChannel.length} in channel, ${twiceEphemeral.length} ephemeral ${JSON.stringify({ twice, takenOver: takenOver() })}`,
    );
    expect(victim.child.signalCode).toBe("SIGKILL");
    expect(retried).toBeGreaterThan(0);
    // No in-channel answer twice: a part the dead replica had posted but not recorded is found in
    // the channel by its metadata. An ephemeral answer cannot be read back and may come twice,
    // only one the dead replica was answering in its last moment (taken over), never a live one's.
    expect(twiceInChannel).toEqual([]);
    // The answer Slack had when its replica died was found in the channel, not posted again.
    expect(heldAnswer).toBeDefined();
    expect(readBack).toContain(heldAnswer);
    expect(answers.get(heldAnswer as number)).toBe(1);
    expect(partTwice.filter((k) => !EPHEMERAL.has(query(Number(k.split("/")[0]))))).toEqual([]);
    expect(twiceEphemeral.filter((n) => !reachedVictim.has(n) || !takenOver().includes(n))).toEqual([]);
    // Nothing is lost: what the dead replica held (acked and unanswered, or owed and not acked and
    // its resend dropped) is answered by a live replica after the lease, from the archive.
    expect(dropped.every((n) => inFlightAtKill.includes(n))).toBe(true);
    // Only the dead replica's requests are taken over (never a live one's slow answer).
    expect(takenOver().filter((n) => !reachedVictim.has(n))).toEqual([]);
    expect(owed.every((n) => takenOver().includes(n))).toBe(true);
    expect(lost).toEqual([]);
  }, 180_000);

  it("Discord interactions over HTTP through the proxy (one replica dead): each answered once; a replay to another replica is refused", async () => {
    const url = `${proxy.url}/discord/interactions`;
    const total = 60;
    const answeredBy = new Map<number, number>();
    proxy.onRouted = (routed, req) => {
      if (routed.status === 200) answeredBy.set(Number(req.headers["x-interaction"]), routed.upstream);
    };
    const sent = Array.from({ length: total }, (_, n) =>
      slash(discord, "search", { query: QUERIES[n % 3]?.replace("search ", "") ?? "sparse" }),
    );
    const firsts = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      for (let n = next++; n < total; n = next++) {
        const payload = sent[n] as (typeof sent)[number];
        const res = await postInteraction(url, keys, payload, { headers: { "x-interaction": String(n) } });
        expect(res.status).toBe(200);
        discord.answeredOverHttp(payload, res.body);
        firsts.set(n, res.body.type);
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    // A deferred answer (type 5) is completed by one edit of the original.
    const edits = (n: number) =>
      discord.calls.filter(
        (c) =>
          c.method === "PATCH" &&
          c.path === `/webhooks/${IDS.app}/${(sent[n] as (typeof sent)[number]).token}/messages/@original`,
      ).length;
    for (const [n, type] of firsts) {
      expect([4, 5]).toContain(type);
      if (type === 5)
        await discord.waitFor(
          (c) => c.method === "PATCH" && c.path.includes(`/${(sent[n] as (typeof sent)[number]).token}/`),
          `the edit of interaction ${n}`,
        );
    }
    for (const [n, type] of firsts) expect((type === 4 ? 1 : 0) + edits(n), `interaction ${n}`).toBe(1);
    // Discord sending one again (a replay) to another replica: refused there, nothing sent.
    const live = replicas.filter((r) => r.child.exitCode === null && r.child.signalCode === null);
    for (const n of [0, 1, 2]) {
      const to = live.find((r) => r !== replicas[answeredBy.get(n) as number]) as Replica;
      const before = discord.calls.length;
      const res = await postInteraction(`${to.base}/discord/interactions`, keys, sent[n]);
      expect(res.status).toBe(409);
      expect(discord.calls.length).toBe(before);
    }
  });
});
