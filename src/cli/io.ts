/** Where CLI output goes. Injected so tests can run commands in-process and read both streams. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input as text, for `chat` and `ingest -`; undefined when there is none. */
  stdin?: NodeJS.ReadableStream;
  isTTY: boolean;
  /** Whether stderr is a terminal (audit lines are JSON for log collectors, not for a person). */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdin: process.stdin,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}
