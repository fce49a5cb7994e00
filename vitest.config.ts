import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { postgresUnavailable } from "./test/support/postgres-server.js";

/**
 * Two projects in one run: every test on SQLite (the embedded default), and the tests of the
 * archive, the engine, the bot, team memory and the scheduler again on PostgreSQL, against one
 * server the run starts and stops (test/support/postgres-global.ts). Without PostgreSQL binaries
 * the second project is left out, and the run says so.
 */
const ON_BOTH = [
  "test/archive/**/*.test.ts",
  "test/memory/**/*.test.ts",
  "test/bot/**/*.test.ts",
  "test/scheduler/exactly-once.test.ts",
  "test/scheduler/catch-up.test.ts",
  "test/scheduler/subscribe.test.ts",
  "test/scheduler/alerts.test.ts",
  "test/scheduler/weekly.test.ts",
  "test/scheduler/quiet-days.test.ts",
  "test/alerts/**/*.test.ts",
  "test/interests/reactions.test.ts",
  "test/ask/thread.test.ts",
  "test/scheduler/fetch-and-post.test.ts",
  "test/search/service.test.ts",
  "test/related/related.test.ts",
  "test/topics/roundup-reply.test.ts",
  "test/topics/roundup-worker.test.ts",
  "test/ops/health-metrics.test.ts",
  "test/replicas/**/*.test.ts",
  "test/postgres/**/*.test.ts",
];

const skipped = postgresUnavailable();
if (skipped) {
  process.stderr.write(
    `\npaperboy: the PostgreSQL half of the tests is skipped (${skipped}); the SQLite half runs.\n\n`,
  );
}

// Test files share their worker's process and module graph (isolate: false): each file used to load
// the whole app afresh, most of the suite's CPU (CI, 2 idle cores: 375 s a process per file,
// 181-207 s shared). It holds because no test mocks modules or stubs
// globals and module-level state is caches keyed by what they cache. It once lost Discord replies
// carrying files (3 CI runs of 4): with no agent of its own, discord.js's REST client sent through
// the process's global undici dispatcher, which a Slack test file run earlier in the same process
// had taken with undici 7, and undici 7 cannot send undici 6's multipart bodies. That was a product
// bug too (`serve` with Slack and Discord); the Discord adapter now has its own pool
// (adapters/discord/rest-agent.ts), and test/discord/memory.test.ts runs an export under undici 7.
const common = { testTimeout: 30_000, hookTimeout: 60_000, pool: "forks" as const, isolate: false };
// Processes the tests spawn run a tree compiled once per run (test/support/compiled-global.ts).
const COMPILE = "test/support/compiled-global.ts";

// Vitest's default is one worker per core but one: on a 2-core machine (CI's) that runs every file
// one after another, while much of a file's time is waiting on spawned processes and loopback
// sockets. One worker per core, at least two.
const maxWorkers = Math.max(2, availableParallelism());

export default defineConfig({
  test: {
    maxWorkers,
    projects: [
      {
        test: {
          ...common,
          name: "sqlite",
          globalSetup: [COMPILE],
          include: ["test/**/*.test.ts"],
          // PostgreSQL-only tests (migrate, replicas on one server) run in the other project.
          exclude: ["test/replicas/**", "test/postgres/**", "**/node_modules/**"],
        },
      },
      ...(skipped
        ? []
        : [
            {
              test: {
                ...common,
                name: "postgres",
                include: ON_BOTH,
                env: { PAPERBOY_TEST_ENGINE: "postgres" },
                globalSetup: [COMPILE, "test/support/postgres-global.ts"],
              },
            },
          ]),
    ],
  },
});
