/**
 * A slash command acked by one adapter that never answers it (its process stopped before the
 * answer) is answered by a second adapter on the same archive once the lease has run out: through
 * the command's response_url, exactly once, and a resend of the command is dropped meanwhile.
 */
import { describe, expect, it } from "vitest";
import { OwedAnswerStore } from "../../src/archive/owed-answers.js";
import { tempDb } from "../support/cli.js";
import { sendToSlackApp, slashCommand } from "../support/slack-signing.js";
import { type Harness, SECRET, startHarness } from "./harness.js";

const LEASE = 60_000;

/** An adapter whose answers go through the archive's owed answers under the name `by`. */
async function replica(dbPath: string, by: string): Promise<Harness> {
  let h: Harness | undefined;
  h = await startHarness({
    dbPath,
    adapter: {
      owed: {
        // The engine is made by the harness; the store is read from it at first use.
        store: {
          owe: (...a) => (h as Harness).engine.store(OwedAnswerStore).owe(...a),
          settle: (...a) => (h as Harness).engine.store(OwedAnswerStore).settle(...a),
          sending: (...a) => (h as Harness).engine.store(OwedAnswerStore).sending(...a),
          sent: (...a) => (h as Harness).engine.store(OwedAnswerStore).sent(...a),
          claimStale: (...a) => (h as Harness).engine.store(OwedAnswerStore).claimStale(...a),
          prune: (...a) => (h as Harness).engine.store(OwedAnswerStore).prune(...a),
        },
        by,
        leaseMs: LEASE,
      },
    },
  });
  return h;
}

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
