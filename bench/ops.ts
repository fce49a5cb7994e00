/**
 * `npm run bench:ops`: operations figures (soak memory, load on `serve`) and fault cases (kill -9
 * mid-post, SIGTERM during discuss, a 10,000-paper day's roundup with the longest event-loop
 * stall), and ack latency through a proxy to 1 and 3 replicas on PostgreSQL. `--small` runs reduced
 * sizes for CI, without the replicas (they need PostgreSQL). Prints figures; exits 1 when a target
 * is missed. `--stall` runs only the large day's stall case (`--stall-from-source`: its serve
 * through tsx; STALL_NODE_ARGS: node options for its process), see bench/ops/stalls.ts.
 */
import { cpus, loadavg } from "node:os";
import { runSoak } from "./ops/soak.js";

const small = process.argv.includes("--small");
/** `--stall`: only the large day's event-loop stalls (to measure that bar's distribution). */
const stallOnly = process.argv.includes("--stall");
/** `--stall-from-source`: that case's serve through tsx instead of the compiled tree (to compare). */
const stallFromSource = process.argv.includes("--stall-from-source");
/** STALL_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof": node options for that case's measured process. */
const stallNodeArgs = process.env.STALL_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];

async function main(): Promise<number> {
  if (stallOnly || stallFromSource) return (await stallCase()) ? 1 : 0;
  let failed = 0;
  const soakCount = small ? 2_000 : 20_000;
  console.log(`soak: ${soakCount} commands through the test adapter…`);
  const soak = await runSoak(soakCount);
  const ok = soak.growthPct <= 10;
  if (!ok) failed++;
  console.log(
    `soak: RSS after ${soak.commands / 10} commands ${soak.rssAfterWarmupMb} MB, after ${soak.commands} ${soak.rssAfterMb} MB ` +
      `(${soak.growthPct >= 0 ? "+" : ""}${soak.growthPct}%, target ≤ +10%: ${ok ? "ok" : "MISSED"}); ${soak.commandsPerSecond} commands/s`,
  );
  try {
    const { runLoad } = await import("./ops/load.js");
    const load = await runLoad(small ? { total: 100, concurrency: 20 } : { total: 500, concurrency: 50 });
    const loadOk = load.lost === 0 && load.duplicates === 0 && load.maxAckMs < 3000;
    if (!loadOk) failed++;
    console.log(
      `load: ${load.total} signed Slack slash commands, ${load.concurrency} at a time: acks p50 ${load.p50AckMs} ms, p99 ${load.p99AckMs} ms, ` +
        `max ${load.maxAckMs} ms (target < 3000); ${load.answersPerSecond} answers/s; lost ${load.lost}, answered twice ${load.duplicates}: ${loadOk ? "ok" : "MISSED"}`,
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") throw err;
    console.log("load: not measured (bench/ops/load.ts is missing)");
  }
  failed += small ? 0 : await replicaCases();
  failed += await faultCases();
  return failed ? 1 : 0;
}

/**
 * 1 vs 3 replicas on PostgreSQL through a round-robin proxy (real processes). Left out of
 * `--small` (CI): it starts a PostgreSQL server and four serve processes, and the replica test
 * (test/replicas/three-replicas.test.ts) already checks the behaviour there.
 */
async function replicaCases(): Promise<number> {
  const { postgresUnavailable } = await import("../test/support/postgres-server.js");
  const why = postgresUnavailable();
  if (why) {
    console.log(`replicas: not measured (${why})`);
    return 0;
  }
  const { runReplicaLoad } = await import("./ops/replicas.js");
  const options = { total: 500, concurrency: 50 };
  const results = await runReplicaLoad(options);
  let missed = 0;
  console.log(
    `replicas: ${options.total} signed Slack slash commands, ${options.concurrency} at a time, through a round-robin proxy to serve replicas on one PostgreSQL archive (load ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores):`,
  );
  console.log(
    `  ${"replicas".padEnd(9)}${"ack p50".padStart(9)}${"ack p99".padStart(9)}${"max".padStart(8)}${"answers/s".padStart(11)}  lost  twice`,
  );
  for (const r of results) {
    const ok = r.lost === 0 && r.duplicates === 0 && r.maxAckMs < 3000;
    if (!ok) missed++;
    console.log(
      `  ${String(r.replicas).padEnd(9)}${`${r.p50AckMs} ms`.padStart(9)}${`${r.p99AckMs} ms`.padStart(9)}${`${r.maxAckMs} ms`.padStart(8)}${String(r.answersPerSecond).padStart(11)}  ${String(r.lost).padStart(4)}  ${String(r.duplicates).padStart(5)}${ok ? "" : "  MISSED (target: every ack < 3000 ms, none lost or doubled)"}`,
    );
  }
  return missed;
}

/** The fault cases; the count of targets missed. */
async function faultCases(): Promise<number> {
  const { killMidPost, sigtermDuringDiscuss } = await import("./ops/faults.js");
  let missed = 0;
  const kill = await killMidPost();
  const killOk = kill.posts === 1 && kill.historyRead && kill.status === "sent";
  if (!killOk) missed++;
  console.log(
    `kill -9 mid-post: roundup posts received ${kill.posts} (target 1), restarted serve read the channel history: ${kill.historyRead}, delivery ${kill.status}: ${killOk ? "ok" : "MISSED"}`,
  );
  const term = await sigtermDuringDiscuss();
  const termOk = term.cards === 10 && term.threads === 10 && term.exitCode === 0;
  if (!termOk) missed++;
  console.log(
    `SIGTERM during 10 discuss: ${term.cards} cards, ${term.threads} threads stored, exit ${term.exitCode}, shutdown ${term.shutdownMs} ms: ${termOk ? "ok" : "MISSED"}`,
  );
  return missed + (await stallCase());
}

/** A large day's commands through Slack under the event-loop monitor; 1 when the bar is missed. */
async function stallCase(): Promise<number> {
  const { largeDayStalls } = await import("./ops/stalls.js");
  let missed = 0;
  const papers = small ? 2_000 : 10_000;
  const stall = await largeDayStalls(papers, { fromSource: stallFromSource, nodeArgs: stallNodeArgs });
  const worst = Math.max(...stall.stalls.map((s) => s.maxStallMs));
  const stallOk = worst < 100;
  if (!stallOk) missed++;
  console.log(
    `a ${papers.toLocaleString("en-US")}-paper day (serve on the ${stall.ran === "compiled" ? "compiled tree" : "sources through tsx"}, load ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores): longest event-loop stall under any command ${worst} ms (target < 100): ${stallOk ? "ok" : "MISSED"}; RSS ${stall.rssBeforeMb} MB before, peak ${stall.rssPeakMb} MB`,
  );
  for (const s of stall.stalls)
    console.log(
      `  ${s.command.padEnd(26)} longest stall ${String(s.maxStallMs).padStart(4)} ms${s.split ? ` (sampled ${s.split.stallMs}: on a core ${s.split.cpuMs}, waiting for one ${s.split.waitMs}; longest turn on a core ${s.split.longestCpuMs} ms)` : ""}, main thread busy ${String(s.busyMs).padStart(4)} ms, answered in ${s.answerMs} ms`,
    );
  if (stall.headline) console.log(`  roundup says: ${stall.headline}`);
  return missed;
}

main().then((code) => {
  process.exitCode = code;
});
