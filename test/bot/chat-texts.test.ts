/**
 * What chat users are told: chat syntax (never the CLI's), `help` for one command or an unknown
 * one, `more` with and without a list to continue, and questions asked outside a discussion.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { HelpReply, NoticeReply, Reply, ResultList } from "../../src/bot/replies.js";
import { type BotHarness, botHarness } from "../support/bot.js";

let h: BotHarness;
afterEach(() => h?.engine.close());

function only<T extends Reply>(replies: Reply[], kind: T["kind"]): T {
  const found = replies.filter((r) => r.kind === kind);
  expect(found, `replies: ${JSON.stringify(replies).slice(0, 300)}`).toHaveLength(1);
  return found[0] as T;
}

/** Everything a reply says, as one text. */
const said = (replies: Reply[]) => JSON.stringify(replies);

/** CLI syntax a chat user cannot type: flags and the `paperboy`/`list` commands. */
const CLI_SYNTAX = /--[a-z]|`paperboy |`list /;

describe("chat replies speak chat", () => {
  it("an unknown paper points to chat commands, not `list --date`", async () => {
    h = botHarness();
    for (const text of [
      "show 2999.99999",
      "summary nope",
      "related nope",
      "discuss nope",
      "ask 2999.99999 what?",
    ]) {
      const reply = only<NoticeReply>(await h.adapter.say(text), "notice");
      expect(reply.text, text).toMatch(/no paper with id "(2999\.99999|nope)"/);
      expect(reply.text, text).not.toMatch(CLI_SYNTAX);
      expect(reply.text).toMatch(/`search <words>`, `today` or `day YYYY-MM-DD`/);
    }
  });

  it("search's date range and page are refused in chat words", async () => {
    h = botHarness();
    const swapped = only<NoticeReply>(
      await h.adapter.say("search attention since:2025-09-01 until:2025-01-01"),
      "notice",
    );
    expect(swapped.text).toMatch(/since: is after until:/);
    const far = only<NoticeReply>(await h.adapter.say("search attention offset:5000"), "notice");
    expect(far.text).toMatch(/offset goes up to 1000/);
    const nan = only<NoticeReply>(await h.adapter.say("search attention offset:abc"), "notice");
    expect(nan.text).toMatch(/offset must be a whole number/);
    for (const r of [swapped, far, nan]) expect(r.text).not.toMatch(CLI_SYNTAX);
  });

  it("a question outside a discussion says where questions go", async () => {
    h = botHarness();
    const reply = only<NoticeReply>(await h.adapter.say("what is the speedup?"), "notice");
    expect(reply.text).toMatch(/`discuss <id>`/);
    expect(reply.text).not.toMatch(/Unknown command|Did you mean/);
  });
});

describe("help", () => {
  it("`help discuss` says each thing once", async () => {
    h = botHarness();
    const help = only<HelpReply>(await h.adapter.say("help discuss"), "help");
    const lines = [help.intro, ...help.commands.flatMap((c) => [c.usage, c.summary]), help.footer ?? ""];
    expect(lines.join("\n").match(/discuss <id>/g)).toHaveLength(1);
    expect(lines.join("\n").match(/open a thread about a paper/g)).toHaveLength(1);
    expect(help.intro).toContain("`thread`");
    // `/papers search` as Slack users write it is the same topic.
    const slashed = only<HelpReply>(await h.adapter.say("help /papers search"), "help");
    expect(slashed.commands.map((c) => c.usage.split(" ")[0])).toEqual(["search"]);
  });

  it("`help foo` says foo is no command, with the nearest one and the list", async () => {
    h = botHarness();
    const unknown = only<HelpReply>(await h.adapter.say("help foo"), "help");
    expect(unknown.intro).toMatch(/^"foo" is not a command\./);
    expect(unknown.commands.length).toBeGreaterThan(10);
    const typo = only<HelpReply>(await h.adapter.say("help serch"), "help");
    expect(typo.intro).toMatch(/^"serch" is not a command\. Did you mean `search`\?/);
  });
});

describe("more", () => {
  it("outside a list says what it is for, not 'did you mean code'", async () => {
    h = botHarness();
    const reply = only<NoticeReply>(await h.adapter.say("more"), "notice");
    expect(reply.text).toMatch(/no list to continue/);
    expect(said([reply])).not.toMatch(/Did you mean|Unknown command/);
  });

  it("continues the asker's last list here, page by page, until it ends", async () => {
    const plenty = { capacity: 1000, refillPerMinute: 1000 };
    h = botHarness({ bot: { rateLimits: { perUser: plenty, perChannel: plenty } } });
    const first = only<ResultList>(await h.adapter.say("search sparse attention"), "results");
    const second = only<ResultList>(await h.adapter.say("more"), "results");
    expect(second.offset).toBe(5);
    expect(second.title).toBe(first.title);
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]?.id);
    expect(only<ResultList>(await h.adapter.say("next"), "results").offset).toBe(10);
    // Another user, or another channel, has no list to continue.
    expect(only<NoticeReply>(await h.adapter.say("more", { user: "U2" }), "notice").text).toMatch(
      /no list to continue/,
    );
    expect(only<NoticeReply>(await h.adapter.say("more", { channel: "C2" }), "notice").text).toMatch(
      /no list to continue/,
    );
    // A day's list pages too; its last page ends it.
    let page = only<ResultList>(await h.adapter.say("today"), "results");
    while (page.next) page = only<ResultList>(await h.adapter.say("more"), "results");
    expect(page.offset + page.items.length).toBe(page.total);
    expect(only<NoticeReply>(await h.adapter.say("more"), "notice").text).toMatch(/no list to continue/);
  });

  it("in a discussion thread, 'more …' with words after it is a question", async () => {
    h = botHarness();
    const id = h.engine.papers.byPks(h.engine.papers.dayPks("2025-08-12"))[0]?.id as string;
    await h.adapter.say(`discuss ${id}`);
    const thread = h.adapter.lastThread as string;
    const answer = await h.adapter.say("more details on the method?", { thread });
    expect(answer.map((r) => r.kind)).toEqual(["answer"]);
  });
});
