/**
 * Three `paperboy serve` replicas (real processes) on one PostgreSQL archive behind a round-robin
 * proxy, as an operator runs them: a roundup whose posting replica is SIGKILLed mid-post is
 * taken over and posted once; 500 signed Slack slash commands, 50 at a time, with one replica
 * SIGKILLed mid-run, are answered once each (what the killed replica owed, by another after the
 * lease, which reads the channel back for what the dead one had already posted); signed Events API
 * mentions interleaved with them are answered once each in their thread, the dead replica's taken
 * over the same way; Slack's retries of a command or a mention are dropped by whichever replica they
 * reach; Discord interactions over HTTP
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
import { eventCallback, sendToSlackApp, slashCommand } from "../support/slack-signing.js";
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
/** @-mentions of the bot from people, one after every MENTION_EVERY commands (each answered in its thread). */
const MENTIONS = 40;
const MENTION_EVERY = 12;
/**
 * The last of the mentions are sent straight to the replica being killed, at the moment it is
 * killed: acked by it, their answers held by the stand-in (Slack has the first message, the replica
 * has not heard back) until it is dead.
 */
const MENTIONS_AT_KILL = 3;
const MENTION_QUERIES = ["search diffusion", "search sparse attention", "search pruning"];
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

  it("500 signed slash commands and 40 mentions, 50 at a time, one replica SIGKILLed mid-run: none answered twice, none lost (the dead one's owed answers taken over after the lease); retries dropped on any replica", async () => {
    const url = `${proxy.url}/slack/events`;
    const answers = new Map<number, number>();
    /** How often each marked part of each answer reached Slack ("n/part" → count). */
    const parts = new Map<string, number>();
    /** How often each marked part of each mention's answer reached Slack ("event:<id>" → part → count). */
    const mentionParts = new Map<string, Map<number, number>>();
    api.on("call", (c: ApiCall) => {
      const mark = (c.body?.metadata as { event_payload?: { owed?: string; part?: number } } | undefined)
        ?.event_payload;
      if (c.method === "chat.postMessage" && mark?.owed?.startsWith("event:") && mark.part !== undefined) {
        const of = mentionParts.get(mark.owed) ?? new Map<number, number>();
        of.set(mark.part, (of.get(mark.part) ?? 0) + 1);
        mentionParts.set(mark.owed, of);
        return;
      }
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
    /** The same for the mentions (by index). */
    const mentionAckedBy = new Map<number, number>();
    const mentionReachedVictim = new Set<number>();
    proxy.onRouted = (routed, req) => {
      if (req.headers["x-mention"] !== undefined) {
        const m = Number(req.headers["x-mention"]);
        if (routed.status === 200) mentionAckedBy.set(m, routed.upstream);
        if (routed.upstream === 2) mentionReachedVictim.add(m);
        return;
      }
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
    const nowS = Math.floor(Date.now() / 1000);
    const mentions = Array.from({ length: MENTIONS }, (_, m) =>
      eventCallback({
        type: "app_mention",
        user: `U${m % CONCURRENCY}`,
        text: `<@UBOT> ${MENTION_QUERIES[m % MENTION_QUERIES.length]}`,
        channel: `C${m % 10}`,
        ts: `${nowS}.${String(m + 1).padStart(6, "0")}`,
      }),
    );
    const mentionOf = new Map(mentions.map((e, m) => [`event:${e.eventId}`, m]));
    const atKill = Array.from({ length: MENTIONS_AT_KILL }, (_, k) => MENTIONS - MENTIONS_AT_KILL + k);
    const atKillIds = new Set(
      atKill.map((m) => `event:${(mentions[m] as (typeof mentions)[number]).eventId}`),
    );
    let victimDead!: () => void;
    const dead = new Promise<void>((resolve) => {
      victimDead = resolve;
    });
    /** The commands in order, a mention after every MENTION_EVERY of them. */
    const jobs: ({ command: number } | { mention: number })[] = [];
    for (let i = 0; i < TOTAL; i++) {
      jobs.push({ command: i });
      const m = Math.floor(i / MENTION_EVERY);
      if (i % MENTION_EVERY === MENTION_EVERY - 1 && m < MENTIONS - MENTIONS_AT_KILL)
        jobs.push({ mention: m });
    }
    const victim = replicas[2] as Replica;
    let acks = 0;
    let killed: Promise<void> | null = null;
    /** The command whose in-channel answer reached Slack as its replica was killed. */
    let heldAnswer: number | undefined;
    let deciding = false;
    // Past KILL_AFTER acks, the next in-channel answer arriving is held while the test learns who
    // acked it; the victim's is held while the victim is SIGKILLed (mid-run: it holds others too).
    api.holdWhen = (c) => {
      const owedBy = (c.body?.metadata as { event_payload?: { owed?: string } } | undefined)?.event_payload
        ?.owed;
      if (c.method === "chat.postMessage" && owedBy && atKillIds.has(owedBy)) return dead;
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
        // Mentions the victim acks in its last moment; killed once the first message of each
        // answer has reached "Slack" (held there).
        const arrivals = atKill.map(
          (m) =>
            new Promise<void>((resolve) => {
              const id = `event:${(mentions[m] as (typeof mentions)[number]).eventId}`;
              const on = (a: ApiCall) => {
                const mark = (a.body?.metadata as { event_payload?: { owed?: string } } | undefined)
                  ?.event_payload;
                if (a.method !== "chat.postMessage" || mark?.owed !== id) return;
                api.off("arrived", on);
                resolve();
              };
              api.on("arrived", on);
            }),
        );
        const acked = await Promise.all(
          atKill.map((m) =>
            sendToSlackApp(`${victim.base}/slack/events`, mentions[m] as (typeof mentions)[number], {
              secret: SECRET,
            }),
          ),
        );
        for (const [k, m] of atKill.entries()) {
          mentionReachedVictim.add(m);
          if (acked[k]?.status === 200) mentionAckedBy.set(m, 2);
        }
        await Promise.all(arrivals);
        answeredBeforeKill = new Set(answers.keys());
        killed = victim.kill();
        await killed;
        victimDead();
      })();
    };
    let retried = 0;
    let next = 0;
    let mentionsRetried = 0;
    const send = async (job: (typeof jobs)[number], headers: Record<string, string> = {}) =>
      "command" in job
        ? sendToSlackApp(url, commands[job.command] as (typeof commands)[number], {
            secret: SECRET,
            headers: { "x-command": String(job.command), ...headers },
          })
        : sendToSlackApp(url, mentions[job.mention] as (typeof mentions)[number], {
            secret: SECRET,
            headers: { "x-mention": String(job.mention), ...headers },
          });
    const worker = async () => {
      for (let j = next++; j < jobs.length; j = next++) {
        const job = jobs[j] as (typeof jobs)[number];
        let res = await send(job);
        // The ack was lost (the replica died with the request): Slack sends it again, marked,
        // up to three times.
        for (let retry = 1; res.status !== 200 && retry <= 3; retry++) {
          if (retry === 1 && "command" in job) retried++;
          else if (retry === 1) mentionsRetried++;
          res = await send(job, { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_error" });
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
    /** The live replicas' log lines with this message, as request ids. */
    const liveIds = (msg: string) =>
      replicas
        .filter((r) => r !== victim)
        .flatMap((r) => r.lines)
        .filter((l) => l.msg === msg)
        .map((l) => String(l.id));
    const commandsIn = (ids: string[]) =>
      ids.filter((id) => byTrigger.has(id)).map((id) => byTrigger.get(id) as number);
    const mentionsIn = (ids: string[]) =>
      ids.filter((id) => mentionOf.has(id)).map((id) => mentionOf.get(id) as number);
    const droppedResends = () => commandsIn(liveIds("dropped a repeated Slack request"));
    const takenOver = () =>
      commandsIn(liveIds("answering a Slack request another replica acked and did not answer"));
    const mentionsTakenOver = () =>
      mentionsIn(liveIds("answering a Slack request another replica acked and did not answer"));
    const mentionAnswered = (m: number) =>
      (mentionParts.get(`event:${(mentions[m] as (typeof mentions)[number]).eventId}`)?.size ?? 0) > 0;
    // Every answer comes in, the dead replica's after the lease (waited for by event; bounded,
    // so a lost one fails below).
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, 4 * OWED_LEASE_MS + 20_000);
      function check() {
        if (commands.every((_, n) => answers.has(n)) && mentions.every((_, m) => mentionAnswered(m)))
          finish();
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
    const mentionsDropped = mentionsIn(liveIds("dropped a repeated Slack request"));

    // Slack's retries of the mentions the killed replica had acked (as after an ack that reached
    // Slack late), each to a live replica: dropped there as repeats, answered no more.
    const victimMentions = [...mentionAckedBy].filter(([, slot]) => slot === 2).map(([m]) => m);
    const live0 = replicas.filter((r) => r !== victim);
    for (const [k, m] of victimMentions.entries()) {
      const to = live0[k % live0.length] as Replica;
      const event = mentions[m] as (typeof mentions)[number];
      const res = await sendToSlackApp(`${to.base}/slack/events`, event, {
        secret: SECRET,
        headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      });
      expect(res.status).toBe(200);
      await to.waitFor(
        (l) => l.msg === "dropped a repeated Slack request" && l.id === `event:${event.eventId}`,
        `the retry of mention ${m} dropped`,
      );
    }

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
    const mentionsLost = mentions.map((_, m) => m).filter((m) => !mentionAnswered(m));
    const mentionsReadBack = mentionsIn(
      liveIds("a part of an owed Slack answer was already posted; not posting it again"),
    );
    const mentionPartTwice = [...mentionParts].flatMap(([id, of]) =>
      [...of].filter(([, n]) => n > 1).map(([part]) => `${mentionOf.get(id)}/${part}`),
    );
    const readBack = commandsIn(
      liveIds("a part of an owed Slack answer was already posted; not posting it again"),
    );
    console.log(
      `replicas: ${TOTAL} commands, ${CONCURRENCY} at a time; one of 3 replicas SIGKILLed with ${inFlightAtKill.length} in flight ` +
        `(${owed.length} acked, not answered): ${MENTIONS} mentions (${mentionReachedVictim.size} reached the killed replica, ${victimMentions.length} acked by it, ${mentionsRetried} resent after a lost ack, ${mentionsDropped.length} of them dropped as owed, ${mentionsTakenOver().length} answered after the lease ${JSON.stringify(mentionsTakenOver())}, ${mentionsReadBack.length} parts found already posted, unanswered ${mentionsLost.length}, a part twice ${mentionPartTwice.length}); ${retried} commands resent by "Slack" after a lost ack (${dropped.length} of them dropped as owed), ${takenOver().length} answered by a live replica after the lease (${readBack.length} parts found already posted by reading the channel back, ${JSON.stringify(readBack)}; held ${heldAnswer}), unanswered ${lost.length}, answered twice ${twiceInChannel.length} in channel, ${twiceEphemeral.length} ephemeral ${JSON.stringify({ twice, takenOver: takenOver() })}`,
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
    // Each mention answered once, in its thread, across the replicas: every part of its answer
    // reached Slack once; the dead replica's are taken over, no live one's.
    expect(mentionsLost).toEqual([]);
    expect(mentionPartTwice).toEqual([]);
    expect(mentionsTakenOver().filter((m) => !mentionReachedVictim.has(m))).toEqual([]);
    expect(mentionsDropped.every((m) => mentionReachedVictim.has(m))).toBe(true);
    // The mentions it acked in its last moment were taken over; the first message of each, which
    // Slack had, was found in its thread and not posted again.
    expect(atKill.every((m) => mentionAckedBy.get(m) === 2)).toBe(true);
    expect(atKill.every((m) => mentionsTakenOver().includes(m))).toBe(true);
    expect([...mentionsReadBack].sort((a, b) => a - b)).toEqual(expect.arrayContaining(atKill));
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
