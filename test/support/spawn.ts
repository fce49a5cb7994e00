/**
 * Spawning the CLI, and waiting on its output lines (events, not sleeps). A spawned process runs
 * the tree compiled for this test run (compiled-global.ts), as users run `dist/`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The command line that runs `script` (a TypeScript file of the repository) in a new process: its
 * compiled twin when the run compiled one, else the source through tsx.
 */
export function nodeArgs(script: string | URL): string[] {
  const path = typeof script === "string" ? script : fileURLToPath(script);
  const compiled = inject("compiledDir");
  if (!compiled) return ["--import", "tsx", path];
  return [join(compiled, relative(ROOT, path)).replace(/\.ts$/, ".js")];
}

const ENTRY = new URL("./cli-entry.ts", import.meta.url);

export function spawnCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [...nodeArgs(ENTRY), ...args], {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** Resolves with the first line of `stream` that matches, rejects if the process ends first. */
export function waitForLine(
  child: ChildProcess,
  stream: "stdout" | "stderr",
  pattern: RegExp,
  timeoutMs = 60_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const s = child[stream];
    if (!s) return reject(new Error(`no ${stream}`));
    const timer = setTimeout(
      () => done(new Error(`timed out waiting for ${pattern}; got: ${buffer.slice(-500)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      for (const line of lines.slice(0, -1)) if (pattern.test(line)) return done(null, line);
    };
    const onExit = (code: number | null) =>
      done(new Error(`process exited (${code}) before ${pattern}; got: ${buffer.slice(-500)}`));
    function done(err: Error | null, line?: string) {
      clearTimeout(timer);
      s?.off("data", onData);
      child.off("exit", onExit);
      if (err) reject(err);
      else resolve(line as string);
    }
    s.on("data", onData);
    child.on("exit", onExit);
  });
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}
