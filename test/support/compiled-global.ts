/**
 * vitest globalSetup: the processes tests spawn (the CLI for crash, signal and read-only tests,
 * replicas) run compiled JavaScript, as users run `dist/`, instead of loading every module through
 * tsx's loader hooks. That halves a spawn's start-up CPU (2.6 s → 1.2 s for `--version`; more
 * where tsx's cache is not writable, as for the unprivileged user of the read-only test), which on
 * CI's two cores is the difference between `npm test` fitting its budget or not.
 *
 * Each file is transpiled alone by esbuild (no bundling, no type-check: `npm run typecheck` does
 * that), into a fresh folder inside the repository so that the package root, node_modules and the
 * `.js`-beside-the-caller worker paths resolve exactly as under `dist/`.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the compiled tree is: `<dir>/test/support/cli-entry.js` is the CLI. */
    compiledDir: string;
  }
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** What a spawned process may load: the product and the test support it is started through. */
const TREES = ["src", "app", "adapters", "config", "test/support", "test/replicas", "test/scheduler"];

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** `extraTrees`: more folders to compile (bench:ops runs its stall case from bench/ops). */
export async function compileForSpawn(
  extraTrees: readonly string[] = [],
): Promise<{ dir: string; remove: () => void }> {
  const cache = join(ROOT, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  // A run that was killed left its tree behind; a day later nothing can be using it.
  for (const old of readdirSync(cache).filter((f) => f.startsWith("paperboy-spawn-"))) {
    const path = join(cache, old);
    if (Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(cache, "paperboy-spawn-"));
  // mkdtemp makes it 0700; the read-only-media test runs the CLI as an unprivileged user.
  chmodSync(dir, 0o755);
  const files = [...TREES, ...extraTrees].flatMap((t) => filesOf(join(ROOT, t)));
  const sources = files.filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts"));
  await build({
    entryPoints: sources,
    outdir: dir,
    outbase: ROOT,
    format: "esm",
    platform: "node",
    target: `node${process.versions.node}`,
    bundle: false,
    logLevel: "error",
  });
  // JSON the modules import (learned weights) sits beside them, as tsc's build copies it.
  for (const f of files.filter((f) => f.endsWith(".json"))) {
    const to = join(dir, relative(ROOT, f));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(f, to);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export default async function setup(project: TestProject) {
  const compiled = await compileForSpawn();
  project.provide("compiledDir", compiled.dir);
  return () => compiled.remove();
}
