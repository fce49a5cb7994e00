/**
 * The team-memory scenario, end to end on the injected clock: day 1 a paper is discussed in a
 * thread, noted and queued; day 5 it is in the digest again (as a new arXiv version): the
 * scheduler's roundup marks it and points at the thread; `queue done` with a note; `export week`
 * holds both notes, and its BibTeX parses with a maintained parser.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@retorquere/bibtex-parser";
import { afterEach, expect, it } from "vitest";
import type { FileReply, NoticeReply, Reply } from "../../src/bot/replies.js";
import { ManualClock } from "../../src/clock.js";
import { FIXTURE_API, type Instance, instance, newDb, roundups } from "../scheduler/harness.js";
import { tempDir } from "../support/cli.js";

interface HfEntry {
  paper: { id: string; publishedAt?: string; [k: string]: unknown };
  publishedAt?: string;
  [k: string]: unknown;
}

const ENTRIES = JSON.parse(readFileSync(FIXTURE_API, "utf8")) as HfEntry[];

/** A day's digest file: these entries, published on `date`, their ids rewritten by `id`. */
function digest(date: string, entries: HfEntry[], id: (e: HfEntry) => string = (e) => e.paper.id): string {
  const at = `${date}T00:00:00.000Z`;
  const file = join(tempDir(), `${date}.hf-api.json`);
  writeFileSync(
    file,
    JSON.stringify(
      entries.map((e) => ({ ...e, publishedAt: at, paper: { ...e.paper, id: id(e), publishedAt: at } })),
    ),
  );
  return file;
}

const open: Instance[] = [];
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
});

it("day 1 discussed, noted and queued; day 5 the roundup marks it and links the thread; done with a note; the week's export has both notes", async () => {
  const clock = new ManualClock("2026-02-02T08:00:00Z");
  const i = instance(newDb(), clock);
  open.push(i);
  const paper = ENTRIES[0]?.paper.id as string;
  i.engine.ingest([digest("2026-02-02", ENTRIES.slice(0, 6))]);
  await i.adapter.say("subscribe time 09:00 timezone UTC", { channel: "C1" });

  // Day 1: the roundup, then a discussion with a question and a note, and the paper queued.
  clock.set("2026-02-02T09:00:00Z");
  await i.scheduler.tick();
  const [day1] = roundups(i);
  expect(day1?.reply.topics.flatMap((t) => t.papers).some((p) => p.discussed)).toBe(false);
  clock.set("2026-02-02T10:00:00Z");
  await i.adapter.say(`discuss ${paper}`, { channel: "C1", user: "U-ANA" });
  const thread = i.adapter.lastThread as string;
  await i.adapter.say("what do they compare against?", { channel: "C1", thread, user: "U-BEN" });
  await i.adapter.say("note day-one note: baselines look weak", { channel: "C1", thread, user: "U-ANA" });
  await i.adapter.say(`queue claim ${paper}`, { channel: "C1", user: "U-BEN" });

  // Day 5: the paper is back in the digest, as version 2, among papers of another day.
  i.engine.ingest([
    digest("2026-02-06", [ENTRIES[0] as HfEntry, ...ENTRIES.slice(10, 15)], (e) =>
      e === ENTRIES[0] ? `${paper}v2` : e.paper.id,
    ),
  ]);
  clock.set("2026-02-06T09:00:00Z");
  await i.scheduler.tick();
  const day5 = roundups(i).find((r) => r.reply.date === "2026-02-06");
  const lines = day5?.reply.topics.flatMap((t) => t.papers) ?? [];
  expect(lines).toHaveLength(6);
  const marked = lines.filter((p) => p.discussed);
  expect(marked.map((p) => p.id)).toEqual([paper]);
  expect(marked[0]?.discussed).toEqual({
    platform: "test",
    workspace: "W1",
    channel: "C1",
    thread,
    date: "2026-02-02",
    messages: 2,
    notes: 1,
    here: true,
  });

  // Done, with a note; the week's export holds both notes and the thread's question and answer.
  clock.set("2026-02-06T11:00:00Z");
  const done = (await i.adapter.say(`queue done ${paper} day-five note: replicated on our data`, {
    channel: "C1",
    user: "U-BEN",
  })) as Reply[];
  expect((done[0] as NoticeReply).text).toMatch(/Note #2 saved/);
  const [file] = (await i.adapter.say("export week 2026-02-06", { channel: "C1" })) as FileReply[];
  expect(file?.kind).toBe("file");
  const md = String(file?.files.find((f) => f.name.endsWith(".md"))?.content ?? "");
  expect(md).toMatch(/^# Week of 2026-01-31 to 2026-02-06/);
  expect(md).toContain("day-one note: baselines look weak");
  expect(md).toContain("day-five note: replicated on our data");
  expect(md).toContain("> **Q** (U-BEN): what do they compare against?");
  expect(md).toContain("read by U-BEN on 2026-02-06");
  const bib = parse(String(file?.files.find((f) => f.name.endsWith(".bib"))?.content ?? ""), {
    sentenceCase: false,
  });
  expect(bib.errors).toEqual([]);
  // Every paper of the week once: 6 of day 1 and 5 new on day 5.
  expect(bib.entries).toHaveLength(11);
  const entry = bib.entries.find((e) => e.fields.eprint === paper);
  expect(entry?.fields.archiveprefix).toBe("arXiv");
  expect(entry?.fields.annote).toContain("day-one note: baselines look weak");
  expect(entry?.fields.annote).toContain("day-five note: replicated on our data");
});
