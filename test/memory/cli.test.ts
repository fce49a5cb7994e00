/**
 * Team memory on the command line and the console: `paperboy export --notes|--queue|--thread|--week`
 * as Markdown or BibTeX on stdout, `paperboy forget --channel`, and `export` in `paperboy chat`,
 * which writes its files beside the archive and prints where.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "@retorquere/bibtex-parser";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { botHarness } from "../support/bot.js";
import { runCli, tempDb } from "../support/cli.js";
import { DIGESTS } from "../support/fixtures.js";

/** An archive where channel C1 on "test" noted, queued and discussed papers. */
async function archiveWithMemory(): Promise<{ db: string; ids: string[]; thread: string }> {
  const db = tempDb();
  const h = botHarness({ dbPath: db, seed: false, clock: new ManualClock("2026-02-03T10:00:00Z") });
  h.engine.ingest([`${DIGESTS}2026-02-02.hf-api.json`]);
  const ids = h.engine.papers
    .day("2026-02-02")
    .map((p) => p.id)
    .slice(0, 3);
  await h.adapter.say(`note ${ids[0]} a note with {braces} & 50%`);
  await h.adapter.say(`queue claim ${ids[1]}`);
  await h.adapter.say(`discuss ${ids[2]}`);
  const thread = h.adapter.lastThread as string;
  await h.adapter.say("which datasets?", { thread });
  await h.adapter.say(`note ${ids[0]} another channel's note`, { channel: "C2" });
  h.engine.close();
  return { db, ids, thread };
}

describe("paperboy export (team memory)", () => {
  it("--notes as Markdown and as BibTeX, for one channel or every channel", async () => {
    const { db, ids } = await archiveWithMemory();
    const md = await runCli(["--db", db, "export", "--notes", "--channel", "C1", "--format", "md"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Team notes\n\nchannel C1 on test/);
    expect(md.stdout).toContain("a note with \\{braces\\} \\& 50%");
    expect(md.stdout).not.toContain("another channel's note");
    const bib = await runCli(["--db", db, "export", "--notes", "--format", "bib"]);
    const parsed = parse(bib.stdout, { sentenceCase: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.fields.eprint)).toEqual([ids[0]]);
    expect(parsed.entries[0]?.fields.annote).toContain("another channel's note");
  });

  it("--queue, --thread (by thread id or by paper id) and --week", async () => {
    const { db, ids, thread } = await archiveWithMemory();
    const queue = await runCli(["--db", db, "export", "--queue", "--channel", "test:C1", "--format", "md"]);
    expect(queue.stdout).toMatch(/## To read[\s\S]*U1 is reading it/);
    const byThread = await runCli(["--db", db, "export", "--thread", thread, "--format", "md"]);
    expect(byThread.stdout).toContain("> **Q** (U1): which datasets?");
    const byPaper = await runCli(["--db", db, "export", "--thread", ids[2] as string, "--format", "md"]);
    expect(byPaper.stdout).toBe(byThread.stdout);
    const week = await runCli([
      "--db",
      db,
      "export",
      "--week",
      "2026-02-03",
      "--channel",
      "C1",
      "--format",
      "bib",
    ]);
    expect(parse(week.stdout, { sentenceCase: false }).entries).toHaveLength(38);
  });

  it("refuses --json, an unknown format, two kinds at once, and an unknown channel, clearly", async () => {
    const { db } = await archiveWithMemory();
    const json = await runCli(["--db", db, "--json", "export", "--notes"]);
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/--json does not apply/);
    expect((await runCli(["--db", db, "export", "--notes", "--format", "pdf"])).stderr).toMatch(
      /not md or bib/,
    );
    expect((await runCli(["--db", db, "export", "--notes", "--queue"])).stderr).toMatch(
      /choose one of --notes, --queue/,
    );
    const unknown = await runCli(["--db", db, "export", "--notes", "--channel", "C404"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/keeps nothing for channel "C404"/);
    const noThread = await runCli(["--db", db, "export", "--thread", "nope", "--format", "md"]);
    expect(noThread.code).toBe(1);
  });
});

describe("paperboy forget --channel", () => {
  it("counts without --yes, deletes with it, and leaves other channels alone", async () => {
    const { db } = await archiveWithMemory();
    const dry = await runCli(["--db", db, "--json", "forget", "--channel", "C1"]);
    expect(dry.code).toBe(0);
    expect(dry.json()).toMatchObject({
      deleted: false,
      would_delete: { notes: 1, reading_queue: 1, threads: 1, thread_messages: 2 },
    });
    const stillThere = await runCli(["--db", db, "export", "--notes", "--channel", "C1", "--format", "md"]);
    expect(stillThere.stdout).toContain("a note with");
    const done = await runCli(["--db", db, "forget", "--channel", "test:C1", "--yes"]);
    expect(done.stdout).toMatch(
      /^deleted, for channel C1 on test: 1 notes, 1 reading-queue entries, 0 reactions on papers, 2 paper messages remembered for reactions, 2 discussion messages, 1 discussion threads/,
    );
    const gone = await runCli(["--db", db, "export", "--notes", "--channel", "C1", "--format", "md"]);
    expect(gone.code).toBe(1);
    const other = await runCli(["--db", db, "export", "--notes", "--channel", "C2", "--format", "md"]);
    expect(other.stdout).toContain("another channel's note");
    expect((await runCli(["--db", db, "forget"])).code).toBe(2);
  });
});

describe("export in paperboy chat", () => {
  it("writes the files beside the archive, owner-only, and prints their paths", async () => {
    const db = tempDb();
    const r = await runCli(["--db", db, "chat"], { stdin: "note pb-a635b673c6db good one\nexport notes\n" });
    expect(r.code).toBe(0);
    const paths = [...r.stdout.matchAll(/wrote (\S+) \(\d+ KB\)/g)].map((m) => m[1] as string);
    expect(paths.map((p) => p.split("/").pop())).toEqual([
      expect.stringMatching(/^paperboy-notes-\d{4}-\d{2}-\d{2}\.md$/),
      expect.stringMatching(/^paperboy-notes-\d{4}-\d{2}-\d{2}\.bib$/),
    ]);
    for (const p of paths) {
      expect(dirname(p)).toBe(join(dirname(db), "exports"));
      expect(existsSync(p)).toBe(true);
      expect(statSync(p).mode & 0o777).toBe(0o600);
    }
    expect(readFileSync(paths[0] as string, "utf8")).toContain("good one");
  });
});
