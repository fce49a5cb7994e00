import { describe, expect, it } from "vitest";
import { runCli, tempDb } from "../support/cli.js";
import { DIGESTS, expectedDay, readFixture } from "../support/fixtures.js";

/** The API form's entry of a paper, as the fixture holds it. */
function apiEntry(id: string): { ai_summary: string } {
  const entries = JSON.parse(readFixture("digests/2026-02-03.hf-api.json")) as {
    paper: { id: string; ai_summary: string };
  }[];
  const entry = entries.find((e) => e.paper.id === id);
  if (!entry) throw new Error(`fixture entry ${id} missing`);
  return entry.paper;
}

describe("paperboy summarize", () => {
  const date = "2026-02-03";
  const paper = expectedDay(date).papers.find((p) => p.id === "2602.02084")!;

  it("prints {id, tldr, key_results, findings, source_summary} with --json, found by arXiv URL too", async () => {
    const db = tempDb();
    expect((await runCli(["--db", db, "ingest", `${DIGESTS}${date}.hf-api.json`])).code).toBe(0);
    const r = await runCli(["--db", db, "summarize", `https://arxiv.org/abs/${paper.id}`, "--json"]);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(Object.keys(out).sort()).toEqual(["findings", "id", "key_results", "source_summary", "tldr"]);
    expect(out.id).toBe(paper.id);
    expect(out.tldr).toMatch(/^[A-Z].*\.$/);
    expect(out.key_results.length).toBeGreaterThan(0);
    expect(out.key_results.every((k: string) => /\d/.test(k))).toBe(true);
    // Findings in words are for papers without measured results only.
    expect(out.findings).toEqual([]);

    const human = await runCli(["--db", db, "summarize", paper.id]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(paper.title);
    expect(human.stdout).toContain(`TL;DR: ${out.tldr.split(" ").slice(0, 5).join(" ")}`);
    expect(human.stdout).toContain("Key results:");
    // The source's own summary, labelled as the source's, beside ours.
    expect(out.source_summary).toBe(apiEntry(paper.id).ai_summary);
    expect(human.stdout).toContain(
      `Hugging Face's summary: ${out.source_summary.split(" ").slice(0, 5).join(" ")}`,
    );
    const shown = await runCli(["--db", db, "show", paper.id]);
    expect(shown.stdout).toContain("Hugging Face's summary: ");
    expect(shown.stdout.indexOf("TL;DR: ")).toBeLessThan(shown.stdout.indexOf("Hugging Face's summary: "));
  });

  it("shows no source summary for a paper whose source gave none", async () => {
    const db = tempDb();
    // The page form of the day carries no summary of its own.
    expect((await runCli(["--db", db, "ingest", `${DIGESTS}${date}.txt`, "--date", date])).code).toBe(0);
    const listed = (await runCli(["--db", db, "list", "--date", date, "--json"])).json();
    const id = listed.papers.find((p: { title: string }) => p.title === paper.title).id;
    const r = await runCli(["--db", db, "summarize", id, "--json"]);
    expect(r.json().source_summary).toBeNull();
    const human = await runCli(["--db", db, "summarize", id]);
    expect(human.stdout).not.toContain("summary:");
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
