/**
 * Team notes on papers: who wrote what about which paper, in which channel and thread. A note is
 * kept by the paper's key, so it follows the paper through a new arXiv version or a second id.
 * Every write is one transaction; the text is stored as written (renderers make it inert).
 */
import type Database from "better-sqlite3";
import type { Clock } from "../clock.js";
import { ErrorCode, PaperboyError } from "../errors.js";
import type { Db } from "./db.js";
import { writing } from "./sqlite-errors.js";

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

const SELECT = `SELECT n.id, n.paper_pk, p.id AS paper_id, p.title AS paper_title, n.platform, n.workspace,
  n.channel, n.thread, n.author, n.author_name, n.text, n.created_at
  FROM notes n JOIN papers p ON p.pk = n.paper_pk`;

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
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Saves a note; the paper must be in the archive. Returns it with its number. */
  add(input: NoteInput): NoteRecord {
    const text = input.text.trim();
    if (text.length > NOTE_MAX_CHARS) throw noteTooLong(text.length);
    if (!text)
      throw new PaperboyError(ErrorCode.InvalidArgument, "a note needs some text", { field: "text" });
    return writing("save the note", () =>
      this.db
        .transaction(() => {
          const info = this.stmt(
            `INSERT INTO notes (paper_pk, platform, workspace, channel, thread, author, author_name, text, created_at)
           SELECT pk, ?, ?, ?, ?, ?, ?, ?, ? FROM papers WHERE id = ?`,
          ).run(
            input.platform,
            input.workspace,
            input.channel,
            input.thread ?? null,
            input.author,
            input.authorName ?? null,
            text,
            this.clock.now().toISOString(),
            input.paperId,
          );
          if (info.changes !== 1)
            throw new PaperboyError(
              ErrorCode.UnknownPaper,
              `no paper with id "${input.paperId}" in the archive`,
            );
          return this.get(Number(info.lastInsertRowid)) as NoteRecord;
        })
        .immediate(),
    );
  }

  get(id: number): NoteRecord | null {
    const row = this.stmt(`${SELECT} WHERE n.id = ?`).get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /**
   * Deletes note `id` when `author` (on `platform`) wrote it. A note of another channel is
   * reported missing: channels do not reach into each other's notes.
   */
  delete(id: number, by: { platform: string; channel: string; author: string }): DeleteOutcome {
    return writing("delete the note", () =>
      this.db
        .transaction((): DeleteOutcome => {
          const note = this.get(id);
          if (!note || note.platform !== by.platform || note.channel !== by.channel) return { missing: true };
          if (note.author !== by.author) return { notAuthor: note };
          this.stmt("DELETE FROM notes WHERE id = ?").run(id);
          return { deleted: note };
        })
        .immediate(),
    );
  }

  /** A channel's notes, newest first; of one paper when `paperPk` is given. */
  forChannel(
    where: { platform: string; channel: string; paperPk?: number },
    page: { limit: number; offset?: number } = { limit: 10 },
  ): { notes: NoteRecord[]; total: number } {
    const byPaper = where.paperPk !== undefined;
    const filter = `n.platform = ? AND n.channel = ?${byPaper ? " AND n.paper_pk = ?" : ""}`;
    const params: unknown[] = [where.platform, where.channel, ...(byPaper ? [where.paperPk] : [])];
    const rows = this.stmt(`${SELECT} WHERE ${filter} ORDER BY n.id DESC LIMIT ? OFFSET ?`).all(
      ...params,
      page.limit,
      page.offset ?? 0,
    ) as Row[];
    const total = (
      this.stmt(`SELECT COUNT(*) AS n FROM notes n WHERE ${filter}`).get(...params) as { n: number }
    ).n;
    return { notes: rows.map(fromRow), total };
  }

  /** A channel's notes on these papers, oldest first (what an export lists under each paper). */
  forPapers(where: { platform?: string; channel?: string }, paperPks: readonly number[]): NoteRecord[] {
    if (paperPks.length === 0) return [];
    const out: NoteRecord[] = [];
    for (let i = 0; i < paperPks.length; i += 500) {
      const chunk = paperPks.slice(i, i + 500);
      const marks = chunk.map(() => "?").join(",");
      const place = [
        where.platform !== undefined ? "n.platform = ?" : "",
        where.channel !== undefined ? "n.channel = ?" : "",
      ].filter(Boolean);
      const rows = this.db
        .prepare(
          `${SELECT} WHERE n.paper_pk IN (${marks})${place.map((p) => ` AND ${p}`).join("")} ORDER BY n.id`,
        )
        .all(
          ...chunk,
          ...(where.platform !== undefined ? [where.platform] : []),
          ...(where.channel !== undefined ? [where.channel] : []),
        ) as Row[];
      out.push(...rows.map(fromRow));
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** Every note of a channel (or of every channel), oldest first, for exports and the notes index. */
  all(where: { platform?: string; channel?: string } = {}): NoteRecord[] {
    const place = [
      where.platform !== undefined ? "n.platform = ?" : "",
      where.channel !== undefined ? "n.channel = ?" : "",
    ].filter(Boolean);
    const sql = `${SELECT}${place.length ? ` WHERE ${place.join(" AND ")}` : ""} ORDER BY n.id`;
    return (
      this.stmt(sql).all(
        ...(where.platform !== undefined ? [where.platform] : []),
        ...(where.channel !== undefined ? [where.channel] : []),
      ) as Row[]
    ).map(fromRow);
  }

  /** The notes written in one discussion thread, oldest first. */
  inThread(ref: { platform: string; channel: string; thread: string }): NoteRecord[] {
    return (
      this.stmt(`${SELECT} WHERE n.platform = ? AND n.channel = ? AND n.thread = ? ORDER BY n.id`).all(
        ref.platform,
        ref.channel,
        ref.thread,
      ) as Row[]
    ).map(fromRow);
  }

  /**
   * A cheap fingerprint of a channel's notes (newest number and count): an index of them is stale
   * when it changes, whichever process wrote.
   */
  version(where: { platform: string; channel: string }): string {
    const row = this.stmt(
      "SELECT COALESCE(MAX(id), 0) AS last, COUNT(*) AS n FROM notes WHERE platform = ? AND channel = ?",
    ).get(where.platform, where.channel) as { last: number; n: number };
    return `${row.last}:${row.n}`;
  }
}
