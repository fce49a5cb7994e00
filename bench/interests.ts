/**
 * Channel interests: the offline personalization figure (P@5 of the channel's order against
 * upvotes-only, simulated channels over the topic gold days; src/eval/interests-eval.ts) with the
 * shipped settings, and the cost of one reaction: recording it (Bot.reaction: the emoji read, the
 * message's paper looked up, one row written) and rebuilding the channel's profile from all its
 * reactions, which is what the next roundup or `settings` does. Budget: < 5 ms per reaction.
 *   npx tsx bench/interests.ts        (BENCH_PAPERS=2000 BENCH_REACTIONS=200 for a quick run)
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Bot } from "../src/bot/bot.js";
import { ManualClock } from "../src/clock.js";
import { formatScore, loadInterestsEval, SCENARIOS, scoreScenario } from "../src/eval/interests-eval.js";
import { channelProfile, rememberPaperMessage } from "../src/interests/channel-interests.js";
import { INTEREST_MODEL } from "../src/interests/model.js";
import { silentLogger } from "../src/logger.js";
import { dayDate, loadPools, syntheticDay } from "./lib/corpus.js";

const FIXTURES = fileURLToPath(new URL("../test/fixtures/", import.meta.url));
const TARGET_MS = 5;
const RUNS = 400;

function pct(times: number[], p: number): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}

export async function runInterestsBench(): Promise<void> {
  console.log(
    `interests: machine load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (1, 5, 15 min) on ${cpus().length} cores`,
  );
  const data = loadInterestsEval({
    digests: `${FIXTURES}digests`,
    gold: `${FIXTURES}eval/topics`,
    themes: `${FIXTURES}eval/interests/themes.json`,
  });
  try {
    for (const scenario of SCENARIOS)
      console.log(`  ${formatScore(scoreScenario(data, scenario, INTEREST_MODEL), data.corpus)}`);

    // The update's cost grows with the channel's reactions, not the archive: a busy channel's year
    // of reactions on cards, over an archive grown with synthetic days.
    const papers = Number(process.env.BENCH_PAPERS ?? 10_000);
    const reactions = Number(process.env.BENCH_REACTIONS ?? 1_000);
    const engine = data.engine;
    const pools = loadPools();
    for (let day = 0; day * 70 < papers; day++)
      engine.papers.storeDay({
        date: dayDate(day),
        source: "bench",
        format: "jsonl",
        papers: syntheticDay(pools, day, Math.min(70, papers - day * 70)),
      });
    engine.relatedService.sync();
    engine.relatedService.prepare();
    const clock = new ManualClock("2026-02-20T09:00:00Z");
    const bot = new Bot(engine, { clock, logger: silentLogger() });
    const all = engine.archiveStats().papers;
    const pks = engine.papers.dayPks(dayDate(0)).concat(engine.papers.dayPks(dayDate(1)));
    const ids = engine.papersAt(pks).map((p) => p.id);
    const where = { platform: "bench", channel: "C1" };
    // One card message per paper, and `reactions` reactions already recorded on them.
    for (const [i, id] of ids.entries())
      rememberPaperMessage(engine, { ...where, message: `m${i}` }, {
        kind: "paper",
        id,
      } as Parameters<typeof rememberPaperMessage>[2]);
    const event = (i: number, added: boolean, user = `U${i % 50}`) => ({
      ...where,
      workspace: "W1",
      message: `m${i % ids.length}`,
      user,
      emoji: i % 7 === 0 ? "-1" : i % 5 === 0 ? "star" : "+1",
      added,
      at: clock.now(),
    });
    for (let i = 0; i < reactions; i++) bot.reaction(event(i, true));
    const record: number[] = [];
    const rebuild: number[] = [];
    // CPU time beside wall time: on a shared machine the wall clock counts other processes' turns.
    const cpu0 = process.cpuUsage();
    for (let r = 0; r < RUNS; r++) {
      // Alternately a new reaction and its removal, so the channel keeps its size.
      const e = r % 2 === 0 ? event(r, true, "UBENCH") : event(r - 1, false, "UBENCH");
      const t0 = performance.now();
      const outcome = bot.reaction(e);
      const t1 = performance.now();
      const profile = channelProfile(engine, where, clock.now());
      const t2 = performance.now();
      if (!outcome.applied || profile.norm === 0)
        throw new Error(`reaction not applied: ${JSON.stringify(outcome)}`);
      record.push(t1 - t0);
      rebuild.push(t2 - t1);
    }
    const cpu = process.cpuUsage(cpu0);
    const cpuPer = (cpu.user + cpu.system) / 1000 / RUNS;
    const total = record.map((x, i) => x + (rebuild[i] as number));
    const f = (x: number) => `${x.toFixed(2)} ms`;
    console.log(
      `  one reaction, channel of ${reactions} reactions, archive of ${all} papers (${RUNS} runs), wall: recorded p50 ${f(pct(record, 50))} p95 ${f(pct(record, 95))}; profile rebuilt from all its reactions p50 ${f(pct(rebuild, 50))} p95 ${f(pct(rebuild, 95))}; both p50 ${f(pct(total, 50))} p95 ${f(pct(total, 95))}`,
    );
    console.log(
      `  CPU per reaction, recorded + profile rebuilt: ${f(cpuPer)} mean (target < ${TARGET_MS} ms)`,
    );
  } finally {
    data.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runInterestsBench();
