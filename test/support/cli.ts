/** Runs the real CLI in-process with captured streams. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { main } from "../../app/main.js";
import type { Clock } from "../../src/clock.js";
import { silentLogger } from "../../src/logger.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

export async function runCli(
  args: string[],
  options: { stdin?: string; env?: Record<string, string>; clock?: Clock; cwd?: string } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    io: {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      stdin: options.stdin !== undefined ? Readable.from([options.stdin]) : undefined,
      isTTY: false,
      env: { ...options.env },
      cwd: options.cwd ?? process.cwd(),
    },
    clock: options.clock,
    logger: silentLogger(),
  });
  return {
    code,
    stdout,
    stderr,
    json() {
      return JSON.parse(stdout);
    },
  };
}

export function tempDir(prefix = "paperboy-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function tempDb(): string {
  return join(tempDir(), "archive.db");
}
