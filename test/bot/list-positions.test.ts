/** "show 3" after a list: the numbers a list shows name its papers for whoever asked, there. */
import { afterEach, describe, expect, it } from "vitest";
import type { NoticeReply, PaperCard, Reply, ResultList } from "../../src/bot/replies.js";
import { type BotHarness, botHarness } from "../support/bot.js";

let h: BotHarness;
afterEach(() => h?.engine.close());

const results = (replies: Reply[]) => replies.find((r) => r.kind === "results") as ResultList;
const card = (replies: Reply[]) => replies.find((r) => r.kind === "paper") as PaperCard;
const noticeOf = (replies: Reply[]) => replies.find((r) => r.kind === "notice") as NoticeReply;

describe("list positions", () => {
  it("show, summary, code and related take a number of the last list, across `more`", async () => {
    h = botHarness();
    const list = results(await h.adapter.say("search sparse attention"));
    expect(list.items.length).toBeGreaterThan(2);
    const third = list.items[2]?.id as string;
    expect(card(await h.adapter.say("show 3")).id).toBe(third);
    expect(card(await h.adapter.say("show #3")).id).toBe(third);
    expect(JSON.stringify(await h.adapter.say("summary 3"))).toContain(third);
    const next = results(await h.adapter.say("more"));
    expect(next.offset).toBe(list.items.length);
    const eleventh = next.items[0]?.id as string;
    expect(card(await h.adapter.say(`show ${list.items.length + 1}`)).id).toBe(eleventh);
    // Earlier numbers of the same list still name their papers after `more`.
    expect(card(await h.adapter.say("show 1")).id).toBe(list.items[0]?.id);
  });

  it("a number past the list, or with no list yet, is refused clearly; another user has their own", async () => {
    h = botHarness();
    const none = noticeOf(await h.adapter.say("show 2"));
    expect(none.text).toMatch(/"2" is not a paper id/);
    expect(none.text).toMatch(/`search <words>`/);
    const list = results(await h.adapter.say("search sparse attention"));
    const past = noticeOf(await h.adapter.say("show 999"));
    expect(past.text).toContain(`has no paper number 999 (it showed ${list.items.length})`);
    const other = noticeOf(await h.adapter.say("show 1", { user: "someone-else" }));
    expect(other.text).toMatch(/"1" is not a paper id/);
  });

  it("a new list starts a new numbering", async () => {
    h = botHarness();
    results(await h.adapter.say("search sparse attention"));
    const second = results(await h.adapter.say("search convolution"));
    expect(card(await h.adapter.say("show 1")).id).toBe(second.items[0]?.id);
  });

  it("inside a discussion thread, the channel's last list still counts", async () => {
    h = botHarness();
    const list = results(await h.adapter.say("search sparse attention"));
    await h.adapter.say("discuss 1");
    const thread = h.adapter.lastThread as string;
    expect(thread).toBeTruthy();
    const queued = JSON.stringify(await h.adapter.say("queue add 2", { thread }));
    expect(queued).toContain(list.items[1]?.id as string);
    expect(JSON.stringify(await h.adapter.say("queue"))).toContain(list.items[1]?.id as string);
  });
});
