/**
 * Load: signed Slack slash commands against a real `serve` (Bolt HTTP receiver on loopback, Web
 * API and response_url played by a local server). Every command must be acked within 3 s and
 * answered exactly once.
 */
import { startServe } from "../../test/support/serve.js";
import { FakeSlackApi } from "../../test/support/slack-api.js";
import { sendToSlackApp, slashCommand } from "../../test/support/slack-signing.js";

const SECRET = "load-test-signing-secret-0123456789";
const QUERIES = [
  "search sparse attention",
  "search pruning",
  "today",
  "help",
  "search diffusion transformer",
  "roundup",
];

export interface LoadResult {
  total: number;
  concurrency: number;
  p50AckMs: number;
  p99AckMs: number;
  maxAckMs: number;
  answersPerSecond: number;
  lost: number;
  duplicates: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function runLoad(options: { total: number; concurrency: number }): Promise<LoadResult> {
  const api = new FakeSlackApi();
  await api.start();
  const serve = await startServe({
    config: {
      slack: { enabled: true, mode: "http" },
      schedule: { enabled: false },
      limits: {
        perUser: { capacity: 1000, refillPerMinute: 1000 },
        perChannel: { capacity: 1000, refillPerMinute: 1000 },
      },
    },
    env: { SLACK_BOT_TOKEN: "xoxb-1-2-load", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url },
  });
  const url = `${serve.base}/slack/events`;

  // Answers per response_url, ignoring the "Working on it…" notice a slow answer is preceded by.
  const answers = new Map<string, number>();
  let lastAnswerAt = 0;
  api.on("call", (c: { method: string; path: string; body: { text?: string } }) => {
    if (c.method !== "respond" || /Working on it/.test(c.body.text ?? "")) return;
    answers.set(c.path, (answers.get(c.path) ?? 0) + 1);
    lastAnswerAt = performance.now();
  });
  const acks: number[] = [];
  let failedAcks = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= options.total) return;
      const cmd = slashCommand(QUERIES[i % QUERIES.length] as string, {
        responseUrl: api.responseUrl(`load-${i}`),
        user: `U${i}`,
        channel: `C${i % 25}`,
      });
      const t0 = performance.now();
      const res = await sendToSlackApp(url, cmd, { secret: SECRET });
      acks.push(performance.now() - t0);
      if (res.status !== 200) failedAcks++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  // Wait (bounded) for every answer to arrive: by event, not by sleeping.
  const expected = options.total;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 60_000);
    const check = () => {
      if (answers.size >= expected) {
        clearTimeout(timer);
        api.off("call", check);
        resolve();
      }
    };
    api.on("call", check);
    check();
  });
  serve.signals.emit("SIGTERM");
  await serve.run;
  await api.close();
  const sorted = [...acks].sort((a, b) => a - b);
  const seconds = (lastAnswerAt - started) / 1000;
  return {
    total: options.total,
    concurrency: options.concurrency,
    p50AckMs: Math.round(percentile(sorted, 50)),
    p99AckMs: Math.round(percentile(sorted, 99)),
    maxAckMs: Math.round(sorted.at(-1) ?? 0) + (failedAcks ? 1_000_000 : 0),
    answersPerSecond: Math.round(answers.size / seconds),
    lost: expected - answers.size,
    duplicates: [...answers.values()].filter((n) => n > 1).length,
  };
}
