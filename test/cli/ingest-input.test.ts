/**
 * `ingest -` reads standard input as a stream: through a real pipe from another process (a slow
 * writer included), it must never fail with EAGAIN, and large inputs arrive whole.
 */
import { spawn } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { runCli, tempDb, tempDir } from "../support/cli.js";
import { DIGESTS } from "../support/fixtures.js";
import { exited, spawnCli } from "../support/spawn.js";
import { writeSyntheticDays } from "../support/synthetic-days.js";

function collect(stream: NodeJS.ReadableStream | null): Promise<string> {
  return new Promise((resolve) => {
    let out = "";
    stream?.on("data", (c: Buffer) => {
      out += c.toString();
    });
    stream?.on("end", () => resolve(out));
  });
}

describe("ingest - through a real pipe", () => {
  it("paperboy export | paperboy --db new.db ingest - moves an 8-day archive whole", {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    const days = writeSyntheticDays(join(dir, "days"), 8);
    const source = tempDb();
    expect((await runCli(["--db", source, "ingest", join(dir, "days"), "--json"])).code).toBe(0);
    const expected = days.reduce((n, d) => n + d.papers, 0);

    const target = tempDb();
    const exporter = spawnCli(["--db", source, "export", "--format", "jsonl"]);
    const importer = spawnCli(["--db", target, "ingest", "-", "--json"]);
    exporter.stdout?.pipe(importer.stdin as NodeJS.WritableStream);
    const [out, err] = [collect(importer.stdout), collect(importer.stderr)];
    const [a, b] = await Promise.all([exited(exporter), exited(importer)]);
    expect(a.code).toBe(0);
    expect(await err).not.toMatch(/EAGAIN/);
    expect(b.code).toBe(0);
    const report = JSON.parse(await out);
    expect(report.total).toBe(expected);
    // A multi-day export reports its range, not one day.
    expect(report.files[0]).toMatchObject({
      path: "<stdin>",
      date: days[0]!.date,
      until: days[7]!.date,
      days: 8,
    });
    const back = await runCli(["--db", target, "export", "--format", "jsonl"]);
    const again = await runCli(["--db", source, "export", "--format", "jsonl"]);
    expect(back.stdout).toBe(again.stdout);
  });

  it("a writer that pauses between chunks (cat of a large file, piece by piece) is read whole", {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    const [day] = writeSyntheticDays(dir, 1);
    const target = tempDb();
    // A shell writer that sends the file in 4 KB pieces with pauses: the reader meets an empty pipe.
    const writer = spawn(
      "sh",
      [
        "-c",
        `f="${day!.file}"; n=$(wc -c < "$f"); i=0; while [ $i -lt $n ]; do dd if="$f" bs=4096 skip=$((i/4096)) count=1 2>/dev/null; i=$((i+4096)); sleep 0.01; done`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const importer = spawnCli(["--db", target, "ingest", "-", "--json"]);
    writer.stdout.pipe(importer.stdin as NodeJS.WritableStream);
    const [out, err] = [collect(importer.stdout), collect(importer.stderr)];
    const result = await exited(importer);
    expect(await err).not.toMatch(/EAGAIN/);
    expect(result.code).toBe(0);
    expect(JSON.parse(await out)).toMatchObject({
      total: day!.papers,
      files: [{ format: "hf-api", date: day!.date }],
    });
  });

  it("an empty pipe fails with the empty-file error and stores nothing", async () => {
    const target = tempDb();
    const run = await runCli(["--db", target, "ingest", "-"], { stdin: "" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/<stdin>.*empty|empty.*<stdin>/);
  });
});

describe("a page without a year", () => {
  it("says which year it took and how to choose another, and --date silences it", async () => {
    const db = tempDb();
    const page = `${DIGESTS}daily-papers-aug-12.txt`;
    const clock = new ManualClock("2026-12-06T10:00:00Z");
    const guessed = await runCli(["--db", db, "ingest", page, "--json"], { clock });
    expect(guessed.json().files[0].date).toBe("2026-08-12");
    expect(guessed.json().files[0].warnings.join(" ")).toMatch(
      /names no year.*filed as 2026-08-12.*pass --date YYYY-08-12/,
    );
    const given = await runCli(["--db", tempDb(), "ingest", page, "--date", "2025-08-12", "--json"], {
      clock,
    });
    expect(given.json().files[0]).toMatchObject({ date: "2025-08-12", warnings: [] });
  });
});

describe("a page without a year, named by date", () => {
  it("takes the year from a file name that names the same day (the bundled sample), without a warning", async () => {
    const dir = tempDir();
    const named = join(dir, "daily-papers-2025-08-12.txt");
    copyFileSync(`${DIGESTS}daily-papers-aug-12.txt`, named);
    const run = await runCli(["--db", tempDb(), "ingest", named, "--json"], {
      clock: new ManualClock("2026-12-06T10:00:00Z"),
    });
    expect(run.json().files[0]).toMatchObject({ date: "2025-08-12", warnings: [] });
  });
});
