/**
 * A channel's reading queue: papers someone added, who said "I'll read it", and what was read.
 * One row per (channel, paper). A claim is a conditional UPDATE (`… WHERE status = 'queued'`), so of
 * two people pressing "I'll read it" at once exactly one changes the row and the other is told who
 * has it; the scheduler's reminder is claimed the same way (`reminded_at IS NULL`), once.
 */
import type Database from "better-sqlite3";
import type { Clock } from "../clock.js";
import { ErrorCode, PaperboyError } from "../errors.js";
import type { Db } from "./db.js";
import { type ChannelPlace, type NoteRecord, NoteStore } from "./notes.js";
import { writing } from "./sqlite-errors.js";

export type QueueStatus = "queued" | "claimed" | "done";

/** Someone on a platform: the id it gives, and the display name when it gives one. */
export interface Person {
  id: string;
  name?: string | null;
}

export interface QueueEntry extends ChannelPlace {
  paperPk: number;
  paperId: string;
  paperTitle: string;
  status: QueueStatus;
  addedBy: Person;
  addedAt: string;
  claimedBy: Person | null;
  claimedAt: string | null;
  doneBy: Person | null;
  doneAt: string | null;
  remindedAt: string | null;
}

export type ClaimOutcome =
  | { claimed: QueueEntry; added: boolean }
  | { yoursAlready: QueueEntry }
  | { taken: QueueEntry }
  | { alreadyDone: QueueEntry };

export type DoneOutcome =
  | { done: QueueEntry; note: NoteRecord | null }
  | { notQueued: true }
  | { alreadyDone: QueueEntry };

interface Row {
  platform: string;
  workspace: string;
  channel: string;
  paper_pk: number;
  paper_id: string;
  paper_title: string;
  status: QueueStatus;
  added_by: string;
  added_name: string | null;
  added_at: string;
  claimed_by: string | null;
  claimed_name: string | null;
  claimed_at: string | null;
  done_by: string | null;
  done_name: string | null;
  done_at: string | null;
  reminded_at: string | null;
}

const SELECT = `SELECT q.*, p.id AS paper_id, p.title AS paper_title
  FROM reading_queue q JOIN papers p ON p.pk = q.paper_pk`;

function person(id: string | null, name: string | null): Person | null {
  return id === null ? null : name ? { id, name } : { id };
}

function fromRow(r: Row): QueueEntry {
  return {
    platform: r.platform,
    workspace: r.workspace,
    channel: r.channel,
    paperPk: r.paper_pk,
    paperId: r.paper_id,
    paperTitle: r.paper_title,
    status: r.status,
    addedBy: person(r.added_by, r.added_name) as Person,
    addedAt: r.added_at,
    claimedBy: person(r.claimed_by, r.claimed_name),
    claimedAt: r.claimed_at,
    doneBy: person(r.done_by, r.done_name),
    doneAt: r.done_at,
    remindedAt: r.reminded_at,
  };
}

export class QueueStore {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly notes: NoteStore;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.notes = new NoteStore(db, clock);
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private pk(paperId: string): number {
    const row = this.stmt("SELECT pk FROM papers WHERE id = ?").get(paperId) as { pk: number } | undefined;
    if (!row) throw new PaperboyError(ErrorCode.UnknownPaper, `no paper with id "${paperId}" in the archive`);
    return row.pk;
  }

  private row(where: { platform: string; channel: string }, pk: number): QueueEntry | null {
    const row = this.stmt(`${SELECT} WHERE q.platform = ? AND q.channel = ? AND q.paper_pk = ?`).get(
      where.platform,
      where.channel,
      pk,
    ) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  get(where: { platform: string; channel: string }, paperId: string): QueueEntry | null {
    const row = this.stmt(`${SELECT} WHERE q.platform = ? AND q.channel = ? AND p.id = ?`).get(
      where.platform,
      where.channel,
      paperId,
    ) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  private insert(place: ChannelPlace, pk: number, who: Person, now: string): boolean {
    return (
      this.stmt(
        `INSERT INTO reading_queue (platform, workspace, channel, paper_pk, status, added_by, added_name, added_at)
         VALUES (?, ?, ?, ?, 'queued', ?, ?, ?) ON CONFLICT (platform, channel, paper_pk) DO NOTHING`,
      ).run(place.platform, place.workspace, place.channel, pk, who.id, who.name ?? null, now).changes === 1
    );
  }

  /** Queues a paper; `added` is false when it was already in the queue (in any state). */
  add(place: ChannelPlace, paperId: string, who: Person): { added: boolean; entry: QueueEntry } {
    return writing("add to the reading queue", () =>
      this.db
        .transaction(() => {
          const pk = this.pk(paperId);
          const added = this.insert(place, pk, who, this.clock.now().toISOString());
          return { added, entry: this.row(place, pk) as QueueEntry };
        })
        .immediate(),
    );
  }

  /**
   * "I'll read it": claims a queued paper for `who`, queueing it first when it is not (a card's
   * button says "I'll read it" whether or not anyone queued the paper).
   */
  claim(place: ChannelPlace, paperId: string, who: Person): ClaimOutcome {
    return writing("claim the paper", () =>
      this.db
        .transaction((): ClaimOutcome => {
          const pk = this.pk(paperId);
          const now = this.clock.now().toISOString();
          const added = this.insert(place, pk, who, now);
          const changed = this.stmt(
            `UPDATE reading_queue SET status = 'claimed', claimed_by = ?, claimed_name = ?, claimed_at = ?,
               reminded_at = NULL
             WHERE platform = ? AND channel = ? AND paper_pk = ? AND status = 'queued'`,
          ).run(who.id, who.name ?? null, now, place.platform, place.channel, pk).changes;
          const entry = this.row(place, pk) as QueueEntry;
          if (changed === 1) return { claimed: entry, added };
          if (entry.status === "done") return { alreadyDone: entry };
          if (entry.claimedBy?.id === who.id) return { yoursAlready: entry };
          return { taken: entry };
        })
        .immediate(),
    );
  }

  /** Marks a queued or claimed paper read; the note, if any, is saved with it (one transaction). */
  done(place: ChannelPlace, paperId: string, who: Person, note?: { text: string; thread?: string | null }) {
    return writing("mark the paper read", () =>
      this.db
        .transaction((): DoneOutcome => {
          const pk = this.pk(paperId);
          const before = this.row(place, pk);
          if (!before) return { notQueued: true };
          if (before.status === "done") return { alreadyDone: before };
          this.stmt(
            `UPDATE reading_queue SET status = 'done', done_by = ?, done_name = ?, done_at = ?
             WHERE platform = ? AND channel = ? AND paper_pk = ? AND status <> 'done'`,
          ).run(who.id, who.name ?? null, this.clock.now().toISOString(), place.platform, place.channel, pk);
          const saved = note?.text.trim()
            ? this.notes.add({
                ...place,
                paperId,
                thread: note.thread ?? null,
                author: who.id,
                authorName: who.name ?? null,
                text: note.text,
              })
            : null;
          return { done: this.row(place, pk) as QueueEntry, note: saved };
        })
        .immediate(),
    );
  }

  /** Takes a paper off the queue; null when it was not on it. */
  drop(where: { platform: string; channel: string }, paperId: string): QueueEntry | null {
    return writing("drop the paper from the queue", () =>
      this.db
        .transaction(() => {
          const pk = this.pk(paperId);
          const entry = this.row(where, pk);
          if (!entry) return null;
          this.stmt("DELETE FROM reading_queue WHERE platform = ? AND channel = ? AND paper_pk = ?").run(
            where.platform,
            where.channel,
            pk,
          );
          return entry;
        })
        .immediate(),
    );
  }

  /**
   * A channel's queue: the `openLimit` oldest open entries (queued or claimed), the `doneLimit`
   * most recently read, and how many there are of each.
   */
  list(
    where: { platform: string; channel: string },
    limits: { open: number; done: number } = { open: 20, done: 5 },
  ): { open: QueueEntry[]; openTotal: number; done: QueueEntry[]; doneTotal: number } {
    const open = (
      this.stmt(
        `${SELECT} WHERE q.platform = ? AND q.channel = ? AND q.status <> 'done' ORDER BY q.added_at, q.paper_pk LIMIT ?`,
      ).all(where.platform, where.channel, limits.open) as Row[]
    ).map(fromRow);
    const done = (
      this.stmt(
        `${SELECT} WHERE q.platform = ? AND q.channel = ? AND q.status = 'done' ORDER BY q.done_at DESC LIMIT ?`,
      ).all(where.platform, where.channel, limits.done) as Row[]
    ).map(fromRow);
    const counts = this.stmt(
      `SELECT SUM(CASE WHEN status = 'done' THEN 0 ELSE 1 END) AS open, SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done
       FROM reading_queue WHERE platform = ? AND channel = ?`,
    ).get(where.platform, where.channel) as { open: number | null; done: number | null };
    return { open, openTotal: counts.open ?? 0, done, doneTotal: counts.done ?? 0 };
  }

  /** Every entry of a channel (or of every channel), in queue order, for exports. */
  all(where: { platform?: string; channel?: string } = {}): QueueEntry[] {
    const place = [
      where.platform !== undefined ? "q.platform = ?" : "",
      where.channel !== undefined ? "q.channel = ?" : "",
    ].filter(Boolean);
    return (
      this.stmt(
        `${SELECT}${place.length ? ` WHERE ${place.join(" AND ")}` : ""} ORDER BY q.platform, q.channel, q.added_at, q.paper_pk`,
      ).all(
        ...(where.platform !== undefined ? [where.platform] : []),
        ...(where.channel !== undefined ? [where.channel] : []),
      ) as Row[]
    ).map(fromRow);
  }

  /**
   * Claims older than `before` whose claimer has not been reminded yet, oldest first, on these
   * platforms (the ones a process serves).
   */
  dueReminders(before: Date, platforms: readonly string[], limit = 100): QueueEntry[] {
    if (platforms.length === 0) return [];
    const marks = platforms.map(() => "?").join(",");
    return (
      this.stmt(
        `${SELECT} WHERE q.status = 'claimed' AND q.claimed_at <= ? AND q.reminded_at IS NULL
           AND q.platform IN (${marks})
         ORDER BY q.claimed_at LIMIT ?`,
      ).all(before.toISOString(), ...platforms, limit) as Row[]
    ).map(fromRow);
  }

  /**
   * Takes the right to remind this claim's claimer: true for exactly one caller, and only while the
   * same person still holds the claim.
   */
  markReminded(entry: QueueEntry, at: Date): boolean {
    return writing(
      "record the reminder",
      () =>
        this.stmt(
          `UPDATE reading_queue SET reminded_at = ?
         WHERE platform = ? AND channel = ? AND paper_pk = ? AND status = 'claimed' AND claimed_by = ?
           AND claimed_at = ? AND reminded_at IS NULL`,
        ).run(
          at.toISOString(),
          entry.platform,
          entry.channel,
          entry.paperPk,
          entry.claimedBy?.id ?? null,
          entry.claimedAt,
        ).changes === 1,
    );
  }

  /** Gives a reminder back after its post failed, so a later tick tries again. */
  unmarkReminded(entry: QueueEntry, at: Date): void {
    writing("release the reminder", () =>
      this.stmt(
        `UPDATE reading_queue SET reminded_at = NULL
         WHERE platform = ? AND channel = ? AND paper_pk = ? AND reminded_at = ?`,
      ).run(entry.platform, entry.channel, entry.paperPk, at.toISOString()),
    );
  }
}
