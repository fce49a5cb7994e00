/** `paperboy doctor` on a PostgreSQL archive: the connection, the migration level, the clock. */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { postgresArchive } from "../support/archive.js";
import { runCli } from "../support/cli.js";

type Check = { name: string; ok: boolean; detail: string; fix?: string };

async function doctor(
  url: string,
  clock?: ManualClock,
): Promise<{ code: number; checks: Check[]; out: string }> {
  const r = await runCli(["--db", url, "--json", "doctor"], { env: { PORT: "0" }, clock });
  return { code: r.code, checks: r.json().checks as Check[], out: r.stdout + r.stderr };
}

const find = (checks: Check[], name: string) => checks.find((c) => c.name === name);

describe("paperboy doctor on PostgreSQL", () => {
  it("reports the connection, the schema level and the clock; never the password", async () => {
    const url = postgresArchive();
    const empty = await doctor(url);
    expect(find(empty.checks, "database (PostgreSQL)")).toMatchObject({ ok: true });
    expect(find(empty.checks, "database schema")?.detail).toMatch(
      /^schema 0\/\d+: the first replica to start applies/,
    );
    expect(find(empty.checks, "clock")).toMatchObject({ ok: true });
    expect(empty.code).toBe(0);
    expect(empty.out).not.toContain("paperboy-test");

    expect((await runCli(["--db", url, "ingest", "test/fixtures/digests/2026-02-02.hf-api.json"])).code).toBe(
      0,
    );
    const filled = await doctor(url);
    expect(find(filled.checks, "database schema")?.detail).toMatch(/^schema (\d+)\/\1 \(38 papers\)$/);
  });

  it("fails on a clock minutes off the server's, and on a server it cannot reach, each with its fix", async () => {
    const skewed = await doctor(
      postgresArchive(),
      new ManualClock(new Date(Date.now() - 5 * 60_000).toISOString()),
    );
    expect(skewed.code).toBe(1);
    expect(find(skewed.checks, "clock")).toMatchObject({ ok: false, fix: expect.stringMatching(/NTP/) });
    expect(find(skewed.checks, "clock")?.detail).toMatch(/^3\d{5} ms from the database server's/);

    const down = await doctor("postgres://paperboy:secret-pw@127.0.0.1:1/paperboy");
    expect(down.code).toBe(1);
    expect(find(down.checks, "database (PostgreSQL)")).toMatchObject({
      ok: false,
      fix: expect.stringMatching(/DATABASE_URL/),
    });
    expect(down.out).not.toContain("secret-pw");
  });
});
