/**
 * A flood in a discussion thread: the first messages are answered, the user is told once to slow
 * down for the window, and the rest is dropped quietly (no notice per message to hold up the
 * platform); once the window has passed they are answered again, and a new flood warns once more.
 * A platform that must answer every request (a Discord interaction) still gets the notice.
 */
import { describe, expect, it } from "vitest";
import { botHarness } from "../support/bot.js";

const LIMITS = {
  perUser: { capacity: 3, refillPerMinute: 6 },
  perChannel: { capacity: 100, refillPerMinute: 100 },
};

describe("a flood in a thread", () => {
  it("warns once per user and window, then drops quietly; answers again after the window", async () => {
    const h = botHarness({ bot: { rateLimits: LIMITS } });
    const id = h.engine.papers.day("2025-08-12")[0]!.id;
    await h.adapter.say(`discuss ${id}`, { user: "U0" });
    const thread = h.adapter.lastThread as string;
    const flood: number[] = [];
    const warnings: string[] = [];
    for (let i = 0; i < 12; i++) {
      const replies = await h.adapter.say("what is the main result?", { user: "U1", thread });
      flood.push(replies.length);
      for (const r of replies) if (r.kind === "notice" && /Slow down/.test(r.text)) warnings.push(r.text);
    }
    // Three answered, one warning, eight dropped without a word.
    expect(flood).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(warnings).toHaveLength(1);
    // Another user in the same thread has their own budget and their own warning.
    expect((await h.adapter.say("and the dataset?", { user: "U2", thread }))[0]?.kind).toBe("answer");

    h.clock.advance(60_000);
    expect((await h.adapter.say("what is the main result?", { user: "U1", thread }))[0]?.kind).toBe("answer");
    const again: number[] = [];
    for (let i = 0; i < 6; i++) again.push((await h.adapter.say("more?", { user: "U1", thread })).length);
    // Two answers left in the bucket, then a new warning, then quiet again.
    expect(again).toEqual([1, 1, 1, 0, 0, 0]);
    h.engine.close();
  });

  it("a request the platform must answer gets the notice every time", async () => {
    const h = botHarness({ bot: { rateLimits: LIMITS } });
    const ctx = {
      platform: "test",
      workspace: "W1",
      channel: "C1",
      user: "U1",
      at: new Date(),
      mustAnswer: true,
    };
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await h.bot.handle("help", ctx));
    expect(answers.slice(3).map((r) => r[0]?.kind)).toEqual(["notice", "notice", "notice"]);
    h.engine.close();
  });
});
