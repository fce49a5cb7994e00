/**
 * Load: signed Slack slash commands against a real `serve` (Bolt HTTP receiver on loopback, Web
 * API and response_url played by a local server). Every command must be acked within 3 s and
 * answered exactly once.
 */
import { startServe } from "../../test/support/serve.js";
import { FakeSlackApi } from "../../test/support/slack-api.js";
import { BENCH_RATE_LIMITS, BENCH_SLACK_SERVE } from "./bench-serve.js";
import { driveSlashCommands, type SlashLoadFigures } from "./slash-load.js";

const SECRET = "load-test-signing-secret-0123456789";
const QUERIES = [
  "search sparse attention",
  "search pruning",
  "today",
  "help",
  "search diffusion transformer",
  "roundup",
];

export interface LoadResult extends SlashLoadFigures {
  total: number;
  concurrency: number;
}

export async function runLoad(options: { total: number; concurrency: number }): Promise<LoadResult> {
  const api = new FakeSlackApi();
  await api.start();
  const serve = await startServe({
    config: {
      ...BENCH_SLACK_SERVE,
      limits: { ...BENCH_RATE_LIMITS },
    },
    env: { SLACK_BOT_TOKEN: "xoxb-1-2-load", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url },
  });
  try {
    const figures = await driveSlashCommands({
      api,
      url: `${serve.base}/slack/events`,
      secret: SECRET,
      queries: QUERIES,
      ...options,
      idPrefix: "load",
    });
    return { total: options.total, concurrency: options.concurrency, ...figures };
  } finally {
    serve.signals.emit("SIGTERM");
    await serve.run;
    await api.close();
  }
}
