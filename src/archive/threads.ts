/** Discussion threads: which paper a thread is about, and what was said there. */
import { randomUUID } from "node:crypto";
import type { Clock } from "../clock.js";
import type { Db } from "./db.js";
import { writing } from "./write-errors.js";

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

  private get q() {
    return this.db.q;
  }

  /** Binds a thread to a paper; binding the same thread again re-points it. */
  open(ref: ThreadRef & { workspace: string; paperPk: number; createdBy: string }): void {
    writing(
      "open the discussion thread",
      () =>
        this.db.run(
          this.q
            .insertInto("threads")
            .values({
              platform: ref.platform,
              workspace: ref.workspace,
              channel: ref.channel,
              thread: ref.thread,
              paper_pk: ref.paperPk,
              created_by: ref.createdBy,
              created_at: this.clock.now().toISOString(),
            })
            .onConflict((oc) =>
              oc
                .columns(["platform", "channel", "thread"])
                .doUpdateSet((eb) => ({ paper_pk: eb.ref("excluded.paper_pk") })),
            ),
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
          this.db.run(
            this.q
              .deleteFrom("threads")
              .where("thread", "like", `${RESERVED_PREFIX}%`)
              .where("created_at", "<", new Date(now.getTime() - RESERVATION_TTL_MS).toISOString()),
          );
          this.db.run(
            this.q.insertInto("threads").values({
              platform: ref.platform,
              workspace: ref.workspace,
              channel: ref.channel,
              thread: placeholder,
              paper_pk: ref.paperPk,
              created_by: ref.createdBy,
              created_at: now.toISOString(),
            }),
          );
        }),
      this.db,
    );
    return placeholder;
  }

  /** The reserved binding gets the platform's thread id. */
  bindReserved(ref: { platform: string; channel: string }, placeholder: string, thread: string): void {
    writing(
      "open the discussion thread",
      () =>
        this.db.run(
          this.q
            .updateTable("threads")
            .set({ thread })
            .where("platform", "=", ref.platform)
            .where("channel", "=", ref.channel)
            .where("thread", "=", placeholder),
        ),
      this.db,
    );
  }

  /** Drops a reservation whose thread was never opened. */
  release(ref: { platform: string; channel: string }, placeholder: string): void {
    this.db.run(
      this.q
        .deleteFrom("threads")
        .where("platform", "=", ref.platform)
        .where("channel", "=", ref.channel)
        .where("thread", "=", placeholder),
    );
  }

  get(ref: ThreadRef): ThreadRecord | null {
    const row = this.db.get(
      this.q
        .selectFrom("threads")
        .selectAll()
        .where("platform", "=", ref.platform)
        .where("channel", "=", ref.channel)
        .where("thread", "=", ref.thread),
    );
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

  /**
   * The threads (newest first) `createdBy` opened about a paper in a channel since `since`: how a
   * replica taking over an owed `discuss` learns that the dead replica had opened its thread.
   * Reserved placeholders are not threads yet.
   */
  openedSince(
    ref: { platform: string; channel: string; paperPk: number; createdBy: string },
    since: Date,
  ): string[] {
    return this.db
      .all<{ thread: string }>(
        this.q
          .selectFrom("threads")
          .select("thread")
          .where("platform", "=", ref.platform)
          .where("channel", "=", ref.channel)
          .where("paper_pk", "=", ref.paperPk)
          .where("created_by", "=", ref.createdBy)
          .where("created_at", ">=", since.toISOString())
          .where("thread", "not like", `${RESERVED_PREFIX}%`)
          .orderBy("created_at", "desc"),
      )
      .map((r) => r.thread);
  }

  addMessage(ref: ThreadRef, message: Omit<ThreadMessage, "at">): void {
    writing(
      "record the thread message",
      () =>
        this.db.run(
          this.q.insertInto("thread_messages").values({
            platform: ref.platform,
            channel: ref.channel,
            thread: ref.thread,
            author: message.author,
            role: message.role,
            text: message.text,
            at: this.clock.now().toISOString(),
          }),
        ),
      this.db,
    );
  }

  private inThread(ref: ThreadRef) {
    return this.q
      .selectFrom("thread_messages")
      .where("platform", "=", ref.platform)
      .where("channel", "=", ref.channel)
      .where("thread", "=", ref.thread);
  }

  /** What readers asked in the thread, oldest first (the last `limit` questions): a follow-up's context. */
  questions(ref: ThreadRef, limit = 5): string[] {
    const rows = this.db.all(
      this.inThread(ref).select("text").where("role", "=", "user").orderBy("id", "desc").limit(limit),
    );
    return rows.map((r) => r.text).reverse();
  }

  /** The thread's messages, oldest first (the last `limit` of them). */
  messages(ref: ThreadRef, limit = 50): ThreadMessage[] {
    const rows = this.db.all(
      this.inThread(ref).select(["author", "role", "text", "at"]).orderBy("id", "desc").limit(limit),
    );
    return rows.reverse();
  }
}
