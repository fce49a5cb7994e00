/**
 * Where each console user was when their last session ended: in a discussion thread or not. A
 * Slack thread outlives a restart because the user goes back to it; the console's thread is a
 * sub-prompt, so the console remembers it and puts the user back in it. Kept in a small JSON
 * file beside the archive (the thread itself, its paper and history are in the archive); losing
 * the file loses only the resume.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

const SessionFile = z.object({ threads: z.record(z.string(), z.string()) });

export class ConsoleSession {
  /** `file` null: nothing is remembered (an in-memory archive). */
  constructor(
    private readonly file: string | null,
    private readonly user: string,
  ) {}

  private read(): Record<string, string> {
    if (!this.file) return {};
    try {
      const parsed = SessionFile.safeParse(JSON.parse(readFileSync(this.file, "utf8")));
      return parsed.success ? parsed.data.threads : {};
    } catch {
      // None yet, or unreadable: start in the channel.
      return {};
    }
  }

  /** The thread this user was in, if any. */
  thread(): string | null {
    return this.read()[this.user] ?? null;
  }

  /** Remembers the thread this user is in now (null: the channel). */
  save(thread: string | null): void {
    if (!this.file) return;
    const threads = this.read();
    if (thread) threads[this.user] = thread;
    else delete threads[this.user];
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      // Write then rename: a session killed mid-write leaves the old file, not half a new one.
      const partial = `${this.file}.partial`;
      writeFileSync(partial, `${JSON.stringify({ threads }, null, 2)}\n`);
      renameSync(partial, this.file);
    } catch {
      // A read-only data folder: the session goes on, only the resume after a restart is lost.
    }
  }
}
