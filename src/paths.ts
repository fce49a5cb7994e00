/** Files that ship with paperboy, found from the package root (works from src/ and from dist/). */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "paperboy") return dir;
      } catch {
        // not ours; keep climbing
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`paperboy's package.json not found above ${start}`);
    dir = up;
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** paperboy's version, as its package.json says (`--version`, the chat's `about`). */
export const VERSION = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }
).version;

/** The bundled sample digest the console bot loads into an empty archive. */
export const SAMPLE_DIGEST = {
  path: join(PACKAGE_ROOT, "samples", "daily-papers-2025-08-12.txt"),
  date: "2025-08-12",
};

/** The documented example config, with every key: what a missing config file is made from. */
export const EXAMPLE_CONFIG = join(PACKAGE_ROOT, "config", "paperboy.example.json");
