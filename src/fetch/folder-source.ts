/**
 * The folder source: digests dropped into a folder, one file per day, its name holding the day
 * (`2026-02-02.txt`, `daily-2026-02-02.hf-api.json`). Watching uses fs.watch plus a rescan on each
 * event (events are coalesced and may name no file), so there is no polling loop.
 */
import { existsSync, type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import { join } from "node:path";
import { ErrorCode, FetchError } from "../errors.js";
import { NotPublishedYetError } from "./errors.js";
import type { DigestSource, FetchedDay } from "./source.js";

const DIGEST_FILE = /\.(txt|json|jsonl)$/i;

export class FolderSource implements DigestSource {
  readonly description: string;

  constructor(private readonly folder: string) {
    this.description = `folder ${folder}`;
  }

  /** Digest files by day (the first, in name order, when a day has several). */
  scan(): Map<string, string> {
    let names: string[];
    try {
      names = readdirSync(this.folder).sort();
    } catch (err) {
      throw new FetchError(
        ErrorCode.Fetch,
        `cannot read the digest folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check source.path in the config`,
        { file: this.folder },
      );
    }
    const byDay = new Map<string, string>();
    for (const name of names) {
      if (!DIGEST_FILE.test(name) || name.includes(".expected.")) continue;
      const day = /(\d{4}-\d{2}-\d{2})/.exec(name)?.[1];
      if (!day || byDay.has(day)) continue;
      const path = join(this.folder, name);
      if (statSync(path, { throwIfNoEntry: false })?.isFile()) byDay.set(day, path);
    }
    return byDay;
  }

  async fetchDay(date: string): Promise<FetchedDay> {
    const path = this.scan().get(date);
    if (!path) throw new NotPublishedYetError(date, this.description);
    return { date, path };
  }

  watch(onChange: () => void): () => void {
    if (!existsSync(this.folder)) return () => {};
    let watcher: FSWatcher | null = null;
    try {
      watcher = watch(this.folder, { persistent: false }, () => onChange());
      watcher.on("error", () => watcher?.close());
    } catch {
      // Some file systems (network mounts) cannot be watched; the scheduler's retries still find files.
      return () => {};
    }
    return () => watcher?.close();
  }
}
