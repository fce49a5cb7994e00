/**
 * `paperboy fetch` while the API fails now and then: sentences for a person at a terminal, JSON
 * log lines for a pipe (a cron job's log, a collector).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../app/main.js";
import { silentLogger } from "../../src/logger.js";
import { tempDb, tempDir } from "../support/cli.js";
import { HfApiServer } from "../support/hf-api-server.js";
import { exited, spawnCli } from "../support/spawn.js";

const FIXTURE = "test/fixtures/digests/2026-02-03.hf-api.json";

let server: HfApiServer;
beforeEach(async () => {
  server = await new HfApiServer().start();
  server.publish("2026-02-03", FIXTURE);
  server.script("2026-02-03", { status: 502 }, { status: 429, headers: { "retry-after": "0" } });
});
afterEach(async () => {
  await server.close();
});

function fastConfig(): string {
  const path = join(tempDir(), "paperboy.json");
  writeFileSync(path, JSON.stringify({ source: { kind: "hf-api", backoffMs: 1, maxBackoffMs: 2 } }));
  return path;
}

describe("fetch progress", () => {
  it("on a terminal: plain sentences, no JSON", async () => {
    let stdout = "";
    let stderr = "";
    const code = await main(["--db", tempDb(), "--config", fastConfig(), "fetch", "--date", "2026-02-03"], {
      io: {
        stdout: (t) => {
          stdout += t;
        },
        stderr: (t) => {
          stderr += t;
        },
        isTTY: true,
        stderrIsTTY: true,
        env: { HF_API_URL: server.baseUrl },
        cwd: process.cwd(),
      },
      logger: silentLogger(),
    });
    expect(code).toBe(0);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      `Fetching the digest of 2026-02-03 from hf-api ${server.baseUrl}…`,
      expect.stringMatching(/^ {2}server error \(HTTP 502\); trying again in \d+ ms \(try 2 of 5\)$/),
      expect.stringMatching(/^ {2}rate limited \(HTTP 429\); trying again in 0 ms \(try 3 of 5\)$/),
    ]);
    expect(stderr).not.toContain("{");
    expect(stdout).toMatch(/2026-02-03\.hf-api\.json: \d+ papers for 2026-02-03/);
  });

  it("piped: one JSON log line per retry, and no sentences", async () => {
    const child = spawnCli(["--db", tempDb(), "--config", fastConfig(), "fetch", "--date", "2026-02-03"], {
      HF_API_URL: server.baseUrl,
    });
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    const { code } = await exited(child);
    expect(code).toBe(0);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged.map((l) => [l.msg, l.attempt, l.date])).toEqual([
      ["fetch retry", 1, "2026-02-03"],
      ["fetch retry", 2, "2026-02-03"],
    ]);
    expect(stderr).not.toMatch(/Fetching the digest|trying again/);
  });
});
