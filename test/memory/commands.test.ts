/**
 * Team memory through the test adapter: notes, the reading queue, memory across days on cards,
 * search by notes, exports (Markdown and BibTeX parsed by a maintained BibTeX parser), and bad
 * input (over-long notes, unknown ids, queue actions on papers not queued).
 */
import { parse } from "@retorquere/bibtex-parser";
import { afterEach, describe, expect, it } from "vitest";
import { NOTE_MAX_CHARS } from "../../src/archive/notes.js";
import type {
  FileReply,
  NotesReply,
  NoticeReply,
  PaperCard,
  QueueReply,
  Reply,
  ResultList,
} from "../../src/bot/replies.js";
import { type BotHarness, botHarness } from "../support/bot.js";
import { DIGESTS } from "../support/fixtures.js";

/** BibTeX as a reference manager reads it (titles as written: no sentence-casing). */
const parseBibtex = (text: string) => parse(text, { sentenceCase: false });

let h: BotHarness;
afterEach(() => h?.engine.close());

function only<T extends Reply>(replies: Reply[], kind: T["kind"]): T {
  const found = replies.filter((r) => r.kind === kind);
  expect(found, `replies: ${JSON.stringify(replies).slice(0, 400)}`).toHaveLength(1);
  return found[0] as T;
}

function ids(count: number): string[] {
  return h.engine.papers
    .day("2025-08-12")
    .slice(0, count)
    .map((p) => p.id);
}

describe("notes", () => {
  it("saves a note with its author, channel and time; show lists it; notes lists the channel's, newest first", async () => {
    h = botHarness();
    const [a, b] = ids(2) as [string, string];
    const saved = only<NoticeReply>(await h.adapter.say(`note ${a} Strong baseline; see table 3`), "notice");
    expect(saved).toMatchObject({ level: "info", public: true });
    expect(saved.text).toMatch(/^Note #1 saved on /);
    h.clock.advance(60_000);
    await h.adapter.say(`note ${b} Reads like a workshop paper`, { user: "U2" });
    const card = only<PaperCard>(await h.adapter.say(`show ${a}`), "paper");
    expect(card.memory?.notes).toEqual([
      expect.objectContaining({
        n: 1,
        author: "U1",
        text: "Strong baseline; see table 3",
        date: "2026-02-05",
      }),
    ]);
    expect(card.memory?.notesTotal).toBe(1);
    const list = only<NotesReply>(await h.adapter.say("notes"), "notes");
    expect(list.items.map((n) => [n.n, n.paperId, n.author])).toEqual([
      [2, b, "U2"],
      [1, a, "U1"],
    ]);
    const one = only<NotesReply>(await h.adapter.say(`notes ${b}`), "notes");
    expect(one.items.map((n) => n.n)).toEqual([2]);
    // Another channel sees none of them.
    const elsewhere = only<NotesReply>(await h.adapter.say("notes", { channel: "C2" }), "notes");
    expect(elsewhere.items).toEqual([]);
    expect(elsewhere.emptyText).toMatch(/No notes in this channel yet/);
  });

  it("in a discussion thread `note <text>` notes the thread's paper, and the thread card lists earlier notes", async () => {
    h = botHarness();
    const [a] = ids(1) as [string];
    await h.adapter.say(`discuss ${a}`);
    const thread = h.adapter.lastThread as string;
    const saved = only<NoticeReply>(await h.adapter.say("note the ablation is thin", { thread }), "notice");
    expect(saved.text).toContain(`(${a})`);
    const [note] = h.engine.store((await import("../../src/archive/notes.js")).NoteStore).all();
    expect(note).toMatchObject({ thread, text: "the ablation is thin", paperId: a });
    // A second discussion of the paper shows the first, with its size, and the note.
    const again = only<{ kind: "thread"; card: PaperCard } & Reply>(
      await h.adapter.say(`discuss ${a}`),
      "thread",
    );
    expect(again.card.memory?.discussions).toEqual([
      expect.objectContaining({ thread, here: true, messages: 0, notes: 1, date: "2026-02-05" }),
    ]);
    expect(again.card.memory?.notes.map((n) => n.text)).toEqual(["the ablation is thin"]);
  });

  it("refuses a 10 KB note with the limit named, and keeps nothing of it", async () => {
    h = botHarness();
    const [a] = ids(1) as [string];
    const long = "x".repeat(10 * 1024);
    const refused = only<NoticeReply>(await h.adapter.say(`note ${a} ${long}`), "notice");
    expect(refused).toMatchObject({ level: "error", code: "E_TOO_LONG" });
    expect(refused.text).toContain(NOTE_MAX_CHARS.toLocaleString("en-US"));
    expect(refused.text).toContain("10,240");
    const list = only<NotesReply>(await h.adapter.say("notes"), "notes");
    expect(list.total).toBe(0);
    // At the limit it is kept whole.
    const atLimit = "y".repeat(NOTE_MAX_CHARS);
    await h.adapter.say(`note ${a} ${atLimit}`);
    const [kept] = only<NotesReply>(await h.adapter.say("notes"), "notes").items;
    expect(kept?.text).toBe(atLimit);
  });

  it("keeps mentions and markup as written (renderers make them inert)", async () => {
    h = botHarness();
    const [a] = ids(1) as [string];
    const hostile = "@everyone <!channel> <@U024BE7LH> **bold** `code` [x](https://evil.example) ||spoiler||";
    await h.adapter.say(`note ${a} ${hostile}`);
    const [note] = only<NotesReply>(await h.adapter.say("notes"), "notes").items;
    expect(note?.text).toBe(hostile);
  });

  it("deletes a note for its author only; other channels cannot reach it", async () => {
    h = botHarness();
    const [a] = ids(1) as [string];
    await h.adapter.say(`note ${a} mine`);
    const notMine = only<NoticeReply>(await h.adapter.say("note delete 1", { user: "U2" }), "notice");
    expect(notMine).toMatchObject({ code: "E_NOT_ALLOWED" });
    const otherChannel = only<NoticeReply>(await h.adapter.say("note delete 1", { channel: "C9" }), "notice");
    expect(otherChannel).toMatchObject({ code: "E_UNKNOWN_NOTE" });
    const deleted = only<NoticeReply>(await h.adapter.say("note delete #1"), "notice");
    expect(deleted.text).toMatch(/^Deleted note #1/);
    expect(only<NotesReply>(await h.adapter.say("notes"), "notes").total).toBe(0);
    const gone = only<NoticeReply>(await h.adapter.say("note delete 1"), "notice");
    expect(gone).toMatchObject({ code: "E_UNKNOWN_NOTE" });
  });

  it("answers an unknown id or a missing paper clearly", async () => {
    h = botHarness();
    expect(only<NoticeReply>(await h.adapter.say("note 2999.99999 hello"), "notice")).toMatchObject({
      code: "E_UNKNOWN_PAPER",
    });
    const noId = only<NoticeReply>(await h.adapter.say("note great paper"), "notice");
    expect(noId.text).toMatch(/"great" is not a paper id: write `note <id> <text>`/);
    const [a] = ids(1) as [string];
    expect(only<NoticeReply>(await h.adapter.say(`note ${a}`), "notice").text).toMatch(
      /needs the note's text/,
    );
  });

  it("search finds papers by the channel's notes, marked as from a note, before the ranked results", async () => {
    h = botHarness();
    const [a] = ids(1) as [string];
    await h.adapter.say(`note ${a} zorblax benchmark replicated by Ana`);
    const replies = await h.adapter.say("search zorblax");
    expect(replies.map((r) => r.kind)).toEqual(["results", "results"]);
    const [notes, ranked] = replies as [ResultList, ResultList];
    expect(notes.title).toContain("From this channel's notes");
    expect(notes.items).toEqual([
      expect.objectContaining({ id: a, fromNote: "zorblax benchmark replicated by Ana" }),
    ]);
    expect(ranked.items).toEqual([]);
    // The notes are this channel's: elsewhere the same search finds nothing by them.
    const other = await h.adapter.say("search zorblax", { channel: "C2" });
    expect(other.map((r) => r.kind)).toEqual(["results"]);
    // A new note is found at once (the index follows the notes).
    await h.adapter.say(`note ${ids(2)[1]} zorblax again`);
    const [more] = (await h.adapter.say("search zorblax")) as ResultList[];
    expect(more?.items.map((i) => i.id)).toHaveLength(2);
  });
});

describe("the reading queue", () => {
  it("add, claim, done with a note, drop; `queue` shows who has what", async () => {
    h = botHarness();
    const [a, b, c] = ids(3) as [string, string, string];
    expect(only<NoticeReply>(await h.adapter.say(`queue add ${a}`), "notice")).toMatchObject({
      public: true,
    });
    await h.adapter.say(`queue add ${b}`);
    await h.adapter.say(`queue add ${c}`);
    const again = only<NoticeReply>(await h.adapter.say(`queue add ${a}`, { user: "U2" }), "notice");
    expect(again.text).toMatch(/already in this channel's queue: it was queued by U1/);
    const claimed = only<NoticeReply>(await h.adapter.say(`queue claim ${a}`, { user: "U2" }), "notice");
    expect(claimed.text).toMatch(/^U2 will read /);
    h.clock.advance(86_400_000);
    const done = only<NoticeReply>(
      await h.adapter.say(`queue done ${a} solid, worth a group read`, { user: "U2" }),
      "notice",
    );
    expect(done.text).toMatch(/^U2 read .*Note #1 saved\./);
    await h.adapter.say(`queue drop ${c}`);
    const q = only<QueueReply>(await h.adapter.say("queue"), "queue");
    expect(q.open.map((i) => [i.paperId, i.status])).toEqual([[b, "queued"]]);
    expect(q.open[0]?.actions.map((x) => x.command)).toEqual([`queue claim ${b}`, `queue done ${b}`]);
    expect(q.done).toEqual([
      expect.objectContaining({ paperId: a, status: "done", by: "U2", since: "2026-02-06" }),
    ]);
    const [note] = only<NotesReply>(await h.adapter.say(`notes ${a}`), "notes").items;
    expect(note).toMatchObject({ author: "U2", text: "solid, worth a group read" });
    const card = only<PaperCard>(await h.adapter.say(`show ${a}`), "paper");
    expect(card.memory?.queue).toMatchObject({ status: "done", by: "U2" });
    expect(card.actions.map((x) => x.label)).toEqual(
      expect.arrayContaining(["Add to queue", "I'll read it"]),
    );
  });

  it("a second claim is told who has it; claiming an unqueued paper queues it first", async () => {
    h = botHarness();
    const [a] = ids(1) as [string];
    const first = only<NoticeReply>(await h.adapter.say(`queue claim ${a}`), "notice");
    expect(first.text).toMatch(/will read .*\(added to the queue\)/);
    const second = only<NoticeReply>(await h.adapter.say(`queue claim ${a}`, { user: "U2" }), "notice");
    expect(second).toMatchObject({ level: "error", code: "E_QUEUE_TAKEN" });
    expect(second.text).toMatch(/^U1 already claimed /);
    const mine = only<NoticeReply>(await h.adapter.say(`queue claim ${a}`), "notice");
    expect(mine.text).toMatch(/^You already claimed/);
  });

  it("concurrent claims by two users: exactly one wins, the other is told who has it", async () => {
    const unlimited = { capacity: 1000, refillPerMinute: 1000 };
    h = botHarness({ bot: { rateLimits: { perUser: unlimited, perChannel: unlimited } } });
    const papers = ids(20);
    const results = await Promise.all(
      papers.flatMap((id) => [
        h.adapter.say(`queue claim ${id}`, { user: "UA" }),
        h.adapter.say(`queue claim ${id}`, { user: "UB" }),
      ]),
    );
    for (let i = 0; i < papers.length; i++) {
      const pair = [results[2 * i], results[2 * i + 1]].map((r) => (r as Reply[])[0] as NoticeReply);
      const winners = pair.filter((n) => n.level === "info");
      const losers = pair.filter((n) => n.code === "E_QUEUE_TAKEN");
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const winner = winners[0]?.text.startsWith("UA") ? "UA" : "UB";
      expect(losers[0]?.text).toMatch(new RegExp(`^${winner} already claimed`));
    }
  });

  it("queue actions on papers not queued, unknown ids and unknown actions get clear replies", async () => {
    h = botHarness();
    const [a] = ids(1) as [string];
    const notQueued = only<NoticeReply>(await h.adapter.say(`queue done ${a}`), "notice");
    expect(notQueued).toMatchObject({ code: "E_NOT_QUEUED" });
    expect(notQueued.text).toContain(`queue add ${a}`);
    expect(only<NoticeReply>(await h.adapter.say(`queue drop ${a}`), "notice")).toMatchObject({
      code: "E_NOT_QUEUED",
    });
    expect(only<NoticeReply>(await h.adapter.say("queue add 2999.99999"), "notice")).toMatchObject({
      code: "E_UNKNOWN_PAPER",
    });
    const bad = only<NoticeReply>(await h.adapter.say(`queue grab ${a}`), "notice");
    expect(bad.text).toMatch(/action must be one of list, add, claim, done, drop/);
    const noId = only<NoticeReply>(await h.adapter.say("queue add"), "notice");
    expect(noId.text).toMatch(/needs a paper id/);
    const empty = only<QueueReply>(await h.adapter.say("queue"), "queue");
    expect(empty).toMatchObject({ open: [], done: [], doneTotal: 0 });
  });

  it("a `queue done` note over the limit is refused and the paper stays unread (one transaction)", async () => {
    h = botHarness();
    const [a] = ids(1) as [string];
    await h.adapter.say(`queue claim ${a}`);
    const refused = only<NoticeReply>(
      await h.adapter.say(`queue done ${a} ${"z".repeat(NOTE_MAX_CHARS + 1)}`),
      "notice",
    );
    expect(refused.code).toBe("E_TOO_LONG");
    const q = only<QueueReply>(await h.adapter.say("queue"), "queue");
    expect(q.open.map((i) => i.status)).toEqual(["claimed"]);
  });
});

describe("memory across days", () => {
  it("a paper discussed in another channel of the workspace says so on its card; another workspace sees nothing", async () => {
    h = botHarness();
    const [a] = ids(1) as [string];
    await h.adapter.say(`discuss ${a}`, { channel: "C-READING" });
    const thread = h.adapter.lastThread as string;
    await h.adapter.say("what dataset do they use?", { channel: "C-READING", thread });
    await h.adapter.say("note check the appendix", { channel: "C-READING", thread });
    h.clock.advance(3 * 86_400_000);
    const card = only<PaperCard>(await h.adapter.say(`show ${a}`, { channel: "C-OTHER" }), "paper");
    expect(card.memory?.discussions).toEqual([
      {
        platform: "test",
        workspace: "W1",
        channel: "C-READING",
        thread,
        date: "2026-02-05",
        messages: 2,
        notes: 1,
        here: false,
      },
    ]);
    // The other channel's note text stays there: counted and linked, not quoted.
    expect(card.memory?.notes).toEqual([]);
    const foreign = only<PaperCard>(await h.adapter.say(`show ${a}`, { workspace: "W2" }), "paper");
    expect(foreign.memory).toBeUndefined();
  });

  it("follows the paper to its new id when it comes back with an arXiv id", async () => {
    h = botHarness({ seed: false });
    const { writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tempDir } = await import("../support/cli.js");
    const dir = tempDir();
    const paper = {
      title: "Sparse Widgets for Everyone",
      abstract: "We study sparse widgets at scale and find they help.",
    };
    writeFileSync(
      join(dir, "d1.jsonl"),
      `${JSON.stringify({ id: "pb-0123456789ab", ...paper, date: "2026-02-01" })}\n`,
    );
    h.engine.ingest([join(dir, "d1.jsonl")]);
    const before = h.engine.paper("pb-0123456789ab");
    await h.adapter.say(`note ${before.id} promising`);
    writeFileSync(
      join(dir, "d2.jsonl"),
      `${JSON.stringify({ id: "2602.04444", arxiv_id: "2602.04444v2", ...paper, date: "2026-02-04" })}\n`,
    );
    h.engine.ingest([join(dir, "d2.jsonl")]);
    const card = only<PaperCard>(await h.adapter.say("show 2602.04444"), "paper");
    expect(card.id).toBe("2602.04444");
    expect(card.memory?.notes.map((n) => n.text)).toEqual(["promising"]);
    expect(card.memory?.discussions).toEqual([
      expect.objectContaining({ thread: null, notes: 1, here: true }),
    ]);
  });
});

describe("export", () => {
  it("export notes sends a Markdown and a BibTeX file; the BibTeX parses, with eprint and archivePrefix", async () => {
    h = botHarness();
    h.engine.ingest([`${DIGESTS}2026-02-02.hf-api.json`]);
    const [a, b] = h.engine.papers.day("2026-02-02").map((p) => p.id) as [string, string];
    await h.adapter.say(`note ${a} {unbalanced} 100% \\emph{x} & <b>`);
    await h.adapter.say(`note ${b} second`);
    const file = only<FileReply>(await h.adapter.say("export notes"), "file");
    expect(file.files.map((f) => f.name)).toEqual([
      "paperboy-notes-2026-02-05.md",
      "paperboy-notes-2026-02-05.bib",
    ]);
    const md = file.files[0]?.content as string;
    expect(md).toMatch(/^# Team notes\n/);
    expect(md).toContain("\\{unbalanced\\} 100% \\\\emph\\{x\\} \\& \\<b\\>");
    const bib = parseBibtex(file.files[1]?.content as string);
    expect(bib.errors).toEqual([]);
    expect(bib.entries.map((e) => e.fields.eprint)).toEqual([a, b]);
    const first = bib.entries[0];
    expect(first?.type).toBe("misc");
    expect(first?.fields.archiveprefix).toBe("arXiv");
    expect(first?.fields.annote).toContain("{unbalanced} 100% \\emph{x} & <b>");
    expect(first?.fields.url).toBe(`https://arxiv.org/abs/${a}`);
    expect(first?.fields.year).toBe("2026");
    expect(first?.fields.title).toBe(h.engine.paper(a).title);
    expect(first?.fields.author?.map((x) => [x.firstName, x.lastName].join(" "))).toEqual(
      h.engine.paper(a).authors,
    );
  });

  it("export thread (inside a thread), queue, and week; a bad choice is explained", async () => {
    h = botHarness();
    const [a] = ids(1) as [string];
    await h.adapter.say(`discuss ${a}`);
    const thread = h.adapter.lastThread as string;
    await h.adapter.say("what is the main result?", { thread });
    const t = only<FileReply>(await h.adapter.say("export", { thread }), "file");
    expect(t.files[0]?.content).toMatch(/\*\*Discussion\*\* \(opened 2026-02-05, 2 messages\)/);
    expect(t.files[0]?.content).toMatch(/> \*\*Q\*\* \(U1\): what is the main result\?/);
    await h.adapter.say(`queue claim ${a}`);
    const q = only<FileReply>(await h.adapter.say("export queue md"), "file");
    expect(q.files.map((f) => f.name)).toEqual(["paperboy-queue-2026-02-05.md"]);
    expect(q.files[0]?.content).toMatch(/## To read[\s\S]*U1 is reading it \(since 2026-02-05\)/);
    const week = only<FileReply>(await h.adapter.say("export week 2025-08-14 bib"), "file");
    const bib = parseBibtex(week.files[0]?.content as string);
    expect(bib.errors).toEqual([]);
    expect(bib.entries).toHaveLength(72);
    expect(new Set(bib.entries.map((e) => e.key)).size).toBe(72);
    const noThread = only<NoticeReply>(await h.adapter.say("export thread"), "notice");
    expect(noThread.text).toMatch(/works inside a discussion thread/);
    const what = only<NoticeReply>(await h.adapter.say("export everything"), "notice");
    expect(what.text).toMatch(/must be one of thread, notes, queue, week/);
  });
});
