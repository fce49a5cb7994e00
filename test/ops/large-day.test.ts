/**
 * A day far larger than any real one: its topics are grouped off the main thread, from its most
 * upvoted papers (the roundup says so), within a memory limit whose breach fails that roundup
 * alone; its roundup reaches Slack and Discord cut to what one reply may take, with a note,
 * never as more posts than the platform allows. (How long the loop stalls is measured by
 * `npm run bench:ops`, not here.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { MAX_MESSAGES_PER_REPLY as DISCORD_MAX_MESSAGES } from "../../adapters/discord/limits.js";
import { MAX_RESPONSE_URL_POSTS } from "../../adapters/slack/limits.js";
import { createSlackAdapter } from "../../adapters/slack/slack-adapter.js";
import { Bot } from "../../src/bot/bot.js";
import { ROUNDUP_TLDRS_PER_TOPIC } from "../../src/bot/roundup.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { MAX_GROUPED_PAPERS, papersToGroup } from "../../src/topics/capped.js";
import { topicsInWorker } from "../../src/topics/in-worker.js";
import { SUMMARIZED_PER_TOPIC } from "../../src/topics/roundup-job.js";
import { tempDb, tempDir } from "../support/cli.js";
import { slash } from "../support/discord-payloads.js";
import { DiscordStandIn, IDS } from "../support/discord-stand-in.js";
import { FakeSlackApi } from "../support/slack-api.js";
import { sendToSlackApp, slashCommand } from "../support/slack-signing.js";
import { writeLargeDay } from "../support/synthetic-days.js";

const DATE = "2028-03-01";
const PAPERS = 800;
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

let shared: ReturnType<typeof open> | null = null;
/** One engine for the platform tests: the day's topics are grouped once and then cached. */
function sharedEngine() {
  shared ??= open();
  return shared;
}

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
    // The archive's ranking (SQL) is this rule: the same papers, in the same order.
    const { engine } = open();
    const all = engine.papers.dayPks(DATE);
    expect(engine.papers.roundupPks({ date: DATE }, MAX_GROUPED_PAPERS)).toEqual({
      pks: papersToGroup(all, engine.papers.upvotesOf(all)),
      total: PAPERS,
    });
    expect(engine.papers.roundupPks({ date: DATE }, 10_000).pks).toEqual(all);
    // A range is ranked the same way over every paper in it.
    const range = engine.papers.pksInRange(DATE, DATE);
    expect(engine.papers.roundupPks({ date: DATE, until: DATE }, MAX_GROUPED_PAPERS)).toEqual({
      pks: papersToGroup(range, engine.papers.upvotesOf(range)),
      total: range.length,
    });
    // The worker summarizes as many papers per topic as the roundup shows with a TL;DR.
    expect(SUMMARIZED_PER_TOPIC).toBe(ROUNDUP_TLDRS_PER_TOPIC);
  });
});

describe(`a ${PAPERS}-paper day in serve`, () => {
  it("is grouped in a worker from its most upvoted papers while the bot keeps answering, and says so", async () => {
    const { engine, bot } = sharedEngine();
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
        `^800 papers today, too many to group: the ${MAX_GROUPED_PAPERS} most upvoted: .* The other 300 are in the day's list\\.$`,
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

describe("its roundup on the platforms: cut, never split past their limits", () => {
  it("Slack: /papers roundup answers within the 5 response_url posts Slack takes, every one accepted", async () => {
    const { bot } = sharedEngine();
    const api = new FakeSlackApi();
    await api.start();
    const secret = "0123456789abcdef0123456789abcdef";
    const adapter = createSlackAdapter(bot, {
      botToken: "xoxb-1111-2222-large",
      signingSecret: secret,
      apiUrl: api.url,
      port: 0,
      host: "127.0.0.1",
      logger: silentLogger(),
      clock: new ManualClock(`${DATE}T12:00:00Z`),
    });
    await adapter.start();
    try {
      const handled = new Promise<void>((resolve) => adapter.once("handled", () => resolve()));
      const cmd = slashCommand(`roundup ${DATE}`, { responseUrl: api.responseUrl("large") });
      const url = `http://127.0.0.1:${adapter.port}/slack/events`;
      expect((await sendToSlackApp(url, cmd, { secret })).status).toBe(200);
      await handled;
      const posts = api.calls.filter((c) => c.path === "/respond/large");
      expect(posts.length).toBeGreaterThan(1);
      expect(posts.length).toBeLessThanOrEqual(MAX_RESPONSE_URL_POSTS);
      expect(posts.every((p) => p.status === 200)).toBe(true);
      expect(JSON.stringify(posts.map((p) => p.body.blocks))).toContain("too many to group");
    } finally {
      await adapter.stop();
      await api.close();
    }
  }, 120_000);

  it("Discord: /papers roundup answers in at most 5 messages (reply and follow-ups), the last saying it was cut", async () => {
    const { bot } = sharedEngine();
    const d = await DiscordStandIn.start();
    const adapter = createDiscordAdapter(bot, {
      token: "test-token.not-a-secret",
      applicationId: IDS.app,
      apiUrl: d.apiUrl,
      logger: silentLogger(),
      clock: new ManualClock(`${DATE}T12:00:00Z`),
    });
    await adapter.start();
    try {
      const i = slash(d, "roundup", { date: DATE });
      d.interact(i);
      const note = await d.waitFor(
        (c) => c.path.includes(i.token) && JSON.stringify(c.body).includes("The rest of this answer was cut"),
        "the cut note",
        60_000,
      );
      expect(JSON.stringify(note.body)).toContain(`/papers day date:${DATE}`);
      const messages = d.calls.filter(
        (c) =>
          c.path.includes(i.token) &&
          (c.method === "PATCH" ||
            (c.method === "POST" && !c.path.endsWith("/callback")) ||
            (c.path.endsWith("/callback") && c.body?.type === 4)),
      );
      expect(messages.length).toBeLessThanOrEqual(DISCORD_MAX_MESSAGES);
    } finally {
      await adapter.stop();
      await d.close();
    }
  }, 120_000);
});
