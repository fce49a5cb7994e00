/**
 * What a team already did with a paper: the discussion threads opened on it and the notes written
 * about it, per channel, with their sizes. Reads only; the card's "discussed on … in #… (12
 * messages, 2 notes)" and the roundup's "discussed" marks are built from it.
 */
import type { Clock } from "../clock.js";
import type { Db } from "./db.js";

/** One place a paper was talked about: a discussion thread, or a channel's notes outside any thread. */
export interface PaperMention {
  paperPk: number;
  platform: string;
  workspace: string;
  channel: string;
  /** The discussion thread; null for notes written outside one. */
  thread: string | null;
  /** When the thread was opened (or the first of these notes written), ISO. */
  since: string;
  /** Questions and answers recorded in the thread. */
  messages: number;
  notes: number;
}

/**
 * Whose history: a whole workspace of a platform (a card), one channel (a roundup, an export), or
 * everything (an operator's export); a field left out does not filter.
 */
export interface HistoryScope {
  platform?: string;
  workspace?: string;
  channel?: string;
}

const CHUNK = 500;

export class PaperHistoryStore {
  constructor(
    private readonly db: Db,
    _clock: Clock,
  ) {}

  /** Threads within `scope` (each field given filters). */
  private threads(scope: HistoryScope) {
    return this.db.q
      .selectFrom("threads as t")
      .$if(scope.platform !== undefined, (qb) => qb.where("t.platform", "=", scope.platform as string))
      .$if(scope.workspace !== undefined, (qb) => qb.where("t.workspace", "=", scope.workspace as string))
      .$if(scope.channel !== undefined, (qb) => qb.where("t.channel", "=", scope.channel as string));
  }

  /** Every mention of these papers within `scope`, newest first per paper. */
  mentions(scope: HistoryScope, paperPks: readonly number[]): Map<number, PaperMention[]> {
    const out = new Map<number, PaperMention[]>();
    for (let i = 0; i < paperPks.length; i += CHUNK) {
      const chunk = paperPks.slice(i, i + CHUNK);
      const threads = this.db.all(
        this.threads(scope)
          .select((eb) => [
            "t.paper_pk",
            "t.platform",
            "t.workspace",
            "t.channel",
            "t.thread",
            "t.created_at",
            eb
              .selectFrom("thread_messages as m")
              .select(eb.fn.countAll<number>().as("n"))
              .whereRef("m.platform", "=", "t.platform")
              .whereRef("m.channel", "=", "t.channel")
              .whereRef("m.thread", "=", "t.thread")
              .as("messages"),
          ])
          .where("t.paper_pk", "in", chunk),
      );
      const notes = this.db.all(
        this.db.q
          .selectFrom("notes as n")
          .select((eb) => [
            "n.paper_pk",
            "n.platform",
            eb.fn.max("n.workspace").as("workspace"),
            "n.channel",
            "n.thread",
            eb.fn.min("n.created_at").as("first_at"),
            eb.fn.countAll<number>().as("notes"),
          ])
          .$if(scope.platform !== undefined, (qb) => qb.where("n.platform", "=", scope.platform as string))
          .$if(scope.workspace !== undefined, (qb) => qb.where("n.workspace", "=", scope.workspace as string))
          .$if(scope.channel !== undefined, (qb) => qb.where("n.channel", "=", scope.channel as string))
          .where("n.paper_pk", "in", chunk)
          .groupBy(["n.paper_pk", "n.platform", "n.channel", "n.thread"]),
      );
      const byThread = new Map<string, PaperMention>();
      for (const row of threads) {
        const m: PaperMention = {
          paperPk: row.paper_pk,
          platform: row.platform,
          workspace: row.workspace,
          channel: row.channel,
          thread: row.thread,
          since: row.created_at,
          messages: Number(row.messages ?? 0),
          notes: 0,
        };
        byThread.set(`${row.paper_pk}\u0000${row.platform}\u0000${row.channel}\u0000${row.thread}`, m);
      }
      for (const note of notes) {
        const key = `${note.paper_pk}\u0000${note.platform}\u0000${note.channel}\u0000${note.thread ?? ""}`;
        const thread = note.thread !== null ? byThread.get(key) : undefined;
        if (thread) {
          thread.notes += Number(note.notes);
          continue;
        }
        // Notes outside a thread, or in a thread that is no discussion (any more): the channel's.
        const loose = `${note.paper_pk}\u0000${note.platform}\u0000${note.channel}\u0000`;
        const known = byThread.get(loose);
        if (known) {
          known.notes += Number(note.notes);
          if (note.first_at < known.since) known.since = note.first_at;
        } else
          byThread.set(loose, {
            paperPk: note.paper_pk,
            platform: note.platform,
            workspace: note.workspace,
            channel: note.channel,
            thread: null,
            since: note.first_at,
            messages: 0,
            notes: Number(note.notes),
          });
      }
      for (const m of byThread.values()) {
        const list = out.get(m.paperPk) ?? [];
        list.push(m);
        out.set(m.paperPk, list);
      }
    }
    for (const list of out.values())
      list.sort((a, b) => (a.since < b.since ? 1 : a.since > b.since ? -1 : 0));
    return out;
  }

  /** Papers whose discussion threads were opened in [fromIso, toIso] within `scope`. */
  threadsBetween(scope: HistoryScope, fromIso: string, toIso: string): number[] {
    return this.db
      .all(
        this.threads(scope)
          .select("t.paper_pk")
          .distinct()
          .where("t.created_at", ">=", fromIso)
          .where("t.created_at", "<=", toIso),
      )
      .map((r) => r.paper_pk);
  }

  /** Discussion threads within `scope`: the one with this platform id, or every one on this paper. */
  findThreads(
    scope: HistoryScope,
    by: { thread: string } | { paperPk: number },
  ): { platform: string; channel: string; thread: string }[] {
    return this.db.all(
      this.threads(scope)
        .select(["t.platform", "t.channel", "t.thread"])
        .$if("thread" in by, (qb) => qb.where("t.thread", "=", (by as { thread: string }).thread))
        .$if(!("thread" in by), (qb) => qb.where("t.paper_pk", "=", (by as { paperPk: number }).paperPk))
        .orderBy("t.created_at"),
    );
  }
}
