/**
 * A slow or cut-off Slack never gets a message twice from the client's own retries. A post Slack
 * stored but never answered (the connection dropped, or the answer came after the client's
 * timeout) is found by its mark and not posted again; one Slack never stored is posted again, once;
 * one that cannot be looked for is not posted blindly (a roundup part) and that is said.
 */
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, type Logger } from "../../src/logger.js";
import { seventyTopicRoundup } from "../support/roundup-replies.js";
import type { FakeSlackApi } from "../support/slack-api.js";
import { eventCallback, sendToSlackApp, slashCommand } from "../support/slack-signing.js";
import { type Harness, owedIn, SECRET, startHarness } from "./harness.js";

/** A client timeout short enough for a test, long enough for a loaded machine's loopback call. */
const SHORT_TIMEOUT_MS = 400;

let h: Harness | undefined;
let release: (() => void) | undefined;
afterEach(async () => {
  release?.();
  release = undefined;
  await h?.close();
  h = undefined;
});

/** A harness whose stand-in stamps messages with the harness clock (marks are read back from then). */
async function harness(adapter: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  let made: Harness | undefined;
  made = await startHarness({
    ...adapter,
    before: (api) => {
      api.nowMs = () => (made as Harness).clock.now().getTime();
    },
  });
  return made;
}

/** A roundup long enough for several messages. */
/** The delivery parts in a channel, in posting order (one entry per stored message). */
function roundupParts(api: FakeSlackApi, channel: string): number[] {
  return api
    .posted(channel)
    .reverse()
    .map((m) => (m.metadata as { event_payload?: { part?: number } } | undefined)?.event_payload?.part ?? 0);
}

/** The posting and reading calls, in the order they reached Slack. */
function methodsInOrder(api: FakeSlackApi): string[] {
  return api.calls
    .filter((c) => ["chat.postMessage", "conversations.history", "conversations.replies"].includes(c.method))
    .map((c) => c.method);
}

/** A logger that keeps its lines (JSON objects) for the test to read. */
function recordingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ destination: stream, level: "info" }), lines };
}

async function postRoundup(channel: string) {
  const hh = h as Harness;
  return hh.adapter.post({ platform: "slack", workspace: "T1", channel }, [seventyTopicRoundup()], {
    id: `slack:${channel}:2025-08-12`,
    label: "roundup 2025-08-12",
    since: hh.clock.now(),
    resume: false,
  });
}

describe("posting to a Slack that does not answer", () => {
  it("a roundup part Slack stored before the connection dropped is found by its mark, not posted again", async () => {
    h = await harness();
    // Part 2's connection drops after Slack stored it.
    h.api.script("chat.postMessage", {}, { hangUp: "stored" });
    const ids = await postRoundup("C-DROP");
    const parts = roundupParts(h.api, "C-DROP");
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts).toEqual(parts.map((_, i) => i + 1));
    expect(ids).toEqual(
      h.api
        .posted("C-DROP")
        .reverse()
        .map((m) => m.ts),
    );
    expect(h.api.of("chat.postMessage").length).toBe(parts.length);
    expect(h.api.of("conversations.history").length).toBe(1);
  });

  it("a roundup part answered only after the client's timeout is found by its mark, not posted again", async () => {
    h = await harness({ adapter: { apiTimeoutMs: SHORT_TIMEOUT_MS } });
    // Slack stores part 1 at once and holds its answer past the timeout (until the test ends).
    h.api.script("chat.postMessage", { hold: new Promise<void>((r) => (release = r)) });
    await postRoundup("C-SLOW");
    const parts = roundupParts(h.api, "C-SLOW");
    expect(parts).toEqual(parts.map((_, i) => i + 1));
    expect(h.api.of("chat.postMessage").length).toBe(parts.length);
  });

  it("a roundup part Slack never stored is posted again, once", async () => {
    h = await harness();
    h.api.script("chat.postMessage", { hangUp: "lost" });
    await postRoundup("C-LOST");
    const parts = roundupParts(h.api, "C-LOST");
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts).toEqual(parts.map((_, i) => i + 1));
    // Part 1 twice on the wire (the lost one and the re-post), once in the channel.
    const wire = h.api.of("chat.postMessage").map((c) => c.body.metadata?.event_payload?.part);
    expect(wire.slice(0, 2)).toEqual([1, 1]);
    expect(wire.length).toBe(parts.length + 1);
    // Re-posted only after the channel was read back without it.
    expect(methodsInOrder(h.api).slice(0, 3)).toEqual([
      "chat.postMessage",
      "conversations.history",
      "chat.postMessage",
    ]);
  });

  it("a roundup part that cannot be looked for (no history scope) is not posted blindly: taken as posted, and logged", async () => {
    const { logger, lines } = recordingLogger();
    h = await harness({ adapter: { logger } });
    h.api.script("chat.postMessage", { hangUp: "stored" });
    h.api.script("conversations.history", { body: { ok: false, error: "missing_scope" } });
    const ids = await postRoundup("C-BLIND");
    const parts = roundupParts(h.api, "C-BLIND");
    expect(parts).toEqual(parts.map((_, i) => i + 1));
    expect(h.api.of("chat.postMessage").length).toBe(parts.length);
    // Slack's answer never came: the part's id is not known.
    expect(ids.length).toBe(parts.length - 1);
    expect(lines.some((l) => /cannot be read back; not posting it again/.test(String(l.msg)))).toBe(true);
  });

  it("an alert (a post without a delivery mark) stored by Slack before the connection dropped is posted once", async () => {
    h = await harness();
    h.api.script("chat.postMessage", { hangUp: "stored" });
    const ids = await h.adapter.post({ platform: "slack", workspace: "T1", channel: "C-ALERT" }, [
      { kind: "notice", level: "info", text: "A new paper matches your watch: sparse attention." },
    ]);
    expect(h.api.posted("C-ALERT").map((m) => m.text)).toEqual([expect.stringMatching(/sparse attention/)]);
    expect(ids).toEqual(h.api.posted("C-ALERT").map((m) => m.ts));
    expect(h.api.of("chat.postMessage").length).toBe(1);
  });

  it("an owed answer to a mention, stored by Slack but answered after the timeout, is in the channel once", async () => {
    h = await harness({
      adapter: { apiTimeoutMs: SHORT_TIMEOUT_MS, owed: owedIn(() => h as Harness, "a", 60_000) },
    });
    h.api.script("chat.postMessage", { hold: new Promise<void>((r) => (release = r)) });
    const mention = eventCallback({
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> search sparse attention",
      channel: "C-ANSWER",
      ts: "1755075600.000200",
    });
    const handled = new Promise((resolve) => h?.adapter.once("handled", resolve));
    expect((await sendToSlackApp(h.url, mention, { secret: SECRET })).status).toBe(200);
    await handled;
    const answers = h.api.posted("C-ANSWER");
    expect(answers.map((m) => m.metadata)).toEqual([
      { event_type: "paperboy_answer", event_payload: { owed: `event:${mention.eventId}`, part: 1 } },
    ]);
    expect(answers[0]?.text).toMatch(/sparse|attention|papers/i);
    expect(h.api.of("chat.postMessage").length).toBe(1);
    expect(h.api.of("conversations.history").length).toBe(1);
  });

  it("an owed answer Slack never stored is posted again, once", async () => {
    h = await harness({ adapter: { owed: owedIn(() => h as Harness, "a", 60_000) } });
    h.api.script("chat.postMessage", { hangUp: "lost" });
    const mention = eventCallback({
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> search sparse attention",
      channel: "C-RETRY",
      ts: "1755075600.000300",
    });
    const handled = new Promise((resolve) => h?.adapter.once("handled", resolve));
    expect((await sendToSlackApp(h.url, mention, { secret: SECRET })).status).toBe(200);
    await handled;
    expect(h.api.posted("C-RETRY").length).toBe(1);
    expect(h.api.of("chat.postMessage").length).toBe(2);
    // Re-posted only after the channel was read back without it.
    expect(methodsInOrder(h.api)).toEqual(["chat.postMessage", "conversations.history", "chat.postMessage"]);
  });

  it("an export whose files Slack shared before the connection dropped is found by their names, not shared again", async () => {
    h = await harness({ adapter: { owed: owedIn(() => h as Harness, "a", 60_000) } });
    h.api.script("files.completeUploadExternal", { hangUp: "stored" });
    const cmd = slashCommand("export week 2025-08-12", { responseUrl: h.api.responseUrl("x-1", "C1") });
    const handled = new Promise((resolve) => h?.adapter.once("handled", resolve));
    expect((await sendToSlackApp(h.url, cmd, { secret: SECRET })).status).toBe(200);
    await handled;
    expect(h.api.posted("C1").filter((m) => m.files).length).toBe(1);
    expect(h.api.of("files.completeUploadExternal").length).toBe(1);
    expect(h.api.of("conversations.history").length).toBe(1);
  });

  it("a discussion card Slack stored before the connection dropped is found by its mark: one card, its intro in its thread", async () => {
    h = await harness({ adapter: { owed: owedIn(() => h as Harness, "a", 60_000) } });
    const paper = h.engine.papers.byPk(h.engine.papers.dayPks("2025-08-12")[0] as number)?.id as string;
    h.api.script("chat.postMessage", { hangUp: "stored" });
    const cmd = slashCommand(`discuss ${paper}`, { responseUrl: h.api.responseUrl("d-1", "C1") });
    const handled = new Promise((resolve) => h?.adapter.once("handled", resolve));
    expect((await sendToSlackApp(h.url, cmd, { secret: SECRET })).status).toBe(200);
    await handled;
    const posts = h.api.of("chat.postMessage");
    const cards = posts.filter((c) => !c.body.thread_ts);
    expect(cards.length).toBe(1);
    const card = cards[0]?.answer?.ts as string;
    expect(posts.filter((c) => c.body.thread_ts).every((c) => c.body.thread_ts === card)).toBe(true);
    expect(posts.length).toBeGreaterThan(1);
    expect(
      h.bot.threadPaper({
        platform: "slack",
        workspace: "T1",
        channel: "C1",
        user: "U1",
        at: h.clock.now(),
        addressed: true,
        thread: card,
      })?.id,
    ).toBe(paper);
    expect(h.api.of("chat.delete")).toEqual([]);
  });
});
