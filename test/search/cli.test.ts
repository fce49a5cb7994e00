import { describe, expect, it } from "vitest";
import { runCli, tempDb } from "../support/cli.js";
import { DIGESTS } from "../support/fixtures.js";

describe("paperboy search", () => {
  it("prints the contract's JSON, pages, and rejects bad flags", async () => {
    const db = tempDb();
    expect((await runCli(["--db", db, "ingest", `${DIGESTS}2026-02-03.hf-api.json`])).code).toBe(0);
    const run = await runCli(["--db", db, "--json", "search", "video", "generation", "--limit", "2"]);
    expect(run.code).toBe(0);
    const out = run.json();
    expect(out.query).toBe("video generation");
    expect(out.results).toHaveLength(2);
    expect(Object.keys(out.results[0]).sort()).toEqual(["date", "id", "score", "snippet", "title"]);
    expect(out.next_offset).toBe(2);
    const human = await runCli(["--db", db, "search", "video", "generation", "--limit", "2"]);
    expect(human.stdout).toContain(out.results[0].id);
    const bad = await runCli(["--db", db, "search", "video", "--limit", "ten"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--limit");
    const stop = await runCli(["--db", db, "search", "the", "of"]);
    expect(stop.code).toBe(1);
    expect(stop.stderr).toContain("E_QUERY_INVALID");
  });
});
