import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { parseCommand } from "../../src/bot/parse.js";
import type {
  AnswerReply,
  NoticeReply,
  PaperCard,
  Reply,
  ResultList,
  SettingsReply,
} from "../../src/bot/replies.js";
import { type BotHarness, botHarness } from "../support/bot.js";

let h: BotHarness;
afterEach(() => h?.engine.close());

function only<T extends Reply>(replies: Reply[], kind: T["kind"]): T {
  const found = replies.filter((r) => r.kind === kind);
  expect(found, `replies: ${JSON.stringify(replies).slice(0, 300)}`).toHaveLength(1);
  return found[0] as T;
}

const DILATED = /^dilated convolution with learnable spacings$/i;

describe("commands through the test adapter", () => {
  it("search returns a ranked, paged result list with a More action", async () => {
    h = botHarness();
    const list = only<ResultList>(await h.adapter.say("search sparse attention"), "results");
    expect(list.items.length).toBe(5);
    expect(list.total).toBeGreaterThan(5);
    expect(list.items[0]?.title).toMatch(/sparse|attention/i);
    expect(list.next?.command).toBe("search sparse attention offset:5");
    const page2 = only<ResultList>(await h.adapter.say(list.next!.command), "results");
    expect(page2.offset).toBe(5);
    expect(page2.items.map((i) => i.id)).not.toContain(list.items[0]?.id);
  });

  it("show, summary and code describe one paper; an unknown id is a clear error notice", async () => {
    h = botHarness();
    const id = h.engine.papers.byPks(h.engine.papers.dayPks("2025-08-12")).find((p) => p.code.length)!.id;
    const card = only<PaperCard>(await h.adapter.say(`show ${id}`), "paper");
    expect(card.id).toBe(id);
    expect(card.abstract?.length).toBeGreaterThan(100);
    expect(card.tldr.length).toBeGreaterThan(10);
    expect(card.actions.map((a) => a.kind)).toEqual(expect.arrayContaining(["discuss", "related"]));
    const summary = only<PaperCard>(await h.adapter.say(`summary ${id}`), "paper");
    expect(summary.abstract).toBeUndefined();
    const code = only<NoticeReply>(await h.adapter.say(`code ${id}`), "notice");
    expect(code.text).toContain("https://github.com/");
    const unknown = only<NoticeReply>(await h.adapter.say("show 2999.99999"), "notice");
    expect(unknown).toMatchObject({ level: "error", code: "E_UNKNOWN_PAPER" });
  });

  it("today and day list the digest's papers with paging", async () => {
    h = botHarness();
    const today = only<ResultList>(await h.adapter.say("today"), "results");
    expect(today.title).toContain("2025-08-12");
    expect(today.total).toBe(72);
    expect(today.next?.command).toMatch(/^day 2025-08-12 offset:\d+$/);
    const missing = only<NoticeReply>(await h.adapter.say("day 2020-01-01"), "notice");
    expect(missing.code).toBe("E_UNKNOWN_DAY");
    const bad = only<NoticeReply>(await h.adapter.say("day yesterday"), "notice");
    expect(bad.text).toMatch(/YYYY-MM-DD/);
  });

  it("related finds the twin 'Dilated convolution' paper first", async () => {
    h = botHarness();
    const twins = h.engine.papers.day("2025-08-12").filter((p) => DILATED.test(p.title));
    expect(twins).toHaveLength(2);
    const list = only<ResultList>(await h.adapter.say(`related ${twins[0]!.id}`), "results");
    expect(list.items[0]?.id).toBe(twins[1]!.id);
  });

  it("roundup groups the day under topics", async () => {
    h = botHarness();
    const replies = await h.adapter.say("roundup");
    const roundup = replies.find((r) => r.kind === "roundup");
    expect(roundup).toBeDefined();
    if (roundup?.kind !== "roundup") return;
    expect(roundup.topics.length).toBeGreaterThanOrEqual(3);
    expect(roundup.topics.reduce((n, t) => n + t.papers.length, 0)).toBe(72);
  });

  it("unknown commands and bad arguments get usage and the nearest command, never a stack trace", async () => {
    h = botHarness();
    const typo = only<NoticeReply>(await h.adapter.say("serach sparse"), "notice");
    expect(typo.text).toMatch(/Did you mean `search`/);
    const noArgs = only<NoticeReply>(await h.adapter.say("show"), "notice");
    expect(noArgs.text).toMatch(/Usage: `show <id>`/);
    const ask = only<NoticeReply>(await h.adapter.say("ask what is this?"), "notice");
    expect(ask.text).toMatch(/discussion thread/);
    for (const r of [typo, noArgs, ask]) expect(r.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it("help lists every command", async () => {
    h = botHarness();
    const help = only<Reply & { kind: "help" }>(await h.adapter.say("help"), "help");
    expect(help.commands.map((c) => c.usage.split(" ")[0])).toEqual(
      expect.arrayContaining([
        "search",
        "show",
        "summary",
        "related",
        "code",
        "today",
        "day",
        "roundup",
        "discuss",
        "ask",
        "subscribe",
        "unsubscribe",
        "settings",
        "help",
      ]),
    );
  });

  it("about tells the version and what the archive holds", async () => {
    h = botHarness();
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const about = only<NoticeReply>(await h.adapter.say("about"), "notice");
    expect(about.text).toBe(
      `paperboy ${version}. Archive: 72 papers from 1 digest day, 2025-08-12 to 2025-08-12; the newest is 2025-08-12.`,
    );
    const empty = botHarness({ seed: false });
    try {
      expect(only<NoticeReply>(await empty.adapter.say("stats"), "notice").text).toMatch(/archive is empty/);
    } finally {
      empty.engine.close();
    }
  });

  it("subscribe, settings and unsubscribe store per-channel settings", async () => {
    h = botHarness();
    const sub = only<SettingsReply>(
      await h.adapter.say("subscribe time 08:30 timezone Europe/Berlin topics sparse attention, pruning", {
        channel: "C9",
      }),
      "settings",
    );
    expect(sub).toMatchObject({
      subscribed: true,
      time: "08:30",
      timezone: "Europe/Berlin",
      filters: ["sparse attention", "pruning"],
    });
    const other = only<SettingsReply>(await h.adapter.say("settings", { channel: "C1" }), "settings");
    expect(other.subscribed).toBe(false);
    const again = only<SettingsReply>(await h.adapter.say("settings", { channel: "C9" }), "settings");
    expect(again).toMatchObject({ subscribed: true, time: "08:30" });
    const badZone = only<NoticeReply>(
      await h.adapter.say("subscribe timezone Mars/Olympus", { channel: "C9" }),
      "notice",
    );
    expect(badZone.text).toMatch(/IANA time zone/);
    const badTime = only<NoticeReply>(
      await h.adapter.say("subscribe time 25:00", { channel: "C9" }),
      "notice",
    );
    expect(badTime.text).toMatch(/HH:MM/);
    const cleared = only<SettingsReply>(
      await h.adapter.say("subscribe topics all", { channel: "C9" }),
      "settings",
    );
    expect(cleared).toMatchObject({ subscribed: true, time: "08:30", filters: [] });
    only<SettingsReply>(await h.adapter.say("unsubscribe", { channel: "C9" }), "settings");
    expect(h.engine.channels.subscribed()).toHaveLength(0);
  });
});

describe("threads", () => {
  it("discuss opens a thread; questions, related, code and summary work there without an id; it survives a restart", async () => {
    h = botHarness();
    const paper = h.engine.papers
      .byPks(h.engine.papers.dayPks("2025-08-12"))
      .find((p) => /\d+(\.\d+)?\s*(x|×)/.test(p.abstract) && p.code.length)!;
    expect(paper).toBeDefined();
    const opened = await h.adapter.say(`discuss ${paper.id}`);
    const start = only<Reply & { kind: "thread" }>(opened, "thread");
    expect(start.card.id).toBe(paper.id);
    const thread = h.adapter.lastThread!;
    expect(thread).toBeTruthy();

    const answer = only<AnswerReply>(await h.adapter.say("what is the speedup?", { thread }), "answer");
    expect(answer.paperId).toBe(paper.id);
    expect(answer.evidence.length).toBeGreaterThan(0);
    for (const sentence of answer.evidence)
      expect(paper.abstract.replace(/\s+/g, " ")).toContain(sentence.slice(0, 40));

    const code = only<NoticeReply>(await h.adapter.say("code", { thread }), "notice");
    expect(code.text).toContain(paper.code[0]);
    const related = only<ResultList>(await h.adapter.say("related", { thread }), "results");
    expect(related.items.map((i) => i.id)).not.toContain(paper.id);

    // A new process on the same archive still knows the thread and its history.
    h = h.restart();
    const after = only<AnswerReply>(await h.adapter.say("which datasets do they use?", { thread }), "answer");
    expect(after.paperId).toBe(paper.id);
    const history = h.engine.threads.messages({ platform: "test", channel: "C1", thread });
    expect(history.filter((m) => m.role === "user").map((m) => m.text)).toEqual([
      "what is the speedup?",
      "which datasets do they use?",
    ]);
  });

  it("outside a thread, plain text is not a question; inside, `show me the results` is one", async () => {
    h = botHarness();
    const id = h.engine.papers.day("2025-08-12")[1]!.id;
    await h.adapter.say(`discuss ${id}`);
    const thread = h.adapter.lastThread!;
    const inThread = only<AnswerReply>(await h.adapter.say("show me the results", { thread }), "answer");
    expect(inThread.paperId).toBe(id);
    const outside = only<NoticeReply>(await h.adapter.say("what is the speedup?"), "notice");
    expect(outside.level).toBe("warning");
  });
});

describe("limits", () => {
  it("rate-limits a user with a clear slow-down reply, and recovers as the clock moves", async () => {
    h = botHarness({
      bot: {
        rateLimits: {
          perUser: { capacity: 3, refillPerMinute: 6 },
          perChannel: { capacity: 100, refillPerMinute: 100 },
        },
      },
    });
    for (let i = 0; i < 3; i++) expect((await h.adapter.say("help"))[0]?.kind).toBe("help");
    const limited = only<NoticeReply>(await h.adapter.say("help"), "notice");
    expect(limited).toMatchObject({ code: "E_RATE_LIMITED" });
    expect(limited.text).toMatch(/Slow down.*10 s/);
    expect((await h.adapter.say("help", { user: "U2" }))[0]?.kind).toBe("help");
    h.clock.advance(10_000);
    expect((await h.adapter.say("help"))[0]?.kind).toBe("help");
  });

  it("a 10 KB message is cut and answered, with a note", async () => {
    h = botHarness();
    const replies = await h.adapter.say(`search ${"sparse attention ".repeat(700)}`);
    expect(replies.some((r) => r.kind === "results")).toBe(true);
    expect(replies.some((r) => r.kind === "notice" && /longer than 2000/.test(r.text))).toBe(true);
  });

  it("parses filters and aliases once for every platform", () => {
    const r = parseCommand("/papers find sparse attention since:2026-01-01 has:code");
    expect(r).toMatchObject({
      ok: true,
      command: { name: "search", query: "sparse attention", since: "2026-01-01", hasCode: true },
    });
    expect(parseCommand("search sparse until:2026-13-01")).toMatchObject({ ok: false });
  });
});
