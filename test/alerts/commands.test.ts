import { describe, expect, it } from "vitest";
import { WATCHES_MAX } from "../../src/archive/watches.js";
import type { NoticeReply, Reply, ResultList, SettingsReply } from "../../src/bot/replies.js";
import { ManualClock } from "../../src/clock.js";
import { botHarness } from "../support/bot.js";
import { DIGESTS } from "../support/fixtures.js";

function only<T extends Reply>(replies: Reply[], kind: T["kind"]): T {
  const r = replies.find((x) => x.kind === kind);
  expect(r, `a ${kind} reply in ${JSON.stringify(replies.map((x) => x.kind))}`).toBeDefined();
  return r as T;
}

let clock: ManualClock;
function harness() {
  clock = new ManualClock("2026-02-02T12:00:00Z");
  const h = botHarness({ clock, seed: false });
  h.engine.ingest([`${DIGESTS}2026-02-02.hf-api.json`], { date: "2026-02-02" });
  return h;
}

describe("watch, watches, unwatch", () => {
  it("saves a watch with search's filters, numbers it, and shows what it would have matched", async () => {
    const h = harness();
    const replies = await h.adapter.say("watch robot control has:code since:2026-01-01", { user: "ann" });
    const saved = only<NoticeReply>(replies, "notice");
    expect(saved.public).toBe(true);
    expect(saved.text).toContain("is watching #1 robot control (since:2026-01-01 has:code) here");
    // The newest day has the robot paper, but it links no code: the preview says so by matching none.
    const preview = replies[1] as NoticeReply;
    expect(preview.text).toMatch(/would have matched none of 38 papers/);

    const second = await h.adapter.say("watch robot control");
    const list = only<ResultList>(second, "results");
    expect(list.title).toMatch(
      /^On the newest digest day \(2026-02-02\) it would have matched \d+ of 38 papers$/,
    );
    expect(list.items.map((p) => p.id)).toContain("2601.21998");
    expect(list.items[0]?.watches).toEqual(["#2 robot control"]);

    const again = only<NoticeReply>(await h.adapter.say("watch Robot  Control"), "notice");
    expect(again.text).toBe("This channel already watches #2 robot control; `watches` lists them all.");

    const listed = only<NoticeReply>(await h.adapter.say("watches"), "notice");
    expect(listed.text.split("\n").slice(0, 3)).toEqual([
      `Watches in this channel (2 of at most ${WATCHES_MAX}):`,
      "#1 robot control (since:2026-01-01 has:code) (by ann, 2026-02-02)",
      "#2 robot control (by U1, 2026-02-02)",
    ]);
    // Another channel has its own watches and numbers.
    expect(only<NoticeReply>(await h.adapter.say("watches", { channel: "C2" }), "notice").text).toMatch(
      /watches nothing yet/,
    );

    const removed = only<NoticeReply>(await h.adapter.say("unwatch 1"), "notice");
    expect(removed).toMatchObject({
      public: true,
      text: "U1 stopped watching #1 robot control (since:2026-01-01 has:code) here.",
    });
    // Numbers stay: #2 is still #2, and a new watch is #3.
    await h.adapter.say("watch document parsing");
    expect(only<NoticeReply>(await h.adapter.say("watches"), "notice").text).toMatch(
      /#2 robot control[\s\S]*#3 document parsing/,
    );
    const settings = only<SettingsReply>(await h.adapter.say("settings"), "settings");
    expect(settings.watches).toBe(2);
    expect(only<NoticeReply>(await h.adapter.say("unwatch all"), "notice").text).toBe(
      "U1 removed all 2 watches of this channel.",
    );
    // A removed watch's number is not given to the next one (old alerts name it; `watches 3` is gone).
    expect(
      only<NoticeReply>(await h.adapter.say("watch robot control", { user: "bob" }), "notice").text,
    ).toContain("bob is watching #4 robot control here");
    expect(only<NoticeReply>(await h.adapter.say("watches 3", { user: "bob" }), "notice")).toMatchObject({
      code: "E_UNKNOWN_WATCH",
    });
  });

  it("refuses what cannot be a watch, with what to do instead", async () => {
    const h = harness();
    const error = async (text: string) => {
      const r = only<NoticeReply>(await h.adapter.say(text), "notice");
      // A malformed command is a usage warning; a well-formed one the archive refuses, an error.
      expect(r).toMatchObject(
        r.code === "E_USAGE" ? { level: "warning" } : { level: "error", code: expect.stringMatching(/^E_/) },
      );
      return r;
    };
    expect((await error("watch")).text).toMatch(/needs some words to watch for/);
    expect((await error("watch the of and")).text).toMatch(/only common words/);
    expect((await error("watch 2601.21998")).text).toMatch(/watch its topic instead, or `queue add <id>`/);
    expect((await error(`watch ${"word ".repeat(80)}`)).text).toMatch(/longer than a watch keeps/);
    expect((await error("watch diffusion since:2026-03-01 until:2026-02-01")).text).toMatch(
      /since: is after until:/,
    );
    expect(await error("unwatch 7")).toMatchObject({ code: "E_UNKNOWN_WATCH" });
    expect((await error("unwatch sometimes")).text).toMatch(/watch's number/);
    expect(await error("watches 4")).toMatchObject({ code: "E_UNKNOWN_WATCH" });
    // A full list, made by several people a minute later (under the per-user and channel rate limits).
    clock.advance(60_000);
    for (let n = 0; n < WATCHES_MAX; n++)
      await h.adapter.say(`watch topic${n} transformers`, { user: `U${10 + (n % 5)}` });
    expect(await error("watch one more transformers")).toMatchObject({ code: "E_TOO_MANY_WATCHES" });
  });

  it("`watches <n>` lists what a watch found; a watch's text is inert wherever it is shown", async () => {
    const h = harness();
    await h.adapter.say("watch <!channel> @everyone robot control");
    const listed = only<NoticeReply>(await h.adapter.say("watches"), "notice");
    // The text is kept as typed; each renderer escapes it (tested in the platforms' render tests).
    expect(listed.text).toContain("#1 <!channel> @everyone robot control");
    const found = only<ResultList>(await h.adapter.say("watches 1"), "results");
    expect(found).toMatchObject({ total: 0, items: [] });
    expect(found.emptyText).toMatch(/Nothing yet/);
  });
});

describe("subscribe weekly and quiet", () => {
  it("stores the weekly digest's day and time in the channel's zone, and quiet-day notices", async () => {
    const h = harness();
    const weekly = only<SettingsReply>(
      await h.adapter.say("subscribe weekly fri 17:30 Europe/Berlin"),
      "settings",
    );
    expect(weekly.changed).toMatch(/^Weekly digest: every Friday at 17:30 \(Europe\/Berlin\)/);
    expect(weekly).toMatchObject({
      weekly: { day: "Friday", time: "17:30" },
      timezone: "Europe/Berlin",
      subscribed: false,
    });
    const daily = only<SettingsReply>(await h.adapter.say("subscribe"), "settings");
    expect(daily).toMatchObject({ subscribed: true, timezone: "Europe/Berlin", weekly: { day: "Friday" } });
    const defaults = only<SettingsReply>(
      await h.adapter.say("subscribe weekly", { channel: "C2" }),
      "settings",
    );
    expect(defaults.weekly).toEqual({ day: "Monday", time: "09:00" });
    expect(only<SettingsReply>(await h.adapter.say("subscribe quiet on"), "settings").quietNotices).toBe(
      true,
    );
    expect(only<SettingsReply>(await h.adapter.say("subscribe quiet off"), "settings").quietNotices).toBe(
      false,
    );
    const bad = only<NoticeReply>(await h.adapter.say("subscribe weekly someday"), "notice");
    expect(bad).toMatchObject({ level: "warning", code: "E_USAGE" });
    expect(bad.text).toMatch(/neither a day, a time/);
    expect(only<NoticeReply>(await h.adapter.say("subscribe quiet maybe"), "notice").text).toMatch(
      /on or off/,
    );
    const stopped = only<SettingsReply>(await h.adapter.say("subscribe weekly off"), "settings");
    expect(stopped.changed).toBe("Weekly digest stopped.");
    expect(stopped.weekly).toBeUndefined();
    const nothing = only<SettingsReply>(await h.adapter.say("unsubscribe weekly"), "settings");
    expect(nothing.changed).toBe("This channel had no weekly digest; nothing changed.");
  });
});
