/**
 * A channel's reading queue: papers someone added, who said "I'll read it", and what was read.
 * One row per (channel, paper). A claim is a conditional UPDATE (`… WHERE status = 'queued'`), so of
 * two people pressing "I'll read it" at once exactly one changes the row and the other is told who
 * has it; the scheduler's reminder is claimed the same way (`reminded_at IS NULL`), once.
 */

import type { Selectable } from "kysely";
import type { Clock } from "../clock.js";
import { ErrorCode, PaperboyError } from "../errors.js";
import type { Db } from "./db.js";
import { type ChannelPlace, type NoteRecord, NoteStore } from "./notes.js";
import type { ReadingQueueTable } from "./sql/tables.js";
import { writing } from "./write-errors.js";

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

/** A queue row with its paper's id and title, as selectQueue hands it back. */
type Row = Selectable<ReadingQueueTable> & { paper_id: string; paper_title: string };

/** A queue entry with its paper's id and title. */
function selectQueue(db: Db) {
  return db.q
    .selectFrom("reading_queue as q")
    .innerJoin("papers as p", "p.pk", "q.paper_pk")
    .selectAll("q")
    .select(["p.id as paper_id", "p.title as paper_title"]);
}

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
  private readonly notes: NoteStore;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.notes = new NoteStore(db, clock);
  }

  private get q() {
    return this.db.q;
  }

  private pk(paperId: string): number {
    const row = this.db.get(this.q.selectFrom("papers").select("pk").where("id", "=", paperId));
    if (!row) throw new PaperboyError(ErrorCode.UnknownPaper, `no paper with id "${paperId}" in the archive`);
    return row.pk;
  }

  private row(where: { platform: string; channel: string }, pk: number): QueueEntry | null {
    const row = this.db.get(
      selectQueue(this.db)
        .where("q.platform", "=", where.platform)
        .where("q.channel", "=", where.channel)
        .where("q.paper_pk", "=", pk),
    ) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  get(where: { platform: string; channel: string }, paperId: string): QueueEntry | null {
    const row = this.db.get(
      selectQueue(this.db)
        .where("q.platform", "=", where.platform)
        .where("q.channel", "=", where.channel)
        .where("p.id", "=", paperId),
    ) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  private insert(place: ChannelPlace, pk: number, who: Person, now: string): boolean {
    return (
      this.db.run(
        this.q
          .insertInto("reading_queue")
          .values({
            platform: place.platform,
            workspace: place.workspace,
            channel: place.channel,
            paper_pk: pk,
            status: "queued",
            added_by: who.id,
            added_name: who.name ?? null,
            added_at: now,
          })
          .onConflict((oc) => oc.columns(["platform", "channel", "paper_pk"]).doNothing()),
      ).changes === 1
    );
  }

  private entry(where: { platform: string; channel: string }, pk: number) {
    return this.q
      .updateTable("reading_queue")
      .where("platform", "=", where.platform)
      .where("channel", "=", where.channel)
      .where("paper_pk", "=", pk);
  }

  /** Queues a paper; `added` is false when it was already in the queue (in any state). */
  add(place: ChannelPlace, paperId: string, who: Person): { added: boolean; entry: QueueEntry } {
    return writing("add to the reading queue", () =>
      this.db.transaction(() => {
        const pk = this.pk(paperId);
        const added = this.insert(place, pk, who, this.clock.now().toISOString());
        return { added, entry: this.row(place, pk) as QueueEntry };
      }),
    );
  }

  /**
   * "I'll read it": claims a queued paper for `who`, queueing it first when it is not (a card's
   * button says "I'll read it" whether or not anyone queued the paper).
   */
  claim(place: ChannelPlace, paperId: string, who: Person): ClaimOutcome {
    return writing("claim the paper", () =>
      this.db.transaction((): ClaimOutcome => {
        const pk = this.pk(paperId);
        const now = this.clock.now().toISOString();
        const added = this.insert(place, pk, who, now);
        const changed = this.db.run(
          this.entry(place, pk)
            .set({
              status: "claimed",
              claimed_by: who.id,
              claimed_name: who.name ?? null,
              claimed_at: now,
              reminded_at: null,
            })
            .where("status", "=", "queued"),
        ).changes;
        const entry = this.row(place, pk) as QueueEntry;
        if (changed === 1) return { claimed: entry, added };
        if (entry.status === "done") return { alreadyDone: entry };
        if (entry.claimedBy?.id === who.id) return { yoursAlready: entry };
        return { taken: entry };
      }),
    );
  }

  /** Marks a queued or claimed paper read; the note, if any, is saved with it (one transaction). */
  done(place: ChannelPlace, paperId: string, who: Person, note?: { text: string; thread?: string | null }) {
    return writing("mark the paper read", () =>
      this.db.transaction((): DoneOutcome => {
        const pk = this.pk(paperId);
        const before = this.row(place, pk);
        if (!before) return { notQueued: true };
        if (before.status === "done") return { alreadyDone: before };
        const marked = this.db.run(
          this.entry(place, pk)
            .set({
              status: "done",
              done_by: who.id,
              done_name: who.name ?? null,
              done_at: this.clock.now().toISOString(),
            })
            .where("status", "<>", "done"),
        ).changes;
        // Another replica marked it read between the read above and this write.
        if (marked === 0) {
          const now = this.row(place, pk);
          return now ? { alreadyDone: now } : { notQueued: true };
        }
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
      }),
    );
  }

  /** Takes a paper off the queue; null when it was not on it. */
  drop(where: { platform: string; channel: string }, paperId: string): QueueEntry | null {
    return writing("drop the paper from the queue", () =>
      this.db.transaction(() => {
        const pk = this.pk(paperId);
        const entry = this.row(where, pk);
        if (!entry) return null;
        const gone = this.db.run(
          this.q
            .deleteFrom("reading_queue")
            .where("platform", "=", where.platform)
            .where("channel", "=", where.channel)
            .where("paper_pk", "=", pk),
        );
        return gone.changes === 1 ? entry : null;
      }),
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
    const mine = selectQueue(this.db)
      .where("q.platform", "=", where.platform)
      .where("q.channel", "=", where.channel);
    const open = (
      this.db.all(
        mine.where("q.status", "<>", "done").orderBy("q.added_at").orderBy("q.paper_pk").limit(limits.open),
      ) as Row[]
    ).map(fromRow);
    const done = (
      this.db.all(
        mine.where("q.status", "=", "done").orderBy("q.done_at", "desc").limit(limits.done),
      ) as Row[]
    ).map(fromRow);
    const counts = this.db.get(
      this.q
        .selectFrom("reading_queue")
        .select((eb) => [
          eb.fn.sum<number>(eb.case().when("status", "=", "done").then(0).else(1).end()).as("open"),
          eb.fn.sum<number>(eb.case().when("status", "=", "done").then(1).else(0).end()).as("done"),
        ])
        .where("platform", "=", where.platform)
        .where("channel", "=", where.channel),
    );
    return { open, openTotal: Number(counts?.open ?? 0), done, doneTotal: Number(counts?.done ?? 0) };
  }

  /** Every entry of a channel (or of every channel), in queue order, for exports. */
  all(where: { platform?: string; channel?: string } = {}): QueueEntry[] {
    return (
      this.db.all(
        selectQueue(this.db)
          .$if(where.platform !== undefined, (qb) => qb.where("q.platform", "=", where.platform as string))
          .$if(where.channel !== undefined, (qb) => qb.where("q.channel", "=", where.channel as string))
          .orderBy("q.platform")
          .orderBy("q.channel")
          .orderBy("q.added_at")
          .orderBy("q.paper_pk"),
      ) as Row[]
    ).map(fromRow);
  }

  /**
   * Claims older than `before` whose claimer has not been reminded yet, oldest first, on these
   * platforms (the ones a process serves).
   */
  dueReminders(before: Date, platforms: readonly string[], limit = 100): QueueEntry[] {
    if (platforms.length === 0) return [];
    return (
      this.db.all(
        selectQueue(this.db)
          .where("q.status", "=", "claimed")
          .where("q.claimed_at", "<=", before.toISOString())
          .where("q.reminded_at", "is", null)
          .where("q.platform", "in", platforms)
          .orderBy("q.claimed_at")
          .limit(limit),
      ) as Row[]
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
        this.db.run(
          this.entry(entry, entry.paperPk)
            .set({ reminded_at: at.toISOString() })
            .where("status", "=", "claimed")
            .where("claimed_by", "=", entry.claimedBy?.id ?? null)
            .where("claimed_at", "=", entry.claimedAt)
            .where("reminded_at", "is", null),
        ).changes === 1,
    );
  }

  /** Gives a reminder back after its post failed, so a later tick tries again. */
  unmarkReminded(entry: QueueEntry, at: Date): void {
    writing("release the reminder", () =>
      this.db.run(
        this.entry(entry, entry.paperPk)
          .set({ reminded_at: null })
          .where("reminded_at", "=", at.toISOString()),
      ),
    );
  }
}
