import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDb, tempDir } from "../support/cli.js";
import { DIGESTS, expectedDay, HOSTILE, SAMPLE_DAYS } from "../support/fixtures.js";

const AUG12 = `${DIGESTS}daily-papers-aug-12.txt`;

describe("ingest, list, show, export", () => {
  it("ingests the Aug 12 page: 72 papers, then 0 added and 72 stored again; export round-trips", async () => {
    const db = tempDb();
    const first = await runCli(["--db", db, "ingest", AUG12, "--date", "2025-08-12", "--json"]);
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({
      total: 72,
      files: [{ papers: 72, added: 72, updated: 0, date: "2025-08-12", format: "page" }],
    });
    const again = await runCli(["--db", db, "ingest", AUG12, "--date", "2025-08-12", "--json"]);
    expect(again.json()).toMatchObject({ total: 72, files: [{ papers: 72, added: 0, updated: 72 }] });
    const listed = await runCli(["--db", db, "list", "--date", "2025-08-12", "--json"]);
    expect(listed.json().papers).toHaveLength(72);

    const exported = await runCli(["--db", db, "export", "--format", "jsonl"]);
    expect(exported.stdout.trim().split("\n")).toHaveLength(72);
    const file = join(tempDir(), "export.jsonl");
    writeFileSync(file, exported.stdout);
    const db2 = tempDb();
    const back = await runCli(["--db", db2, "ingest", file, "--json"]);
    expect(back.json()).toMatchObject({ total: 72, files: [{ format: "jsonl", added: 72 }] });
    const reexported = await runCli(["--db", db2, "export", "--format", "jsonl"]);
    expect(reexported.stdout).toBe(exported.stdout);
  });

  it("ingesting a day in both formats keeps one record per paper, found by either id", async () => {
    const db = tempDb();
    const date = "2026-02-03";
    const expected = expectedDay(date).papers;
    const page = await runCli(["--db", db, "ingest", `${DIGESTS}${date}.txt`, "--json"]);
    expect(page.json().files[0]).toMatchObject({ date, added: expected.length });
    const contentIds = (await runCli(["--db", db, "list", "--date", date, "--json"]))
      .json()
      .papers.map((p: { id: string }) => p.id);
    expect(contentIds.every((id: string) => id.startsWith("pb-"))).toBe(true);
    const api = await runCli(["--db", db, "ingest", `${DIGESTS}${date}.hf-api.json`, "--json"]);
    expect(api.json().files[0]).toMatchObject({ added: 0, updated: expected.length });
    const listed = (await runCli(["--db", db, "list", "--date", date, "--json"])).json().papers;
    expect(listed.map((p: { id: string }) => p.id)).toEqual(expected.map((p) => p.id));
    const byArxiv = (await runCli(["--db", db, "show", expected[0]!.id, "--json"])).json();
    const byContent = (await runCli(["--db", db, "show", contentIds[0], "--json"])).json();
    expect(byContent).toEqual(byArxiv);
    expect(byArxiv.arxiv_id).toBe(expected[0]!.id);
    expect(byArxiv.code).toContain(expected[0]!.github);
    const url = (
      await runCli(["--db", db, "show", `https://arxiv.org/abs/${expected[0]!.id}v2`, "--json"])
    ).json();
    expect(url.id).toBe(expected[0]!.id);
  });

  it("keeps the API form's ai_summary as source_summary: page after API keeps it, export round-trips it", async () => {
    const db = tempDb();
    const date = "2026-02-03";
    const raw = JSON.parse(readFileSync(`${DIGESTS}${date}.hf-api.json`, "utf8")) as {
      paper: { id: string; ai_summary?: string };
    }[];
    const first = raw[0]!.paper;
    expect(first.ai_summary).toBeTruthy();
    await runCli(["--db", db, "ingest", `${DIGESTS}${date}.hf-api.json`, "--json"]);
    const shown = (await runCli(["--db", db, "show", first.id, "--json"])).json();
    expect(shown.source_summary).toBe(first.ai_summary);
    // The page form of the same day has no summary: it must not erase the API's.
    await runCli(["--db", db, "ingest", `${DIGESTS}${date}.txt`, "--json"]);
    expect((await runCli(["--db", db, "show", first.id, "--json"])).json().source_summary).toBe(
      first.ai_summary,
    );
    const exported = await runCli(["--db", db, "export", "--format", "jsonl"]);
    const file = join(tempDir(), "export.jsonl");
    writeFileSync(file, exported.stdout);
    const db2 = tempDb();
    await runCli(["--db", db2, "ingest", file, "--json"]);
    expect((await runCli(["--db", db2, "show", first.id, "--json"])).json().source_summary).toBe(
      first.ai_summary,
    );
    const pageOnly = tempDb();
    await runCli(["--db", pageOnly, "ingest", `${DIGESTS}${date}.txt`, "--json"]);
    const listed = (await runCli(["--db", pageOnly, "list", "--date", date, "--json"])).json().papers;
    expect(
      (await runCli(["--db", pageOnly, "show", listed[0].id, "--json"])).json().source_summary,
    ).toBeNull();
  });

  for (const date of SAMPLE_DAYS) {
    it(`stores exactly the expected titles and abstracts of ${date}`, async () => {
      const db = tempDb();
      for (const form of ["txt", "hf-api.json"]) {
        const r = await runCli(["--db", db, "ingest", `${DIGESTS}${date}.${form}`, "--json"]);
        expect(r.code).toBe(0);
      }
      const exported = (await runCli(["--db", db, "export", "--json"])).json().papers;
      const expected = expectedDay(date).papers;
      expect(exported.map((p: { title: string }) => p.title)).toEqual(expected.map((p) => p.title));
      expect(exported.map((p: { abstract: string }) => p.abstract)).toEqual(expected.map((p) => p.abstract));
      expect(exported.map((p: { id: string }) => p.id)).toEqual(expected.map((p) => p.id));
    });
  }

  it("show on an unknown id exits 1 with one line saying how to find ids", async () => {
    const db = tempDb();
    await runCli(["--db", db, "ingest", AUG12, "--date", "2025-08-12"]);
    const r = await runCli(["--db", db, "show", "2999.99999"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/no paper with id "2999.99999".*search/);
  });

  it("unknown commands and flags exit 2; commands of later issues say not available yet", async () => {
    expect((await runCli(["lsit"])).stderr).toMatch(/did you mean "list"/);
    expect((await runCli(["lsit"])).code).toBe(2);
    expect((await runCli(["list", "--bogus"])).code).toBe(2);
  });
});

describe("bad input leaves the archive unchanged", () => {
  const hostile = readdirSync(HOSTILE).sort();
  it("each failing hostile file fails alone, with exit 1, and nothing else changes", async () => {
    const db = tempDb();
    await runCli(["--db", db, "ingest", AUG12, "--date", "2025-08-12"]);
    const before = (await runCli(["--db", db, "export", "--format", "jsonl"])).stdout;
    const failing = [
      "api-not-json.json",
      "bad-api.json",
      "empty.txt",
      "header-only.txt",
      "invalid-utf8.txt",
      "not-a-digest.html",
      "truncated-title-only.txt",
    ];
    for (const f of failing) {
      expect(hostile).toContain(f);
      const r = await runCli(["--db", db, "ingest", `${HOSTILE}${f}`, "--date", "2026-03-01", "--json"]);
      expect(r.code, f).toBe(1);
      expect(r.stderr, f).toContain(f);
      expect(r.json().files[0].error.code, f).toMatch(/^E_DIGEST_/);
      const after = (await runCli(["--db", db, "export", "--format", "jsonl"])).stdout;
      expect(after, f).toBe(before);
    }
  });

  it("a failing file among good ones: the good ones are stored, exit status 1", async () => {
    const db = tempDb();
    const r = await runCli([
      "--db",
      db,
      "ingest",
      `${HOSTILE}empty.txt`,
      `${HOSTILE}duplicates.txt`,
      "--date",
      "2026-03-09",
      "--json",
    ]);
    expect(r.code).toBe(1);
    const files = r.json().files;
    expect(files[1]).toMatchObject({ papers: 3, added: 3, duplicates: 2 });
  });

  it("clean hostile files ingest: CRLF+BOM, duplicates (3 distinct), oversized (bounded, with a warning), unicode, mentions", async () => {
    const db = tempDb();
    const r = await runCli([
      "--db",
      db,
      "ingest",
      ...[
        "crlf-bom.txt",
        "duplicates.txt",
        "oversized.txt",
        "unicode-and-latex.txt",
        "mentions-and-markup.txt",
      ].map((f) => `${HOSTILE}${f}`),
      "--date",
      "2026-03-01",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const papers = r.json().files.map((f: { papers: number }) => f.papers);
    expect(papers).toEqual([2, 3, 3, 2, 3]);
    const oversized = r.json().files[2];
    expect(oversized.warnings.join(" ")).toMatch(/abstract of \d{6,} characters stored cut to 1000 \/ 20000/);
    const exported = (await runCli(["--db", db, "export", "--json"])).json().papers;
    const longest = Math.max(...exported.map((p: { abstract: string }) => p.abstract.length));
    expect(longest).toBeLessThanOrEqual(20_000);
    expect(longest).toBeGreaterThan(16_000);
    expect(Math.max(...exported.map((p: { title: string }) => p.title.length))).toBeLessThanOrEqual(1000);
    const cut = exported.find((p: { abstract: string }) => p.abstract.length === longest);
    expect(cut.abstract.endsWith("…")).toBe(true);
  });
});
