/**
 * A day far larger than any real one: its topics are grouped off the main thread, from its most
 * upvoted papers (the roundup says so), within a memory limit whose breach fails that roundup
 * alone. (How long the loop stalls is measured by `npm run bench:ops`, not here.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot } from "../../src/bot/bot.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { MAX_GROUPED_PAPERS, papersToGroup } from "../../src/topics/capped.js";
import { topicsInWorker } from "../../src/topics/in-worker.js";
import { tempDb, tempDir } from "../support/cli.js";
import { writeLargeDay } from "../support/synthetic-days.js";

const DATE = "2028-03-01";
const PAPERS = 1_200;
let db: string;

beforeAll(() => {
  db = tempDb();
  const seed = Paperboy.open({ dbPath: db, indexPath: null, logger: silentLogger() });
  const report = seed.ingest([writeLargeDay(tempDir(), DATE, PAPERS)]);
  expect(report.failed).toBe(0);
  seed.close();
}, 120_000);

let engines: Paperboy[] = [];
afterAll(() => {
  for (const e of engines) e.close();
  engines = [];
});

function open(runner = topicsInWorker()) {
  const clock = new ManualClock(`${DATE}T12:00:00Z`);
  const engine = Paperboy.open({
    dbPath: db,
    clock,
    indexPath: null,
    topics: runner,
    logger: silentLogger(),
  });
  engines.push(engine);
  return { engine, bot: new Bot(engine, { clock, logger: silentLogger() }) };
}

describe("which papers a roundup groups", () => {
  it("a day within the cap whole, a larger one by its most upvoted, kept in digest order", () => {
    const pks = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(papersToGroup(pks, new Map())).toEqual(pks);
    const votes = new Map(pks.map((pk) => [pk, pk % 2 === 0 ? 100 - pk : null]));
    expect(papersToGroup(pks, votes, 4)).toEqual([2, 4, 6, 8]);
    // Ties (and unknown upvotes) keep the digest's order.
    expect(papersToGroup(pks, new Map(), 3)).toEqual([1, 2, 3]);
  });
});

describe(`a ${PAPERS}-paper day in serve`, () => {
  it("is grouped in a worker from its most upvoted papers while the bot keeps answering, and says so", async () => {
    const { engine, bot } = open();
    let roundupDone = false;
    const roundup = bot
      .handle(`roundup ${DATE}`, {
        platform: "test",
        workspace: "",
        channel: "C1",
        user: "U1",
        at: new Date(),
      })
      .then((r) => {
        roundupDone = true;
        return r;
      });
    // Another user's command is answered while the topics are still being grouped.
    const help = await bot.handle("help", {
      platform: "test",
      workspace: "",
      channel: "C2",
      user: "U2",
      at: new Date(),
    });
    expect(help[0]?.kind).toBe("help");
    expect(roundupDone).toBe(false);
    const [reply] = await roundup;
    expect(reply).toMatchObject({ kind: "roundup", count: PAPERS });
    if (reply?.kind !== "roundup") throw new Error("no roundup");
    expect(reply.headline).toMatch(
      new RegExp(
        `^1,200 papers today, too many to group: the ${MAX_GROUPED_PAPERS} most upvoted: .* The other 700 are in the day's list\\.$`,
      ),
    );
    expect(reply.shown).toBe(MAX_GROUPED_PAPERS);
    expect(engine.roundup(DATE).grouped).toBe(MAX_GROUPED_PAPERS);
  }, 120_000);

  it("a worker out of memory fails that roundup with a clear error; the next one works", async () => {
    const starved = open(topicsInWorker({ memoryMb: 4, timeoutMs: 60_000 }));
    const [failed] = await starved.bot.handle(`roundup ${DATE}`, {
      platform: "test",
      workspace: "",
      channel: "C1",
      user: "U1",
      at: new Date(),
    });
    expect(failed).toMatchObject({ kind: "notice", level: "error", code: "E_WORKER_FAILED" });
    expect(failed?.kind === "notice" && failed.text).toMatch(/more than its 4 MB of memory/);
    const healthy = open();
    const [ok] = await healthy.bot.handle(`roundup ${DATE}`, {
      platform: "test",
      workspace: "",
      channel: "C1",
      user: "U1",
      at: new Date(),
    });
    expect(ok?.kind).toBe("roundup");
  }, 120_000);
});
