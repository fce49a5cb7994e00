import { describe, expect, it } from "vitest";
import { runCli, tempDb } from "../support/cli.js";
import { DIGESTS, expectedDay } from "../support/fixtures.js";

describe("paperboy summarize", () => {
  const date = "2026-02-03";
  const paper = expectedDay(date).papers.find((p) => p.id === "2602.02084")!;

  it("prints {id, tldr, key_results} with --json, found by arXiv URL too", async () => {
    const db = tempDb();
    expect((await runCli(["--db", db, "ingest", `${DIGESTS}${date}.hf-api.json`])).code).toBe(0);
    const r = await runCli(["--db", db, "summarize", `https://arxiv.org/abs/${paper.id}`, "--json"]);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(Object.keys(out).sort()).toEqual(["id", "key_results", "tldr"]);
    expect(out.id).toBe(paper.id);
    expect(out.tldr).toMatch(/^[A-Z].*\.$/);
    expect(out.key_results.length).toBeGreaterThan(0);
    expect(out.key_results.every((k: string) => /\d/.test(k))).toBe(true);

    const human = await runCli(["--db", db, "summarize", paper.id]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(paper.title);
    expect(human.stdout).toContain(`TL;DR: ${out.tldr.split(" ").slice(0, 5).join(" ")}`);
    expect(human.stdout).toContain("Key results:");
  });

  it("exits 1 with one line naming the unknown id", async () => {
    const db = tempDb();
    await runCli(["--db", db, "ingest", `${DIGESTS}${date}.hf-api.json`]);
    const r = await runCli(["--db", db, "summarize", "2999.99999", "--json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("2999.99999");
  });

  it("exits 2 without an id", async () => {
    const r = await runCli(["--db", tempDb(), "summarize"]);
    expect(r.code).toBe(2);
  });
});
