/**
 * `npm run bench:ops`: operations figures (soak memory, load on `serve`) and fault cases (kill -9
 * mid-post, SIGTERM during discuss, a 10,000-paper day's roundup with the longest event-loop
 * stall). `--small` runs reduced sizes for CI. Prints figures; exits 1 when a target is missed.
 */
import { cpus, loadavg } from "node:os";
import { runSoak } from "./ops/soak.js";

const small = process.argv.includes("--small");

async function main(): Promise<number> {
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
  failed += await faultCases();
  return failed ? 1 : 0;
}

/** The fault cases; the count of targets missed. */
async function faultCases(): Promise<number> {
  const { killMidPost, sigtermDuringDiscuss, largeDayStalls } = await import("./ops/faults.js");
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
  const papers = small ? 2_000 : 10_000;
  const stall = await largeDayStalls(papers);
  const worst = Math.max(...stall.stalls.map((s) => s.maxStallMs));
  const stallOk = worst < 100;
  if (!stallOk) missed++;
  console.log(
    `a ${papers.toLocaleString("en-US")}-paper day (load ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores): longest event-loop stall under any command ${worst} ms (target < 100): ${stallOk ? "ok" : "MISSED"}; RSS ${stall.rssBeforeMb} MB before, peak ${stall.rssPeakMb} MB`,
  );
  for (const s of stall.stalls)
    console.log(
      `  ${s.command.padEnd(26)} longest stall ${String(s.maxStallMs).padStart(4)} ms, main thread busy ${String(s.busyMs).padStart(4)} ms, answered in ${s.answerMs} ms`,
    );
  if (stall.headline) console.log(`  roundup says: ${stall.headline}`);
  return missed;
}

main().then((code) => {
  process.exitCode = code;
});
