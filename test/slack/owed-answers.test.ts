/**
 * Answers owed across two adapters on one archive (two replicas). A slash command acked by one
 * adapter that never answers it (its process stopped before the answer) is answered by the other
 * once the lease has run out: through the command's response_url, exactly once, and a resend of
 * the command is dropped meanwhile. A message the first adapter had posted (Slack has it) but not
 * yet recorded as sent is found in the channel or thread by its metadata and not posted again;
 * one that never reached Slack is posted. Mentions are owed and taken over the same way.
 */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { OwedAnswerStore } from "../../src/archive/owed-answers.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { tempDb } from "../support/cli.js";
import type { ApiCall, FakeSlackApi } from "../support/slack-api.js";
import { eventCallback, sendToSlackApp, slashCommand } from "../support/slack-signing.js";
import { dieAfterAck, SECRET } from "./harness.js";
import { arrival, LEASE, partsOf, replica } from "./owed-replicas.js";

describe("answers owed across two adapters on one archive", () => {
  it("a command acked and left unanswered is answered once by the other adapter after the lease", async () => {
    const dbPath = tempDb();
    const a = await replica(dbPath, "a");
    const b = await replica(dbPath, "b");
    // Adapter a acks and then hangs before any answer: what a SIGKILL after the ack leaves.
    let hung!: () => void;
    let started!: () => void;
    const inside = new Promise<void>((resolve) => {
      started = resolve;
    });
    a.bot.respond = () => {
      started();
      return new Promise<void>((resolve) => {
        hung = resolve;
      });
    };
    try {
      const cmd = slashCommand("search sparse attention", { responseUrl: b.api.responseUrl("cmd-1") });
      expect((await sendToSlackApp(a.url, cmd, { secret: SECRET })).status).toBe(200);
      await inside;
      const answers = () => b.api.of("respond").filter((c) => c.path.endsWith("/cmd-1"));

      // Slack's resend of it, reaching b while a still holds it: acked and dropped there.
      const dropped = new Promise<string>((resolve) => b.adapter.once("duplicate", (id) => resolve(id)));
      const resend = await sendToSlackApp(b.url, cmd, {
        secret: SECRET,
        headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      });
      expect(resend.status).toBe(200);
      expect(await dropped).toBe(`trigger:${cmd.triggerId}`);

      // Within the lease a is presumed alive: nothing is taken over.
      b.clock.advance(LEASE - 1);
      expect(await b.adapter.sweepOwed()).toBe(0);
      expect(answers()).toEqual([]);

      b.clock.advance(1);
      expect(await b.adapter.sweepOwed()).toBe(1);
      const answered = answers();
      expect(answered.length).toBeGreaterThan(0);
      expect(JSON.stringify(answered.map((c) => c.body))).toMatch(/sparse/i);

      // Settled: later sweeps (on either adapter) answer nothing more.
      b.clock.advance(10 * LEASE);
      a.clock.advance(10 * LEASE);
      expect(await b.adapter.sweepOwed()).toBe(0);
      expect(await a.adapter.sweepOwed()).toBe(0);
      expect(answers().length).toBe(answered.length);
      expect(b.engine.store(OwedAnswerStore).pending()).toBe(0);
    } finally {
      hung?.();
      await a.close();
      await b.close();
    }
  });
});

/** A logger whose lines a test can wait for (by message). */
function watchedLogger(): { logger: Logger; line(match: RegExp): Promise<Record<string, unknown>> } {
  const waiting: { match: RegExp; resolve(line: Record<string, unknown>): void }[] = [];
  const seen: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const text of String(chunk).split("\n").filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, unknown>;
        seen.push(line);
        for (const w of waiting.splice(0)) {
          if (w.match.test(String(line.msg))) w.resolve(line);
          else waiting.push(w);
        }
      }
      done();
    },
  });
  return {
    logger: createLogger({ destination: stream, level: "info" }),
    line: (match) =>
      new Promise((resolve) => {
        const earlier = seen.find((l) => match.test(String(l.msg)));
        if (earlier) resolve(earlier);
        else waiting.push({ match, resolve });
      }),
  };
}

/** The answer messages of owed answer `id` posted through `api`. */
function answersTo(api: FakeSlackApi, id: string): ApiCall[] {
  return api
    .of("chat.postMessage")
    .filter((c) => (c.body.metadata as { event_payload?: { owed?: string } })?.event_payload?.owed === id);
}

describe("an event acked by a replica that dies before its listener runs", () => {
  it("a mention is owed before Bolt's 200 and answered once, in its thread, by the other adapter; Slack's retry of it is dropped", async () => {
    const dbPath = tempDb();
    const a = await replica(dbPath, "a");
    const b = await replica(dbPath, "b");
    const thread = "1755075000.000100";
    const mention = eventCallback({
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> search diffusion",
      channel: "C4",
      ts: "1755075600.000200",
      thread_ts: thread,
    });
    const id = `event:${mention.eventId}`;
    const death = dieAfterAck(a, mention.eventId);
    try {
      expect((await sendToSlackApp(a.url, mention, { secret: SECRET })).status).toBe(200);
      await death.reached;
      // Acked, and owed before the ack: the row is there while a's listener never runs.
      expect(b.engine.store(OwedAnswerStore).pending()).toBe(1);

      // Slack's retry of the event, reaching b: a repeat, dropped (a still holds it).
      const dropped = new Promise<string>((resolve) => b.adapter.once("duplicate", (d) => resolve(d)));
      const retry = await sendToSlackApp(b.url, mention, {
        secret: SECRET,
        headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      });
      expect(retry.status).toBe(200);
      expect(await dropped).toBe(id);

      b.clock.advance(LEASE - 1);
      expect(await b.adapter.sweepOwed()).toBe(0);
      b.clock.advance(1);
      expect(await b.adapter.sweepOwed()).toBe(1);
      const answer = answersTo(b.api, id);
      expect(answer.length).toBe(1);
      expect(answer[0]?.body.channel).toBe("C4");
      expect(answer[0]?.body.thread_ts).toBe(thread);
      expect(JSON.stringify(answer[0]?.body)).toMatch(/diffusion/i);
      expect(a.api.of("chat.postMessage")).toEqual([]);
      expect(b.engine.store(OwedAnswerStore).pending()).toBe(0);

      // Revived, a runs no listener and posts nothing; later sweeps answer nothing more.
      death.revive();
      b.clock.advance(10 * LEASE);
      a.clock.advance(10 * LEASE);
      expect(await b.adapter.sweepOwed()).toBe(0);
      expect(await a.adapter.sweepOwed()).toBe(0);
      expect(answersTo(b.api, id).length).toBe(1);
      expect(a.api.of("chat.postMessage")).toEqual([]);
    } finally {
      death.revive();
      await a.close();
      await b.close();
    }
  });

  it("a question in a discussion thread is taken over the same way; one in a thread that is no discussion leaves no owed row", async () => {
    const dbPath = tempDb();
    const a = await replica(dbPath, "a");
    const b = await replica(dbPath, "b");
    const thread = "1755075000.000900";
    const paperPk = a.engine.papers.dayPks("2025-08-12")[0] as number;
    a.engine.threads.open({
      platform: "slack",
      workspace: "T1",
      channel: "C5",
      thread,
      paperPk,
      createdBy: "U1",
    });
    const question = eventCallback({
      type: "message",
      channel: "C5",
      channel_type: "channel",
      user: "U2",
      text: "what dataset do they evaluate on?",
      ts: "1755075600.000300",
      thread_ts: thread,
    });
    const id = `event:${question.eventId}`;
    const death = dieAfterAck(a, question.eventId);
    try {
      // Elsewhere, a thread no paper is bound to: paperboy does not answer it, and owes nothing.
      const chatter = eventCallback({
        type: "message",
        channel: "C5",
        user: "U3",
        text: "lunch?",
        ts: "1755075600.000400",
        thread_ts: "1755075000.000111",
      });
      expect((await sendToSlackApp(a.url, chatter, { secret: SECRET })).status).toBe(200);
      expect(a.engine.store(OwedAnswerStore).pending()).toBe(0);

      expect((await sendToSlackApp(a.url, question, { secret: SECRET })).status).toBe(200);
      await death.reached;
      expect(a.engine.store(OwedAnswerStore).pending()).toBe(1);

      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      const answer = answersTo(b.api, id);
      expect(answer.map((c) => [c.body.channel, c.body.thread_ts])).toEqual([["C5", thread]]);
      expect(b.engine.store(OwedAnswerStore).pending()).toBe(0);
      // Only the question was ever owed: the chatter is not taken over either.
      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(0);
      expect(b.api.of("chat.postMessage").length).toBe(1);
    } finally {
      death.revive();
      await a.close();
      await b.close();
    }
  });

  it("an event owed before the ack that paperboy then does not answer is settled by its replica, and no other re-runs it", async () => {
    const dbPath = tempDb();
    const log = watchedLogger();
    const a = await replica(dbPath, "a", undefined, log.logger);
    const b = await replica(dbPath, "b");
    const thread = "1755075000.000500";
    const paperPk = a.engine.papers.dayPks("2025-08-12")[0] as number;
    a.engine.threads.open({
      platform: "slack",
      workspace: "T1",
      channel: "C6",
      thread,
      paperPk,
      createdBy: "U1",
    });
    /** A body without `authorizations`: before the ack the bot's own user id is not known. */
    const anonymous = (event: Record<string, unknown>) => {
      const req = eventCallback(event);
      const body = JSON.parse(req.body) as Record<string, unknown>;
      delete body.authorizations;
      return { ...req, body: JSON.stringify(body) };
    };
    try {
      // The bot's own plain message in the thread: owed before the ack, dropped by Bolt's
      // ignore-self rule (Bolt knows the bot's id by then), so no listener takes it.
      const own = anonymous({
        type: "message",
        channel: "C6",
        user: "UBOT",
        text: "a reply",
        ts: "1.1",
        thread_ts: thread,
      });
      expect((await sendToSlackApp(a.url, own, { secret: SECRET })).status).toBe(200);
      expect((await log.line(/reached no listener/)).id).toBe(`event:${own.eventId}`);
      expect(a.engine.store(OwedAnswerStore).pending()).toBe(0);

      // A person's message that mentions paperboy: its app_mention answers it, not this message.
      const mentioning = anonymous({
        type: "message",
        channel: "C6",
        user: "U2",
        text: "<@UBOT> search diffusion",
        ts: "1.2",
        thread_ts: thread,
      });
      expect((await sendToSlackApp(a.url, mentioning, { secret: SECRET })).status).toBe(200);
      expect((await log.line(/is none paperboy answers/)).id).toBe(`event:${mentioning.eventId}`);
      expect(a.engine.store(OwedAnswerStore).pending()).toBe(0);

      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(0);
      expect(a.api.of("chat.postMessage")).toEqual([]);
      expect(b.api.of("chat.postMessage")).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe("an owed answer's parts are posted once across a take-over", () => {
  it("a command's answer that reached the channel before its replica stalled is found by its metadata and not posted again", async () => {
    const dbPath = tempDb();
    const a = await replica(dbPath, "a");
    const b = await replica(dbPath, "b");
    b.api.nowMs = () => b.clock.now().getTime();
    let release!: () => void;
    b.api.script("respond", { hold: new Promise<void>((r) => (release = r)) });
    try {
      const cmd = slashCommand("search sparse attention", {
        responseUrl: b.api.responseUrl("cmd-1", "C1"),
        channel: "C1",
      });
      const posted = arrival(b.api, (c) => c.method === "respond");
      const aDone = new Promise((resolve) => a.adapter.once("handled", resolve));
      expect((await sendToSlackApp(a.url, cmd, { secret: SECRET })).status).toBe(200);
      // Slack has the answer (in the channel) but a has not heard back: it is "sending".
      const first = await posted;
      const id = `trigger:${cmd.triggerId}`;
      expect(first.body.metadata).toEqual({
        event_type: "paperboy_answer",
        event_payload: { owed: id, part: 1 },
      });
      expect(first.body.response_type).toBe("in_channel");

      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      // b read the channel back, found part 1 and posted nothing; the answer is settled.
      expect(b.api.of("conversations.history").length).toBeGreaterThan(0);
      expect(b.api.of("respond").length).toBe(1);
      expect(partsOf(b.api, "C1", id)).toEqual([1]);
      expect(b.engine.store(OwedAnswerStore).pending()).toBe(0);

      // a comes back: its claim is gone, it posts nothing more.
      release();
      await aDone;
      expect(b.api.of("respond").length).toBe(1);
    } finally {
      release?.();
      await a.close();
      await b.close();
    }
  });

  it("a part marked sending that never reached Slack is posted by the take-over; an ephemeral one is posted again, unread", async () => {
    const dbPath = tempDb();
    const b = await replica(dbPath, "b");
    b.api.nowMs = () => b.clock.now().getTime();
    try {
      const store = b.engine.store(OwedAnswerStore);
      const at = b.clock.now();
      const request = (input: string, url: string) => ({
        kind: "command",
        input,
        responseUrl: url,
        workspace: "T1",
        channel: "C2",
        user: "U1",
        at: at.toISOString(),
      });
      // What a replica killed right after marking part 1 "sending" leaves (its POST never left).
      store.owe(
        "trigger:lost",
        "slack",
        request("search sparse attention", b.api.responseUrl("lost", "C2")),
        "dead",
        at,
      );
      expect(store.sending("trigger:lost", 1, "dead")).toBe(true);
      store.owe("trigger:help", "slack", request("help", b.api.responseUrl("help", "C2")), "dead", at);
      expect(store.sending("trigger:help", 1, "dead")).toBe(true);
      // Another claimant cannot mark it.
      expect(store.sending("trigger:lost", 1, "b")).toBe(false);

      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(2);
      expect(partsOf(b.api, "C2", "trigger:lost")).toEqual([1]);
      // Help goes to the asker only: nothing in the channel to read back, so it is sent (again).
      const help = b.api.of("respond").filter((c) => c.path.endsWith("/help"));
      expect(help.map((c) => c.body.response_type)).toEqual(["ephemeral"]);
      expect(partsOf(b.api, "C2", "trigger:help")).toEqual([]);
      expect(store.pending()).toBe(0);
    } finally {
      await b.close();
    }
  });

  it("a mention acked by a replica that stalls after posting its answer is not answered twice; one that stalls before is answered by the other", async () => {
    const dbPath = tempDb();
    const a = await replica(dbPath, "a");
    // One Slack for both: b reads back what a posted.
    const slack = a.api;
    const b = await replica(dbPath, "b", slack);
    slack.nowMs = () => a.clock.now().getTime();
    let release!: () => void;
    slack.script("chat.postMessage", { hold: new Promise<void>((r) => (release = r)) });
    let hung!: () => void;
    try {
      const thread = "1755075000.000100";
      const mention = eventCallback({
        type: "app_mention",
        user: "U1",
        text: "<@UBOT> search sparse attention",
        channel: "C3",
        ts: "1755075600.000200",
        thread_ts: thread,
      });
      const posted = arrival(slack, (c) => c.method === "chat.postMessage" && c.body.channel === "C3");
      const aDone = new Promise((resolve) => a.adapter.once("handled", resolve));
      expect((await sendToSlackApp(a.url, mention, { secret: SECRET })).status).toBe(200);
      const first = await posted;
      const id = `event:${mention.eventId}`;
      expect(first.body.thread_ts).toBe(thread);
      expect(first.body.metadata).toEqual({
        event_type: "paperboy_answer",
        event_payload: { owed: id, part: 1 },
      });

      // Slack's resend of the event, reaching b: dropped there (it is owed).
      const dropped = new Promise<string>((resolve) => b.adapter.once("duplicate", (d) => resolve(d)));
      await sendToSlackApp(b.url, mention, {
        secret: SECRET,
        headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      });
      expect(await dropped).toBe(id);

      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      expect(slack.of("conversations.replies").length).toBeGreaterThan(0);
      release();
      await aDone;
      expect(partsOf(slack, "C3", id)).toEqual([1]);

      // A second mention: a hangs before posting anything; b answers it in the thread, once.
      const again = eventCallback({
        type: "app_mention",
        user: "U2",
        text: "<@UBOT> search diffusion",
        channel: "C3",
        ts: "1755075700.000300",
        thread_ts: thread,
      });
      const owed = new Promise<void>((resolve) => {
        const check = () => {
          if (b.engine.store(OwedAnswerStore).pending() === 1) resolve();
        };
        // The row is written before a's listener calls bot.respond (which hangs).
        a.bot.respond = () => {
          check();
          return new Promise<void>((r) => (hung = r));
        };
      });
      expect((await sendToSlackApp(a.url, again, { secret: SECRET })).status).toBe(200);
      await owed;
      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      const againId = `event:${again.eventId}`;
      expect(partsOf(slack, "C3", againId)).toEqual([1]);
      const answer = slack
        .of("chat.postMessage")
        .find(
          (c) => (c.body.metadata as { event_payload?: { owed?: string } })?.event_payload?.owed === againId,
        );
      expect(answer?.body.thread_ts).toBe(thread);
      expect(JSON.stringify(answer?.body)).toMatch(/diffusion/i);
      expect(b.engine.store(OwedAnswerStore).pending()).toBe(0);
    } finally {
      release?.();
      hung?.();
      await a.close();
      await b.close();
    }
  });
});
