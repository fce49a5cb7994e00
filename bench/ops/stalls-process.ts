/**
 * The measuring half of the large-day stall case (stalls.ts), run in a process of its own: an
 * in-process `serve` over Slack HTTP on loopback on an archive the parent seeded, each command
 * sent in turn while the event loop's delay is watched. Prints one JSON line (StallMeasure).
 *
 *   node <compiled>/bench/ops/stalls-process.js '{"db":"…","date":"2028-03-01","id":"…"}'
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startServe } from "../../test/support/serve.js";
import { FakeSlackApi } from "../../test/support/slack-api.js";
import { sendToSlackApp, slashCommand } from "../../test/support/slack-signing.js";
import { BENCH_RATE_LIMITS, BENCH_SLACK_SERVE } from "./bench-serve.js";
import { TurnSampler, type TurnSplit } from "./turn-sampler.js";

const SECRET = "bench-stalls-signing-secret-0123456789";

export interface StallJob {
  /** The seeded archive. */
  db: string;
  /** The large day. */
  date: string;
  /** One of its papers. */
  id: string;
}

export interface StallMeasure {
  /**
   * Per command: the longest event-loop stall (ms) while it was answered, the main thread's busy
   * time (event-loop utilization; a worker's work is not in it), and the time to the answer.
   */
  stalls: {
    command: string;
    maxStallMs: number;
    busyMs: number;
    answerMs: number;
    /** The longest stall split into the main thread's time on a core and waiting for one (Linux). */
    split: TurnSplit | null;
  }[];
  rssBeforeMb: number;
  rssPeakMb: number;
  /** The first roundup's opening line (it says the day was too large to group whole). */
  headline: string;
}

async function measure(job: StallJob): Promise<StallMeasure> {
  const api = new FakeSlackApi();
  await api.start();
  const s = await startServe({
    db: job.db,
    config: {
      ...BENCH_SLACK_SERVE,
      limits: { ...BENCH_RATE_LIMITS, deadlineMs: 60_000 },
    },
    env: { SLACK_BOT_TOKEN: "xoxb-1-2-bench-stall", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url },
  });
  const rssBeforeMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  const commands = [
    `roundup ${job.date}`,
    `roundup ${job.date}`,
    "search sparse attention",
    `day ${job.date}`,
    `show ${job.id}`,
    `related ${job.id}`,
    `summary ${job.id}`,
    "today",
    "help",
  ];
  const stalls: StallMeasure["stalls"] = [];
  let headline = "";
  try {
    for (const [i, command] of commands.entries()) {
      const monitor = monitorEventLoopDelay({ resolution: 5 });
      const sampler = new TurnSampler();
      const path = `/respond/stall-${i}`;
      const answered = api.waitFor(
        (c) => c.path === path && !/Working on it/.test(JSON.stringify(c.body)),
        `the answer to ${command}`,
        300_000,
      );
      const t0 = performance.now();
      const elu = performance.eventLoopUtilization();
      monitor.enable();
      sampler.start();
      await sendToSlackApp(
        `${s.base}/slack/events`,
        slashCommand(command, { responseUrl: api.responseUrl(`stall-${i}`), user: `U${i}` }),
        { secret: SECRET },
      );
      const answer = await answered;
      monitor.disable();
      const split = sampler.stop();
      const busyMs = Math.round(performance.eventLoopUtilization(elu).active);
      if (i === 0)
        headline = /"text":"([^"]*too many to group[^"]*)"/.exec(JSON.stringify(answer.body))?.[1] ?? "";
      stalls.push({
        command: command.replace(job.id, "<id>"),
        maxStallMs: Math.round(monitor.max / 1e6),
        busyMs,
        answerMs: Math.round(performance.now() - t0),
        split,
      });
    }
  } finally {
    s.signals.emit("SIGTERM");
    await s.run;
    await api.close();
  }
  return {
    stalls,
    rssBeforeMb,
    rssPeakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    headline,
  };
}

measure(JSON.parse(process.argv[2] as string) as StallJob).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (err) => {
    process.stderr.write(`stall bench: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  },
);
