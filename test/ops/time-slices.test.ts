/**
 * Main-thread work in slices (src/time-slices.ts): a long loop yields to the event loop once a
 * slice has run its time, so requests waiting meanwhile are read; a command's reply is rendered
 * and sent in a turn apart from the command's own work. (How long the loop actually stalls under
 * a 2,000-paper day is measured by `npm run bench:ops -- --small --stall`, not here.)
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Bot } from "../../src/bot/bot.js";
import { chatCommand } from "../../src/bot/command.js";
import { notice } from "../../src/bot/replies.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { forEachInSlices, SLICE_MS } from "../../src/time-slices.js";
import { botHarness } from "../support/bot.js";

/** A clock each item's work advances by `stepMs`, and a log of what ran in which order. */
function steppedWork(stepMs: number) {
  let t = 0;
  const order: string[] = [];
  return {
    order,
    now: () => t,
    work: (item: number) => {
      order.push(`item ${item}`);
      t += stepMs;
      // Work that arrives meanwhile (another user's request): runs when the loop gets a turn.
      setImmediate(() => order.push(`waiting after ${item}`));
    },
  };
}

describe("work in slices", () => {
  it("yields to the event loop each time a slice has run its time, and only then", async () => {
    const w = steppedWork(4);
    await forEachInSlices([1, 2, 3, 4, 5, 6], w.work, { sliceMs: 10, now: w.now });
    // 4 ms an item: the slice is used up after the third item, then after the sixth.
    expect(w.order).toEqual([
      "item 1",
      "item 2",
      "item 3",
      "waiting after 1",
      "waiting after 2",
      "waiting after 3",
      "item 4",
      "item 5",
      "item 6",
      "waiting after 4",
      "waiting after 5",
      "waiting after 6",
    ]);
  });

  it("runs quick work in one go", async () => {
    const w = steppedWork(0);
    await forEachInSlices([1, 2, 3], w.work, { now: w.now });
    expect(w.order.slice(0, 3)).toEqual(["item 1", "item 2", "item 3"]);
    expect(SLICE_MS).toBeLessThan(100 / 4);
  });
});

describe("a command's reply", () => {
  it("is sent in a turn of its own, after work that waited on the loop", async () => {
    const order: string[] = [];
    const probe = chatCommand({
      name: "probe",
      usage: "probe",
      summary: "a command whose run lets the test see the turns",
      args: z.object({}),
      run: () => {
        setImmediate(() => order.push("waiting work"));
        return [notice("done")];
      },
    });
    const h = botHarness({ seed: false });
    try {
      const clock = new ManualClock("2026-02-05T09:00:00Z");
      const bot = new Bot(h.engine, { clock, logger: silentLogger(), commands: [probe] });
      await bot.respond(
        "probe",
        { platform: "test", workspace: "w", channel: "c", user: "u", at: clock.now() },
        async (replies) => {
          order.push(`sent ${replies.map((r) => (r.kind === "notice" ? r.text : r.kind)).join()}`);
        },
      );
      expect(order).toEqual(["waiting work", "sent done"]);
    } finally {
      h.engine.close();
    }
  });
});
