/**
 * An archive on read-only media (a read-only mount, or a file and folder the user cannot write):
 * every read command answers, with no stack trace and exit 0; a write says the archive is
 * read-only. As root, file modes do not stop writes, so the CLI runs as the unprivileged user
 * `nobody` there (setpriv); as any other user, the modes alone make the media read-only.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { DIGESTS } from "../support/fixtures.js";
import { nodeArgs } from "../support/spawn.js";

const ENTRY = new URL("../support/cli-entry.ts", import.meta.url);
const asRoot = process.getuid?.() === 0;

function runAsReader(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const node = [process.execPath, ...nodeArgs(ENTRY), ...args];
  const [cmd, ...rest] = asRoot
    ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", ...node]
    : node;
  const r = spawnSync(cmd as string, rest, {
    encoding: "utf8",
    env: { ...process.env, PAPERBOY_LOG_LEVEL: "error" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each([
  { media: "a read-only folder (a read-only mount)", folderMode: 0o555 },
  { media: "a read-only file in a writable folder", folderMode: 0o777 },
])("an archive in $media", ({ folderMode }) => {
  it("answers search, show, roundup and related with exit 0; ingest is refused as read-only; nothing changes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "paperboy-ro-"));
    chmodSync(dir, 0o755);
    const db = join(dir, "archive.db");
    expect((await runCli(["--db", db, "ingest", `${DIGESTS}2026-02-02.hf-api.json`])).code).toBe(0);
    const before = (await runCli(["--db", db, "export"])).stdout;
    const id = (await runCli(["--db", db, "list", "--json"])).json().papers[0].id;
    chmodSync(db, 0o444);
    chmodSync(dir, folderMode);
    try {
      for (const args of [["search", "agents"], ["show", id], ["roundup"], ["related", id]]) {
        const r = runAsReader(["--db", db, ...args]);
        expect(r.stderr, args.join(" ")).not.toMatch(/internal error| {4}at /);
        expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(0);
      }
      const write = runAsReader(["--db", db, "ingest", `${DIGESTS}2026-02-03.hf-api.json`]);
      expect(write.status).toBe(1);
      expect(write.stderr).toMatch(/read-only/);
      expect(write.stderr).not.toMatch(/ {4}at /);
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(db, 0o644);
    }
    expect((await runCli(["--db", db, "export"])).stdout).toBe(before);
    // Five CLI processes: 17 s alone at load 12 on 2 cores through tsx, past 30 s in the full suite.
  }, 120_000);
});
