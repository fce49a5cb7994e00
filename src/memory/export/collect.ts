/**
 * What an export holds, gathered once and rendered twice (Markdown for reading, BibTeX for a
 * reference manager): the papers of a scope with their TL;DR, the channel's notes, its discussion
 * threads' questions and answers, and their reading-queue state.
 */
import type { NoteRecord } from "../../archive/notes.js";
import { NoteStore } from "../../archive/notes.js";
import { type HistoryScope, PaperHistoryStore } from "../../archive/paper-history.js";
import { type QueueEntry, QueueStore } from "../../archive/reading-queue.js";
import type { ThreadMessage, ThreadRef } from "../../archive/threads.js";
import { paperUrl } from "../../bot/cards.js";
import { addDays } from "../../clock.js";
import { ErrorCode, PaperboyError } from "../../errors.js";
import type { Paperboy } from "../../paperboy.js";
import { displayText } from "../../summary/latex.js";
import type { Paper } from "../../types.js";
import { WEEK_DAYS } from "../limits.js";

/** Messages of one discussion kept in an export: a long thread, not an unbounded one. */
const THREAD_MESSAGES = 1000;

/** Whose memory is exported: one channel (chat), or any platform/channel an operator names. */
export interface ExportScope extends HistoryScope {
  /** How the scope reads in the export's heading ("#C0123 on slack", "every channel"). */
  label: string;
}

export interface ExportThread extends ThreadRef {
  since: string;
  messages: ThreadMessage[];
}

export interface ExportPaper {
  paper: Paper;
  url: string | null;
  tldr: string;
  notes: NoteRecord[];
  threads: ExportThread[];
  queue: QueueEntry[];
}

export interface ExportSection {
  heading: string;
  papers: ExportPaper[];
  /** Title, link and TL;DR only (a week's papers nobody talked about). */
  brief?: boolean;
}

export interface ExportDoc {
  kind: "notes" | "queue" | "thread" | "week";
  title: string;
  scope: string;
  generatedAt: string;
  sections: ExportSection[];
  /** Every paper once, in order of first appearance (what BibTeX lists). */
  papers: ExportPaper[];
  /** Papers left out over the cap, when any were. */
  omitted: number;
  /** The last day a week's export covers (its file name says it). */
  until?: string;
}

function hasMemory(p: ExportPaper): boolean {
  return p.notes.length > 0 || p.threads.length > 0 || p.queue.length > 0;
}

/** The papers at `pks` with the scope's notes, threads and queue entries, in that order. */
function enrich(engine: Paperboy, scope: ExportScope, pks: readonly number[]): ExportPaper[] {
  const papers = engine.papersAt(pks);
  const notes = engine.store(NoteStore).forPapers(scope, pks);
  const mentions = engine.store(PaperHistoryStore).mentions(scope, pks);
  const queue = engine.store(QueueStore).all(scope);
  const notesBy = new Map<number, NoteRecord[]>();
  for (const n of notes) notesBy.set(n.paperPk, [...(notesBy.get(n.paperPk) ?? []), n]);
  const queueBy = new Map<number, QueueEntry[]>();
  for (const q of queue) queueBy.set(q.paperPk, [...(queueBy.get(q.paperPk) ?? []), q]);
  return papers.map((paper, i) => {
    const pk = pks[i] as number;
    const threads = (mentions.get(pk) ?? [])
      .filter((m) => m.thread !== null)
      .sort((a, b) => (a.since < b.since ? -1 : 1))
      .map((m) => {
        const ref = { platform: m.platform, channel: m.channel, thread: m.thread as string };
        return { ...ref, since: m.since, messages: engine.threads.messages(ref, THREAD_MESSAGES) };
      });
    return {
      paper,
      url: paperUrl(paper),
      tldr: engine.summary(paper).tldr,
      notes: notesBy.get(pk) ?? [],
      threads,
      queue: queueBy.get(pk) ?? [],
    };
  });
}

function doc(
  engine: Paperboy,
  kind: ExportDoc["kind"],
  title: string,
  scope: ExportScope,
  sections: ExportSection[],
  omitted: number,
): ExportDoc {
  const seen = new Set<string>();
  const papers: ExportPaper[] = [];
  for (const s of sections)
    for (const p of s.papers)
      if (!seen.has(p.paper.id)) {
        seen.add(p.paper.id);
        papers.push(p);
      }
  return {
    kind,
    title,
    scope: scope.label,
    generatedAt: engine.clock.now().toISOString(),
    sections,
    papers,
    omitted,
  };
}

function capped(pks: number[], max: number): { pks: number[]; omitted: number } {
  return pks.length > max ? { pks: pks.slice(0, max), omitted: pks.length - max } : { pks, omitted: 0 };
}

/** Every paper the scope wrote notes on, by its first note. */
export function collectNotes(engine: Paperboy, scope: ExportScope, max: number): ExportDoc {
  const order: number[] = [];
  const seen = new Set<number>();
  for (const n of engine.store(NoteStore).all(scope))
    if (!seen.has(n.paperPk)) {
      seen.add(n.paperPk);
      order.push(n.paperPk);
    }
  const { pks, omitted } = capped(order, max);
  const papers = enrich(engine, scope, pks);
  return doc(engine, "notes", "Team notes", scope, [{ heading: "Papers with notes", papers }], omitted);
}

/** The reading queue: what is still open, then what was read. */
export function collectQueue(engine: Paperboy, scope: ExportScope, max: number): ExportDoc {
  const entries = engine.store(QueueStore).all(scope);
  const open = [...new Set(entries.filter((e) => e.status !== "done").map((e) => e.paperPk))];
  const read = [...new Set(entries.filter((e) => e.status === "done").map((e) => e.paperPk))].filter(
    (pk) => !open.includes(pk),
  );
  const { pks, omitted } = capped([...open, ...read], max);
  const papers = enrich(engine, scope, pks);
  const openSet = new Set(open);
  const sections: ExportSection[] = [
    { heading: "To read", papers: papers.filter((_, i) => openSet.has(pks[i] as number)) },
    { heading: "Read", papers: papers.filter((_, i) => !openSet.has(pks[i] as number)) },
  ].filter((s) => s.papers.length > 0);
  return doc(engine, "queue", "Reading queue", scope, sections, omitted);
}

/** One discussion thread: its paper, its questions and answers, and the channel's notes. */
export function collectThread(engine: Paperboy, ref: ThreadRef & { workspace?: string }): ExportDoc {
  const bound = engine.threads.get(ref);
  if (!bound)
    throw new PaperboyError(
      ErrorCode.ThreadUnknown,
      `thread ${ref.thread} in channel ${ref.channel} is not a paperboy discussion; open one with \`discuss <id>\``,
    );
  const scope: ExportScope = {
    platform: ref.platform,
    channel: ref.channel,
    label: `a discussion in ${ref.channel} on ${ref.platform}`,
  };
  const [paper] = enrich(engine, scope, [bound.paperPk]);
  if (!paper)
    throw new PaperboyError(ErrorCode.UnknownPaper, "the thread's paper is no longer in the archive");
  // This thread first: an export of a thread is about it; other discussions of the paper follow.
  paper.threads.sort((a, b) => (a.thread === ref.thread ? -1 : b.thread === ref.thread ? 1 : 0));
  return doc(
    engine,
    "thread",
    `Discussion: ${displayText(paper.paper.title)}`,
    scope,
    [{ heading: "", papers: [paper] }],
    0,
  );
}

/**
 * A week up to `until` (its 7 days): first every paper the scope discussed, noted or queued in
 * those days (or that appeared in them and has memory), in full; then each digest day's papers,
 * briefly.
 */
export function collectWeek(engine: Paperboy, scope: ExportScope, until: string, max: number): ExportDoc {
  const since = addDays(until, -(WEEK_DAYS - 1));
  // Seven indexed look-ups, not a scan of every day in the archive.
  const dayPks = new Map<string, number[]>();
  for (let k = 0; k < WEEK_DAYS; k++) {
    const d = addDays(since, k);
    const pks = engine.papers.dayPks(d);
    if (pks.length) dayPks.set(d, pks);
  }
  const days = [...dayPks.keys()];
  const inDays = [...new Set([...dayPks.values()].flat())];
  const inWindow = (iso: string | null) =>
    iso !== null && iso.slice(0, 10) >= since && iso.slice(0, 10) <= until;
  const active = new Set<number>();
  for (const n of engine.store(NoteStore).all(scope)) if (inWindow(n.createdAt)) active.add(n.paperPk);
  for (const q of engine.store(QueueStore).all(scope))
    if (inWindow(q.addedAt) || inWindow(q.claimedAt) || inWindow(q.doneAt)) active.add(q.paperPk);
  for (const pk of engine
    .store(PaperHistoryStore)
    .threadsBetween(scope, `${since}T00:00:00.000Z`, `${until}T23:59:59.999Z`))
    active.add(pk);
  const { pks, omitted } = capped([...new Set([...active, ...inDays])], max);
  const enriched = enrich(engine, scope, pks);
  const byPk = new Map(pks.map((pk, i) => [pk, enriched[i] as ExportPaper]));
  const remembered = enriched.filter(hasMemory).sort((a, b) => (a.paper.date < b.paper.date ? -1 : 1));
  const sections: ExportSection[] = [];
  if (remembered.length) sections.push({ heading: "Discussed, noted or queued", papers: remembered });
  for (const d of days) {
    const papers = (dayPks.get(d) ?? []).map((pk) => byPk.get(pk)).filter((p): p is ExportPaper => !!p);
    if (papers.length) sections.push({ heading: `Papers of ${d}`, papers, brief: true });
  }
  return { ...doc(engine, "week", `Week of ${since} to ${until}`, scope, sections, omitted), until };
}

export { hasMemory };
