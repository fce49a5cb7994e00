/**
 * What a take-over can and cannot read back, beyond a plain in-channel message: a file (found by
 * its files' names in the channel), a `discuss` (found by its card's mark; the take-over completes
 * that one discussion), the first page of "More" (re-sent with replace_original, which replaces
 * the pressed message: Slack's documented behaviour, modelled by the stand-in), and a re-run on a
 * hostile digest's paper (still escaped). Replica a is stalled by the stand-in holding one of its
 * calls (Slack has the message, a has not heard back: what a kill between send and mark leaves);
 * replica b sweeps after the lease.
 */

import type { RespondFn } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { type AnswerMetadata, answerMetadata, type PartLedger } from "../../adapters/slack/answer-marks.js";
import { Delivery, type Outlet } from "../../adapters/slack/deliver.js";
import { OwedAnswerStore } from "../../src/archive/owed-answers.js";
import type { Bot } from "../../src/bot/bot.js";
import { silentLogger } from "../../src/logger.js";
import { tempDb } from "../support/cli.js";
import { HOSTILE } from "../support/fixtures.js";
import { oversizedRoundup } from "../support/roundup-replies.js";
import type { ApiCall, FakeSlackApi } from "../support/slack-api.js";
import { controlSequences, mrkdwnTexts } from "../support/slack-blockkit.js";
import { sendToSlackApp, slashCommand } from "../support/slack-signing.js";
import { type Harness, SECRET } from "./harness.js";
import { arrival, LEASE, partsOf, replica } from "./owed-replicas.js";

/** Replica a and b on one archive and one Slack; Slack stamps messages with a's clock. */
async function pair(): Promise<{ a: Harness; b: Harness; slack: FakeSlackApi }> {
  const dbPath = tempDb();
  const a = await replica(dbPath, "a");
  const b = await replica(dbPath, "b", a.api);
  a.api.nowMs = () => a.clock.now().getTime();
  return { a, b, slack: a.api };
}

/** Replica b alone (the replica that owed the answer is dead), with its Slack stand-in. */
async function survivor(): Promise<{ b: Harness; slack: FakeSlackApi }> {
  const b = await replica(tempDb(), "b");
  b.api.nowMs = () => b.clock.now().getTime();
  return { b, slack: b.api };
}

/** Holds the first call `match` picks until the returned release is called. */
function holdFirst(slack: FakeSlackApi, match: (c: ApiCall) => boolean): () => void {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let used = false;
  slack.holdWhen = (c) => {
    if (used || !match(c)) return undefined;
    used = true;
    return held;
  };
  return () => release();
}

/** A paper id of the harness's digest day. */
function paperId(h: Harness, day = "2025-08-12"): string {
  return h.engine.papers.byPk(h.engine.papers.dayPks(day)[0] as number)?.id as string;
}

/** A request a replica that has since died owed, with part 1 left sending (its POST never left). */
function deadOwes(h: Harness, id: string, input: string, responseUrl: string, extra = {}): void {
  const store = h.engine.store(OwedAnswerStore);
  const at = h.clock.now();
  const request = {
    kind: "command",
    input,
    responseUrl,
    workspace: "T1",
    channel: "C1",
    user: "U1",
    at: at.toISOString(),
    ...extra,
  };
  expect(store.owe(id, "slack", request, "dead", at)).toBe(true);
  expect(store.sending(id, 1, "dead")).toBe(true);
}

const isCard = (id: string) => (c: ApiCall) =>
  c.method === "chat.postMessage" && !c.body.thread_ts && c.body.metadata?.event_payload?.owed === id;
const isIntro = (c: ApiCall) =>
  c.method === "chat.postMessage" && Boolean(c.body.thread_ts) && c.body.metadata?.event_payload?.piece === 1;

describe("a take-over reads back files and discussions", () => {
  it("a file shared before its replica stalled is found by name and not uploaded again", async () => {
    const { a, b, slack } = await pair();
    const release = holdFirst(slack, (c) => c.method === "files.completeUploadExternal");
    try {
      const cmd = slashCommand("export week 2025-08-12", { responseUrl: slack.responseUrl("x-1", "C1") });
      const shared = arrival(slack, (c) => c.method === "files.completeUploadExternal");
      const aDone = new Promise((resolve) => a.adapter.once("handled", resolve));
      expect((await sendToSlackApp(a.url, cmd, { secret: SECRET })).status).toBe(200);
      await shared;
      const files = () => slack.posted("C1").filter((m) => m.files);
      expect(files().length).toBe(1);

      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      expect(slack.of("conversations.history").length).toBeGreaterThan(0);
      // a's export (two files, one message) is the only one: b uploaded nothing.
      expect(slack.of("files.getUploadURLExternal").length).toBe(2);
      expect(slack.of("files.completeUploadExternal").length).toBe(1);
      expect(files().length).toBe(1);
      expect(b.engine.store(OwedAnswerStore).pending()).toBe(0);

      // a comes back: its upload was answered, its claim is gone; nothing more is shared.
      release();
      await aDone;
      expect(files().length).toBe(1);
    } finally {
      release();
      await a.close();
      await b.close();
    }
  });

  it("a person's upload of same-named files is not the bot's answer: the take-over uploads it", async () => {
    const { b, slack } = await survivor();
    try {
      deadOwes(b, "trigger:x-5", "export week 2025-08-12", slack.responseUrl("x-5", "C1"));
      // Someone shares files named as the export's in the channel after the request was made.
      const names = ["paperboy-week-2025-08-12.md", "paperboy-week-2025-08-12.bib"];
      slack.say("C1", {
        user: "U2",
        text: "my own copy",
        files: names.map((name, i) => ({ id: `FP${i}`, name, title: name })),
      });
      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      expect(slack.of("conversations.history").length).toBeGreaterThan(0);
      const shared = slack.posted("C1").filter((m) => m.files);
      expect(shared.length).toBe(1);
      expect(shared[0]?.files?.map((f) => f.name).sort()).toEqual([...names].sort());
      expect(b.engine.store(OwedAnswerStore).pending()).toBe(0);
    } finally {
      await b.close();
    }
  });

  it("a file part that never reached Slack is uploaded by the take-over, once", async () => {
    const { b, slack } = await survivor();
    try {
      deadOwes(b, "trigger:x-2", "export week 2025-08-12", slack.responseUrl("x-2", "C1"));
      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      const files = slack.posted("C1").filter((m) => m.files);
      expect(files.length).toBe(1);
      expect(files[0]?.files?.[0]?.name).toMatch(/\.(md|csv|bib|json)$/);
    } finally {
      await b.close();
    }
  });

  it("a discussion whose card and intro reached Slack is not opened again, and its thread stays bound", async () => {
    const { a, b, slack } = await pair();
    const release = holdFirst(slack, isIntro);
    try {
      const id = paperId(a);
      const cmd = slashCommand(`discuss ${id}`, { responseUrl: slack.responseUrl("d-1", "C1") });
      const owed = `trigger:${cmd.triggerId}`;
      const intro = arrival(slack, isIntro);
      const aDone = new Promise((resolve) => a.adapter.once("handled", resolve));
      expect((await sendToSlackApp(a.url, cmd, { secret: SECRET })).status).toBe(200);
      const introCall = await intro;
      const card = slack.of("chat.postMessage").find(isCard(owed));
      expect(card?.answer?.ts).toBe(introCall.body.thread_ts);

      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      expect(slack.of("conversations.replies").length).toBeGreaterThan(0);
      expect(slack.of("chat.postMessage").filter(isCard(owed)).length).toBe(1);
      expect(slack.of("chat.postMessage").filter(isIntro).length).toBe(1);
      const thread = card?.answer?.ts as string;
      expect(b.bot.threadPaper({ ...ctxIn("C1"), thread })?.id).toBe(id);

      release();
      await aDone;
      expect(slack.of("chat.postMessage").length).toBe(2);
      expect(slack.of("chat.delete")).toEqual([]);
    } finally {
      release();
      await a.close();
      await b.close();
    }
  });

  it("a discussion whose card reached Slack before its replica stalled is completed there, not opened twice", async () => {
    const { a, b, slack } = await pair();
    const id = paperId(a);
    const cmd = slashCommand(`discuss ${id}`, { responseUrl: slack.responseUrl("d-2", "C1") });
    const owed = `trigger:${cmd.triggerId}`;
    const release = holdFirst(slack, isCard(owed));
    try {
      const posted = arrival(slack, isCard(owed));
      const aDone = new Promise((resolve) => a.adapter.once("handled", resolve));
      expect((await sendToSlackApp(a.url, cmd, { secret: SECRET })).status).toBe(200);
      const card = await posted;
      const thread = card.answer?.ts as string;
      // a posted the card and has not bound its thread: the paper's thread is unknown yet.
      expect(b.bot.threadPaper({ ...ctxIn("C1"), thread })).toBeNull();

      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      expect(b.bot.threadPaper({ ...ctxIn("C1"), thread })?.id).toBe(id);
      const intros = () => slack.of("chat.postMessage").filter(isIntro);
      expect(intros().map((c) => c.body.thread_ts)).toEqual([thread]);

      // a comes back with the card's ts: it has lost the answer, so it neither binds, posts nor
      // takes the card back, and tells the asker nothing.
      release();
      await aDone;
      expect(slack.of("chat.postMessage").filter(isCard(owed)).length).toBe(1);
      expect(intros().length).toBe(1);
      expect(slack.of("chat.delete")).toEqual([]);
      expect(slack.of("respond").filter((c) => String(c.body.text).includes(":warning:"))).toEqual([]);
      expect(b.bot.threadPaper({ ...ctxIn("C1"), thread })?.id).toBe(id);
    } finally {
      release();
      await a.close();
      await b.close();
    }
  });

  it("with the channel unreadable, the archive tells that the discussion was opened: no second one", async () => {
    const { a, b, slack } = await pair();
    const release = holdFirst(slack, isIntro);
    try {
      const id = paperId(a);
      const cmd = slashCommand(`discuss ${id}`, { responseUrl: slack.responseUrl("d-4", "C1") });
      const owed = `trigger:${cmd.triggerId}`;
      const intro = arrival(slack, isIntro);
      expect((await sendToSlackApp(a.url, cmd, { secret: SECRET })).status).toBe(200);
      const thread = (await intro).body.thread_ts as string;
      // The app lost channels:history meanwhile (or left the channel).
      const refused = { body: { ok: false, error: "missing_scope" } };
      slack.script("conversations.history", refused);
      slack.script("conversations.replies", refused);

      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      expect(slack.of("conversations.history").map((c) => c.answer?.error)).toEqual(["missing_scope"]);
      expect(slack.of("chat.postMessage").filter(isCard(owed)).length).toBe(1);
      expect(slack.of("chat.postMessage").filter(isIntro).length).toBe(1);
      expect(b.bot.threadPaper({ ...ctxIn("C1"), thread })?.id).toBe(id);
      expect(b.engine.store(OwedAnswerStore).pending()).toBe(0);
    } finally {
      release();
      await a.close();
      await b.close();
    }
  });

  it("a discussion that never reached Slack is opened by the take-over, once", async () => {
    const { b, slack } = await survivor();
    try {
      const id = paperId(b);
      deadOwes(b, "trigger:d-3", `discuss ${id}`, slack.responseUrl("d-3", "C1"));
      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      const cards = slack.of("chat.postMessage").filter(isCard("trigger:d-3"));
      expect(cards.length).toBe(1);
      const thread = cards[0]?.answer?.ts as string;
      expect(
        slack
          .of("chat.postMessage")
          .filter(isIntro)
          .map((c) => c.body.thread_ts),
      ).toEqual([thread]);
      expect(b.bot.threadPaper({ ...ctxIn("C1"), thread })?.id).toBe(id);
    } finally {
      await b.close();
    }
  });
});

/** A context in channel `channel` (the thread added by the caller). */
function ctxIn(channel: string) {
  return { platform: "slack" as const, workspace: "T1", channel, user: "U1", at: new Date() };
}

describe("a take-over re-sends what replaces, and what cannot be read back", () => {
  it("the first page of More that reached Slack is re-sent with replace_original: the pressed message is replaced, nothing added", async () => {
    const { b, slack } = await survivor();
    try {
      // The list whose More button was pressed: a message of the channel.
      const list = await fetch(`${slack.url}chat.postMessage`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer x" },
        body: JSON.stringify({ channel: "C1", text: "Results for sparse attention (1 of 2 pages)" }),
      }).then((r) => r.json() as Promise<{ ts: string }>);
      const url = slack.responseUrl("more-1", "C1", list.ts);
      deadOwes(b, "trigger:more-1", "search sparse attention", url, {
        kind: "action",
        replaceOriginal: true,
      });
      // What the dead replica had sent before it could mark it: page 1, replacing the list.
      const first = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          text: "Results for sparse attention (page 2)",
          response_type: "in_channel",
          replace_original: true,
          metadata: { event_type: "paperboy_answer", event_payload: { owed: "trigger:more-1", part: 1 } },
        }),
      });
      expect(first.status).toBe(200);
      expect(slack.posted("C1").length).toBe(1);

      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      const resent = slack.of("respond").filter((c) => c.path.endsWith("/more-1"));
      expect(resent.length).toBe(2);
      expect(resent[1]?.body.replace_original).toBe(true);
      // One message in the channel, the pressed one, now showing the re-sent page with its mark.
      const shown = slack.posted("C1");
      expect(shown.map((m) => m.ts)).toEqual([list.ts]);
      expect(partsOf(slack, "C1", "trigger:more-1")).toEqual([1]);
      expect(b.engine.store(OwedAnswerStore).pending()).toBe(0);
    } finally {
      await b.close();
    }
  });

  it("a take-over that resumes More after its first page does not replace that page with the next", async () => {
    const bodies: Record<string, unknown>[] = [];
    const ledger: PartLedger = {
      metadata: (part) => answerMetadata("trigger:more-2", part),
      // Page 1 was sent (and replaced the pressed message) before the replica died.
      before: async (part) => (part === 1 ? "skip" : "post"),
      after: () => {},
      stillOwned: () => true,
    };
    const delivery = new Delivery(
      {
        client: {} as Outlet["client"],
        channel: "C1",
        user: "U1",
        replaceOriginal: true,
        respond: async (body) => {
          bodies.push(body as Record<string, unknown>);
          return {} as Awaited<ReturnType<RespondFn>>;
        },
      },
      ctxIn("C1"),
      { bot: {} as Bot, logger: silentLogger(), onFailure: () => {} },
      ledger,
    );
    await delivery.send([oversizedRoundup()]);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.map((b) => b.replace_original)).toEqual(bodies.map(() => false));
    expect(bodies.map((b) => (b.metadata as AnswerMetadata).event_payload.part)[0]).toBe(2);
  });

  it("an ephemeral answer to a slash command cannot be read back or replaced: it is sent again, without replace_original", async () => {
    const { b, slack } = await survivor();
    try {
      deadOwes(b, "trigger:help-1", "help", slack.responseUrl("help-1", "C1"));
      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(1);
      const sent = slack.of("respond").filter((c) => c.path.endsWith("/help-1"));
      expect(sent.map((c) => [c.body.response_type, c.body.replace_original])).toEqual([
        ["ephemeral", false],
      ]);
      // Nothing was looked for: there is nowhere to look.
      expect(slack.of("conversations.history")).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

describe("a take-over on a hostile digest's paper", () => {
  it("answers a show and a discuss of a paper full of mentions and markup still escaped: no ping, no broken formatting", async () => {
    const { b, slack } = await survivor();
    try {
      b.engine.ingest([`${HOSTILE}mentions-and-markup.txt`], { date: "2025-03-03" });
      const ids = b.engine.papers.dayPks("2025-03-03").map((pk) => b.engine.papers.byPk(pk)?.id as string);
      expect(ids.length).toBeGreaterThan(1);
      deadOwes(b, "trigger:h-1", `show ${ids[0]}`, slack.responseUrl("h-1", "C1"));
      deadOwes(b, "trigger:h-2", `discuss ${ids[1]}`, slack.responseUrl("h-2", "C1"));
      deadOwes(b, "trigger:h-3", "search ping here everyone", slack.responseUrl("h-3", "C1"));
      b.clock.advance(LEASE);
      expect(await b.adapter.sweepOwed()).toBe(3);

      const bodies = [...slack.of("respond"), ...slack.of("chat.postMessage")].map((c) => c.body);
      expect(bodies.length).toBeGreaterThanOrEqual(4);
      // The hostile text did reach the answers (the paper's title and abstract)...
      expect(JSON.stringify(bodies)).toMatch(/Attention Is/);
      expect(
        bodies.filter((body) => body.metadata?.event_type === "paperboy_answer").length,
      ).toBeGreaterThanOrEqual(4);
      for (const body of bodies) {
        for (const text of mrkdwnTexts(body)) {
          // ...and the only <…> sequences left are links paperboy built itself.
          for (const seq of controlSequences(text)) expect(seq).toMatch(/^<https?:\/\/[^|>]+\|[^>]*>$/);
          expect(text).not.toMatch(/<!(channel|here|everyone)>|<@U/);
        }
      }
      expect(b.engine.store(OwedAnswerStore).pending()).toBe(0);
    } finally {
      await b.close();
    }
  });
});
