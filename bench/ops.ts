/**
 * `npm run bench:ops`: operations figures (soak memory, load on `serve`). `--small` runs reduced
 * sizes for CI. Prints figures; exits 1 when a target is missed.
 */
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
  return failed ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
