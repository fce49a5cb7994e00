import { describe, expect, it } from "vitest";
import { runCli, tempDb } from "../support/cli.js";

// The 2026-02-04 page writes "learning rate s", "SimpleNorm -based" and "models ," as the source
// spaced them; every human-readable CLI listing shows the tidied display text (the stored text and
// --json keep the source's own).
describe("CLI listings show display text", () => {
  it("search tidies the source's spacing in titles and snippets", async () => {
    const db = tempDb();
    expect((await runCli(["--db", db, "ingest", "test/fixtures/digests/2026-02-04.txt"])).code).toBe(0);
    const human = await runCli(["--db", db, "search", "SimpleNorm learning rate"]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain("SimpleNorm, which stabilizes");
    expect(human.stdout).not.toMatch(/ ,| \.|scale s\b|rate s\b/);
    const json = await runCli(["--db", db, "--json", "search", "SimpleNorm learning rate"]);
    const first = JSON.parse(json.stdout).results[0];
    expect(first.snippet).toMatch(/SimpleNorm ,/);
  });
});
