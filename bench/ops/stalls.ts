/**
 * The large-day stall case of `npm run bench:ops`: a day of 2,000 (`--small`, CI) or 10,000
 * papers in the archive, its roundup and the other commands asked for through Slack while the
 * event loop's delay is watched; the longest stall under each command is the figure (target
 * < 100 ms).
 *
 * The archive is seeded here; the measuring runs in a process of its own (stalls-process.ts) on
 * the compiled tree, as users run `dist/`: under tsx a module's first use is compiled on the way
 * and its loader hooks share the process, which is a cost of the bench, not of the product.
 * `fromSource` runs the same process through tsx instead (to compare).
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { tempDir } from "../../test/support/cli.js";
import { compileForSpawn } from "../../test/support/compiled-global.js";
import { DIGESTS } from "../../test/support/fixtures.js";
import { writeLargeDay } from "../../test/support/synthetic-days.js";
import type { StallJob, StallMeasure } from "./stalls-process.js";

export interface StallResult extends StallMeasure {
  papers: number;
  /** What the measured process ran: the compiled tree, or the sources through tsx. */
  ran: "compiled" | "tsx";
}

/** A day of `papers` papers in a fresh archive; its roundup and other commands through Slack. */
export async function largeDayStalls(
  papers: number,
  options: {
    fromSource?: boolean;
    /** Node options for the measuring process (`--cpu-prof --cpu-prof-dir=…` to profile it). */
    nodeArgs?: readonly string[];
  } = {},
): Promise<StallResult> {
  const dir = tempDir("paperboy-stall-");
  const compiled = options.fromSource ? null : await compileForSpawn(["bench/ops"]);
  try {
    const job = seed(dir, papers);
    const script = compiled
      ? [join(compiled.dir, "bench/ops/stalls-process.js")]
      : ["--import", "tsx", fileURLToPath(new URL("./stalls-process.ts", import.meta.url))];
    const measured = JSON.parse(
      await run([...(options.nodeArgs ?? []), ...script, JSON.stringify(job)]),
    ) as StallMeasure;
    return { papers, ran: compiled ? "compiled" : "tsx", ...measured };
  } finally {
    compiled?.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}

function seed(dir: string, papers: number): StallJob {
  const db = join(dir, "archive.db");
  const date = "2028-03-01";
  const engine = Paperboy.open({ dbPath: db, logger: silentLogger() });
  try {
    engine.ingest([writeLargeDay(join(dir, "days"), date, papers)]);
    // A normal day after it, so serve's warm-up prepares that one and the big day is computed on demand.
    engine.ingest([`${DIGESTS}2026-02-02.hf-api.json`], { date: "2028-03-02" });
    return { db, date, id: engine.papers.day(date)[17]?.id as string };
  } finally {
    engine.close();
  }
}

/** Runs node with `args`; its last stdout line. */
function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) resolve(last);
      else reject(new Error(`the stall bench's process exited ${code}: ${out.slice(-500)}`));
    });
  });
}
