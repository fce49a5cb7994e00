/** `paperboy serve` in-process on a seeded archive, with injected signals (tests and bench:ops). */
import { EventEmitter } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../app/main.js";
import { createServeCommand } from "../../app/serve.js";
import { ManualClock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";

const DIGESTS = fileURLToPath(new URL("../fixtures/digests/", import.meta.url));

export interface RunningServe {
  run: Promise<number>;
  signals: EventEmitter;
  /** http://127.0.0.1:<port> of /healthz, /metrics and (Slack HTTP mode) /slack/events. */
  base: string;
  dir: string;
}

export async function startServe(options: {
  config: Record<string, unknown>;
  env: Record<string, string>;
  exit?: (code: number) => void;
}): Promise<RunningServe> {
  const dir = mkdtempSync(join(tmpdir(), "paperboy-serve-"));
  const db = join(dir, "archive.db");
  const seed = Paperboy.open({ dbPath: db, logger: silentLogger() });
  seed.ingest([`${DIGESTS}daily-papers-aug-12.txt`], { date: "2025-08-12" });
  seed.close();
  const config = join(dir, "paperboy.json");
  writeFileSync(config, JSON.stringify(options.config));
  const signals = new EventEmitter();
  let ready!: (port: number | null) => void;
  const readyP = new Promise<number | null>((r) => {
    ready = r;
  });
  let stderr = "";
  const run = main(["--db", db, "--config", config, "serve"], {
    io: {
      stdout: () => {},
      stderr: (t) => {
        stderr += t;
      },
      isTTY: false,
      env: { PORT: "0", ...options.env },
      cwd: dir,
    },
    clock: new ManualClock("2025-08-13T09:00:00Z"),
    logger: silentLogger(),
    commands: [
      createServeCommand({
        signals,
        host: "127.0.0.1",
        ...(options.exit ? { exit: options.exit } : {}),
        onReady: (r) => ready(r.port),
      }),
    ],
  });
  const port = await Promise.race([
    readyP,
    run.then((code) => Promise.reject(new Error(`serve exited ${code}: ${stderr}`))),
  ]);
  return { run, signals, base: `http://127.0.0.1:${port}`, dir };
}
