/**
 * The slash-command load both ops benches drive (one `serve`, and replicas behind a proxy): signed
 * `/papers` commands, `concurrency` at a time, each with its own response_url on the Slack
 * stand-in; acks timed per request, answers counted per response_url, waited for by event.
 */
import type { FakeSlackApi } from "../../test/support/slack-api.js";
import { sendToSlackApp, slashCommand } from "../../test/support/slack-signing.js";

/** What a load run measured: the figures both benches print. */
export interface SlashLoadFigures {
  p50AckMs: number;
  p99AckMs: number;
  /** The slowest ack; a failed ack (not HTTP 200) adds 1,000,000 so it cannot pass a bar. */
  maxAckMs: number;
  answersPerSecond: number;
  /** Commands with no answer after the wait. */
  lost: number;
  /** Commands answered more than once. */
  duplicates: number;
}

/** How long the run waits for the last answers once every command is acked. */
const ANSWER_WAIT_MS = 60_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function driveSlashCommands(options: {
  api: FakeSlackApi;
  /** The Slack request URL (`…/slack/events`). */
  url: string;
  secret: string;
  queries: readonly string[];
  total: number;
  concurrency: number;
  /** Names the response_urls, so runs on one stand-in never share one. */
  idPrefix: string;
}): Promise<SlashLoadFigures> {
  const { api, total } = options;
  // Answers per response_url, ignoring the "Working on it…" notice a slow answer is preceded by.
  const answers = new Map<string, number>();
  let lastAnswerAt = 0;
  const count = (c: { method: string; path: string; body: { text?: string } }) => {
    if (c.method !== "respond" || /Working on it/.test(c.body.text ?? "")) return;
    answers.set(c.path, (answers.get(c.path) ?? 0) + 1);
    lastAnswerAt = performance.now();
  };
  api.on("call", count);
  const acks: number[] = [];
  let failed = 0;
  let next = 0;
  const began = performance.now();
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const cmd = slashCommand(options.queries[i % options.queries.length] as string, {
        responseUrl: api.responseUrl(`${options.idPrefix}-${i}`),
        user: `U${i}`,
        channel: `C${i % 25}`,
      });
      const t0 = performance.now();
      const res = await sendToSlackApp(options.url, cmd, { secret: options.secret });
      acks.push(performance.now() - t0);
      if (res.status !== 200) failed++;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    // Every answer in, by event (bounded).
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, ANSWER_WAIT_MS);
      function check() {
        if (answers.size >= total) finish();
      }
      function finish() {
        clearTimeout(timer);
        api.off("call", check);
        resolve();
      }
      api.on("call", check);
      check();
    });
  } finally {
    api.off("call", count);
  }
  const sorted = acks.sort((a, b) => a - b);
  return {
    p50AckMs: Math.round(percentile(sorted, 50)),
    p99AckMs: Math.round(percentile(sorted, 99)),
    maxAckMs: Math.round(sorted.at(-1) ?? 0) + (failed ? 1_000_000 : 0),
    answersPerSecond: Math.round(answers.size / ((lastAnswerAt - began) / 1000)),
    lost: total - answers.size,
    duplicates: [...answers.values()].filter((n) => n > 1).length,
  };
}
