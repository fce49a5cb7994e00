import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { runCli, tempDb, tempDir } from "../support/cli.js";
import { HfApiServer } from "../support/hf-api-server.js";

const FIXTURE = "test/fixtures/digests/2026-02-03.hf-api.json";

let server: HfApiServer;
beforeEach(async () => {
  server = await new HfApiServer().start();
});
afterEach(async () => {
  await server.close();
});

function config(content: unknown): string {
  const path = join(tempDir(), "paperboy.json");
  writeFileSync(path, JSON.stringify(content));
  return path;
}

/** Quick retries: the CLI waits real backoff time, so the test config keeps it to a millisecond. */
const FAST = { source: { kind: "hf-api", backoffMs: 1, maxBackoffMs: 2, timeoutMs: 2_000 } };

describe("paperboy fetch", () => {
  it("pulls the day from the API and reports it like ingest does", async () => {
    server.publish("2026-02-03", FIXTURE);
    server.script("2026-02-03", { status: 500 }, { status: 429, headers: { "retry-after": "0" } });
    const db = tempDb();
    const env = { HF_API_URL: server.baseUrl };
    const fetched = await runCli(
      ["--db", db, "--config", config(FAST), "--json", "fetch", "--date", "2026-02-03"],
      {
        env,
      },
    );
    expect(fetched.stderr).toBe("");
    expect(fetched.code).toBe(0);
    const ingested = await runCli(["--db", tempDb(), "--json", "ingest", FIXTURE, "--date", "2026-02-03"]);
    const strip = (r: { files: { path: string }[] }) => ({
      ...r,
      files: r.files.map(({ path: _p, ...f }) => f),
    });
    expect(strip(fetched.json())).toEqual(strip(ingested.json()));
    expect(fetched.json().files[0].path).toMatch(/digests[\\/]2026-02-03\.hf-api\.json$/);
    expect(server.requests.map((r) => r.date)).toEqual(["2026-02-03", "2026-02-03", "2026-02-03"]);
    const list = await runCli(["--db", db, "--json", "list", "--date", "2026-02-03"]);
    expect(list.json().papers.length).toBe(fetched.json().total);
  });

  it("defaults to today in the configured zone", async () => {
    // 23:30 UTC on Feb 2 is already Feb 3 in Berlin.
    server.publish("2026-02-03", FIXTURE);
    const clock = new ManualClock("2026-02-02T23:30:00Z");
    const run = await runCli(
      ["--db", tempDb(), "--config", config({ ...FAST, timezone: "Europe/Berlin" }), "fetch"],
      { env: { HF_API_URL: server.baseUrl }, clock },
    );
    expect(run.code).toBe(0);
    expect(server.requests.map((r) => r.date)).toEqual(["2026-02-03"]);
  });

  it("exits 1 with a clear message when the day is not published yet", async () => {
    const run = await runCli(["--db", tempDb(), "--config", config(FAST), "fetch", "--date", "2026-02-05"], {
      env: { HF_API_URL: server.baseUrl },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("the digest of 2026-02-05 is not published yet");
    expect(run.stderr).toContain("[E_NOT_PUBLISHED_YET]");
  });

  it("exits 1 naming the failure when the API keeps failing", async () => {
    server.script("2026-02-03", ...Array.from({ length: 5 }, () => ({ status: 502 })));
    const run = await runCli(["--db", tempDb(), "--config", config(FAST), "fetch", "--date", "2026-02-03"], {
      env: { HF_API_URL: server.baseUrl },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/HTTP 502.*after 5 tries.*\[E_FETCH\]/);
  });

  it("takes the day from a folder source", async () => {
    const folder = tempDir();
    mkdirSync(folder, { recursive: true });
    copyFileSync(FIXTURE, join(folder, "daily-2026-02-03.json"));
    const cfg = config({ source: { kind: "folder", path: folder, watch: false } });
    const ok = await runCli(["--db", tempDb(), "--config", cfg, "--json", "fetch", "--date", "2026-02-03"]);
    expect(ok.code).toBe(0);
    expect(ok.json().total).toBeGreaterThan(0);
    const missing = await runCli(["--db", tempDb(), "--config", cfg, "fetch", "--date", "2026-02-04"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("not published yet");
  });

  it("refuses a broken config before doing anything", async () => {
    const run = await runCli(
      ["--db", tempDb(), "--config", config({ source: { kind: "hf-api", retries: -1 } }), "fetch"],
      { env: { HF_API_URL: server.baseUrl } },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('config key "source.retries" is -1');
    expect(run.stderr).toContain("must be at least 0");
    expect(server.requests).toHaveLength(0);
  });
});
