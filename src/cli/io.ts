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

/**
 * All of a stream's bytes (standard input for `ingest -`), read as a stream: a synchronous read
 * of file descriptor 0 fails with EAGAIN when a pipe's writer is slower than the reader.
 */
export async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
