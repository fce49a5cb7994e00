/**
 * Team notes on papers: who wrote what about which paper, in which channel and thread. A note is
 * kept by the paper's key, so it follows the paper through a new arXiv version or a second id.
 * Every write is one transaction; the text is stored as written (renderers make it inert).
 */
import type { Clock } from "../clock.js";
import { ErrorCode, PaperboyError } from "../errors.js";
import type { Db } from "./db.js";
import { writing } from "./write-errors.js";

/** The longest note kept, in characters: a long comment, not a document (export has the rest). */
export const NOTE_MAX_CHARS = 4000;

/** Where something was said: a platform's workspace and channel. */
export interface ChannelPlace {
  platform: string;
  workspace: string;
  channel: string;
}

export interface NoteInput extends ChannelPlace {
  /** The paper's stored id (what `engine.paper()` returns). */
  paperId: string;
  /** The discussion thread it was written in, if any. */
  thread?: string | null;
  author: string;
  authorName?: string | null;
  text: string;
}

export interface NoteRecord extends ChannelPlace {
  /** The note's number, as users name it (`note delete 12`). */
  id: number;
  paperPk: number;
  paperId: string;
  paperTitle: string;
  thread: string | null;
  author: string;
  authorName: string | null;
  text: string;
  createdAt: string;
}

interface Row {
  id: number;
  paper_pk: number;
  paper_id: string;
  paper_title: string;
  platform: string;
  workspace: string;
  channel: string;
  thread: string | null;
  author: string;
  author_name: string | null;
  text: string;
  created_at: string;
}

/** A note with its paper's id and title (every read of notes wants them). */
function selectNotes(db: Db) {
  return db.q
    .selectFrom("notes as n")
    .innerJoin("papers as p", "p.pk", "n.paper_pk")
    .select([
      "n.id",
      "n.paper_pk",
      "p.id as paper_id",
      "p.title as paper_title",
      "n.platform",
      "n.workspace",
      "n.channel",
      "n.thread",
      "n.author",
      "n.author_name",
      "n.text",
      "n.created_at",
    ]);
}

function fromRow(r: Row): NoteRecord {
  return {
    id: r.id,
    paperPk: r.paper_pk,
    paperId: r.paper_id,
    paperTitle: r.paper_title,
    platform: r.platform,
    workspace: r.workspace,
    channel: r.channel,
    thread: r.thread,
    author: r.author,
    authorName: r.author_name,
    text: r.text,
    createdAt: r.created_at,
  };
}

/** The refusal of an over-long note, naming the limit and how to fit under it. */
export function noteTooLong(length: number): PaperboyError {
  return new PaperboyError(
    ErrorCode.TooLong,
    `a note can be at most ${NOTE_MAX_CHARS.toLocaleString("en-US")} characters; this one has ${length.toLocaleString("en-US")}. Shorten it, or split it into several notes`,
    { field: "text" },
  );
}

export type DeleteOutcome = { deleted: NoteRecord } | { missing: true } | { notAuthor: NoteRecord };

export class NoteStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Saves a note; the paper must be in the archive. Returns it with its number. */
  add(input: NoteInput): NoteRecord {
    const text = input.text.trim();
    if (text.length > NOTE_MAX_CHARS) throw noteTooLong(text.length);
    if (!text)
      throw new PaperboyError(ErrorCode.InvalidArgument, "a note needs some text", { field: "text" });
    return writing("save the note", () =>
      this.db.transaction(() => {
        const inserted = this.db.get(
          this.db.q
            .insertInto("notes")
            .columns([
              "paper_pk",
              "platform",
              "workspace",
              "channel",
              "thread",
              "author",
              "author_name",
              "text",
              "created_at",
            ])
            .expression((eb) =>
              eb
                .selectFrom("papers")
                .select((s) => [
                  "pk",
                  s.val(input.platform).as("platform"),
                  s.val(input.workspace).as("workspace"),
                  s.val(input.channel).as("channel"),
                  s.val(input.thread ?? null).as("thread"),
                  s.val(input.author).as("author"),
                  s.val(input.authorName ?? null).as("author_name"),
                  s.val(text).as("text"),
                  s.val(this.clock.now().toISOString()).as("created_at"),
                ])
                .where("id", "=", input.paperId),
            )
            .returning("id"),
        );
        if (!inserted)
          throw new PaperboyError(
            ErrorCode.UnknownPaper,
            `no paper with id "${input.paperId}" in the archive`,
          );
        return this.get(Number(inserted.id)) as NoteRecord;
      }),
    );
  }

  get(id: number): NoteRecord | null {
    const row = this.db.get(selectNotes(this.db).where("n.id", "=", id)) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /**
   * Deletes note `id` when `author` (on `platform`) wrote it. A note of another channel is
   * reported missing: channels do not reach into each other's notes.
   */
  delete(id: number, by: { platform: string; channel: string; author: string }): DeleteOutcome {
    return writing("delete the note", () =>
      this.db.transaction((): DeleteOutcome => {
        const note = this.get(id);
        if (!note || note.platform !== by.platform || note.channel !== by.channel) return { missing: true };
        if (note.author !== by.author) return { notAuthor: note };
        // Gone meanwhile (another replica deleted it): missing, as if it had never been.
        const gone = this.db.run(this.db.q.deleteFrom("notes").where("id", "=", id));
        return gone.changes === 1 ? { deleted: note } : { missing: true };
      }),
    );
  }

  /** A channel's notes, newest first; of one paper when `paperPk` is given. */
  forChannel(
    where: { platform: string; channel: string; paperPk?: number },
    page: { limit: number; offset?: number } = { limit: 10 },
  ): { notes: NoteRecord[]; total: number } {
    const rows = this.db.all(
      selectNotes(this.db)
        .where("n.platform", "=", where.platform)
        .where("n.channel", "=", where.channel)
        .$if(where.paperPk !== undefined, (qb) => qb.where("n.paper_pk", "=", where.paperPk as number))
        .orderBy("n.id", "desc")
        .limit(page.limit)
        .offset(page.offset ?? 0),
    ) as Row[];
    const total = Number(
      this.db.get(
        this.db.q
          .selectFrom("notes as n")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("n.platform", "=", where.platform)
          .where("n.channel", "=", where.channel)
          .$if(where.paperPk !== undefined, (qb) => qb.where("n.paper_pk", "=", where.paperPk as number)),
      )?.n ?? 0,
    );
    return { notes: rows.map(fromRow), total };
  }

  /** A channel's notes on these papers, oldest first (what an export lists under each paper). */
  forPapers(where: { platform?: string; channel?: string }, paperPks: readonly number[]): NoteRecord[] {
    if (paperPks.length === 0) return [];
    const out: NoteRecord[] = [];
    for (let i = 0; i < paperPks.length; i += 500) {
      const rows = this.db.all(
        selectNotes(this.db)
          .where("n.paper_pk", "in", paperPks.slice(i, i + 500))
          .$if(where.platform !== undefined, (qb) => qb.where("n.platform", "=", where.platform as string))
          .$if(where.channel !== undefined, (qb) => qb.where("n.channel", "=", where.channel as string))
          .orderBy("n.id"),
      ) as Row[];
      out.push(...rows.map(fromRow));
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** Every note of a channel (or of every channel), oldest first, for exports and the notes index. */
  all(where: { platform?: string; channel?: string } = {}): NoteRecord[] {
    return (
      this.db.all(
        selectNotes(this.db)
          .$if(where.platform !== undefined, (qb) => qb.where("n.platform", "=", where.platform as string))
          .$if(where.channel !== undefined, (qb) => qb.where("n.channel", "=", where.channel as string))
          .orderBy("n.id"),
      ) as Row[]
    ).map(fromRow);
  }

  /** The notes written in one discussion thread, oldest first. */
  inThread(ref: { platform: string; channel: string; thread: string }): NoteRecord[] {
    return (
      this.db.all(
        selectNotes(this.db)
          .where("n.platform", "=", ref.platform)
          .where("n.channel", "=", ref.channel)
          .where("n.thread", "=", ref.thread)
          .orderBy("n.id"),
      ) as Row[]
    ).map(fromRow);
  }

  /**
   * A cheap fingerprint of a channel's notes (newest number and count): an index of them is stale
   * when it changes, whichever process wrote.
   */
  version(where: { platform: string; channel: string }): string {
    const row = this.db.get(
      this.db.q
        .selectFrom("notes")
        .select((eb) => [eb.fn.coalesce(eb.fn.max("id"), eb.lit(0)).as("last"), eb.fn.countAll().as("n")])
        .where("platform", "=", where.platform)
        .where("channel", "=", where.channel),
    );
    return `${Number(row?.last ?? 0)}:${Number(row?.n ?? 0)}`;
  }
}
