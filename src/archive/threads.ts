/** Discussion threads: which paper a thread is about, and what was said there. */
import { randomUUID } from "node:crypto";
import type { Clock } from "../clock.js";
import type { Db } from "./db.js";
import { writing } from "./sqlite-errors.js";

/** Thread ids of reserved bindings (no platform's thread id looks like this). */
const RESERVED_PREFIX = "reserved:";
/** A reservation older than this belongs to a process that died before posting its card. */
const RESERVATION_TTL_MS = 24 * 60 * 60 * 1000;

export interface ThreadRef {
  platform: string;
  channel: string;
  thread: string;
}

export interface ThreadRecord extends ThreadRef {
  workspace: string;
  paperPk: number;
  createdBy: string;
  createdAt: string;
}

export interface ThreadMessage {
  author: string;
  role: "user" | "bot";
  text: string;
  at: string;
}

export class ThreadStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Binds a thread to a paper; binding the same thread again re-points it. */
  open(ref: ThreadRef & { workspace: string; paperPk: number; createdBy: string }): void {
    writing(
      "open the discussion thread",
      () =>
        this.db
          .prepare(
            `INSERT INTO threads (platform, workspace, channel, thread, paper_pk, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(platform, channel, thread) DO UPDATE SET paper_pk = excluded.paper_pk`,
          )
          .run(
            ref.platform,
            ref.workspace,
            ref.channel,
            ref.thread,
            ref.paperPk,
            ref.createdBy,
            this.clock.now().toISOString(),
          ),
      this.db,
    );
  }

  /**
   * Writes a thread's binding before the platform's thread exists, under a placeholder id: a full
   * disk is then found before the card is posted, not after. `bindReserved` gives it the real id
   * (or `release` drops it when the card could not be posted). Placeholders left by a process
   * that died in between are never matched by a real thread, and are swept a day later.
   */
  reserve(ref: {
    platform: string;
    workspace: string;
    channel: string;
    paperPk: number;
    createdBy: string;
  }): string {
    const placeholder = `${RESERVED_PREFIX}${randomUUID()}`;
    const now = this.clock.now();
    writing(
      "open the discussion thread",
      () =>
        this.db.transaction(() => {
          this.db
            .prepare("DELETE FROM threads WHERE thread LIKE ? AND created_at < ?")
            .run(`${RESERVED_PREFIX}%`, new Date(now.getTime() - RESERVATION_TTL_MS).toISOString());
          this.db
            .prepare(
              `INSERT INTO threads (platform, workspace, channel, thread, paper_pk, created_by, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              ref.platform,
              ref.workspace,
              ref.channel,
              placeholder,
              ref.paperPk,
              ref.createdBy,
              now.toISOString(),
            );
        })(),
      this.db,
    );
    return placeholder;
  }

  /** The reserved binding gets the platform's thread id. */
  bindReserved(ref: { platform: string; channel: string }, placeholder: string, thread: string): void {
    writing(
      "open the discussion thread",
      () =>
        this.db
          .prepare("UPDATE threads SET thread = ? WHERE platform = ? AND channel = ? AND thread = ?")
          .run(thread, ref.platform, ref.channel, placeholder),
      this.db,
    );
  }

  /** Drops a reservation whose thread was never opened. */
  release(ref: { platform: string; channel: string }, placeholder: string): void {
    this.db
      .prepare("DELETE FROM threads WHERE platform = ? AND channel = ? AND thread = ?")
      .run(ref.platform, ref.channel, placeholder);
  }

  get(ref: ThreadRef): ThreadRecord | null {
    const row = this.db
      .prepare("SELECT * FROM threads WHERE platform = ? AND channel = ? AND thread = ?")
      .get(ref.platform, ref.channel, ref.thread) as
      | {
          platform: string;
          workspace: string;
          channel: string;
          thread: string;
          paper_pk: number;
          created_by: string;
          created_at: string;
        }
      | undefined;
    if (!row) return null;
    return {
      platform: row.platform,
      workspace: row.workspace,
      channel: row.channel,
      thread: row.thread,
      paperPk: row.paper_pk,
      createdBy: row.created_by,
      createdAt: row.created_at,
    };
  }

  addMessage(ref: ThreadRef, message: Omit<ThreadMessage, "at">): void {
    writing(
      "record the thread message",
      () =>
        this.db
          .prepare(
            "INSERT INTO thread_messages (platform, channel, thread, author, role, text, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          )
          .run(
            ref.platform,
            ref.channel,
            ref.thread,
            message.author,
            message.role,
            message.text,
            this.clock.now().toISOString(),
          ),
      this.db,
    );
  }

  /** What readers asked in the thread, oldest first (the last `limit` questions): a follow-up's context. */
  questions(ref: ThreadRef, limit = 5): string[] {
    const rows = this.db
      .prepare(
        `SELECT text FROM thread_messages WHERE platform = ? AND channel = ? AND thread = ? AND role = 'user'
         ORDER BY id DESC LIMIT ?`,
      )
      .all(ref.platform, ref.channel, ref.thread, limit) as { text: string }[];
    return rows.map((r) => r.text).reverse();
  }

  /** The thread's messages, oldest first (the last `limit` of them). */
  messages(ref: ThreadRef, limit = 50): ThreadMessage[] {
    const rows = this.db
      .prepare(
        `SELECT author, role, text, at FROM thread_messages WHERE platform = ? AND channel = ? AND thread = ?
         ORDER BY id DESC LIMIT ?`,
      )
      .all(ref.platform, ref.channel, ref.thread, limit) as ThreadMessage[];
    return rows.reverse();
  }
}
