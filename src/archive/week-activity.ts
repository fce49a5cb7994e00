/**
 * What a channel did with papers over a span of time, for its weekly digest: the papers it talked
 * about most (discussion threads opened, questions asked in them, notes written, 👍/⭐ given) and how its
 * reading queue moved. Read-only; one query each, over the team-memory tables' indexes.
 */
import type { Clock } from "../clock.js";
import type { Db } from "./db.js";
import type { ChannelPlace } from "./notes.js";

export interface PaperActivity {
  paperPk: number;
  /** Discussion threads opened on it in the span. */
  threads: number;
  /** Questions people asked in its threads in the span. */
  questions: number;
  notes: number;
  /** 👍 and ⭐ given to it on the bot's messages in the span (👎 is no sign of discussion). */
  reactions: number;
}

export interface QueueActivity {
  queued: number;
  claimed: number;
  /** Papers added to the queue, and marked read, in the span. */
  added: number;
  read: number;
}

/** How much each kind of activity says a paper was discussed: a note or a thread outweighs one question. */
export const ACTIVITY_WEIGHTS = { threads: 2, questions: 1, notes: 2, reactions: 1 } as const;

export function activityScore(a: Omit<PaperActivity, "paperPk">): number {
  return (
    a.threads * ACTIVITY_WEIGHTS.threads +
    a.questions * ACTIVITY_WEIGHTS.questions +
    a.notes * ACTIVITY_WEIGHTS.notes +
    a.reactions * ACTIVITY_WEIGHTS.reactions
  );
}

export class WeekActivityStore {
  constructor(
    private readonly db: Db,
    _clock: Clock,
  ) {}

  /** The channel's most discussed papers between two instants (ISO, `from` inclusive), most first. */
  discussed(
    place: Pick<ChannelPlace, "platform" | "channel">,
    from: string,
    until: string,
    limit: number,
  ): PaperActivity[] {
    const p = [place.platform, place.channel, from, until];
    const rows = this.db
      .prepare(
        `SELECT pk, SUM(threads) AS threads, SUM(questions) AS questions, SUM(notes) AS notes,
                SUM(reactions) AS reactions FROM (
           SELECT paper_pk AS pk, COUNT(*) AS threads, 0 AS questions, 0 AS notes, 0 AS reactions FROM threads
             WHERE platform = ? AND channel = ? AND created_at >= ? AND created_at < ? GROUP BY paper_pk
           UNION ALL
           SELECT t.paper_pk AS pk, 0 AS threads, COUNT(*) AS questions, 0 AS notes, 0 AS reactions
             FROM thread_messages m JOIN threads t
               ON t.platform = m.platform AND t.channel = m.channel AND t.thread = m.thread
             WHERE m.platform = ? AND m.channel = ? AND m.at >= ? AND m.at < ? AND m.role = 'user'
             GROUP BY t.paper_pk
           UNION ALL
           SELECT paper_pk AS pk, 0 AS threads, 0 AS questions, COUNT(*) AS notes, 0 AS reactions FROM notes
             WHERE platform = ? AND channel = ? AND created_at >= ? AND created_at < ? GROUP BY paper_pk
           UNION ALL
           SELECT paper_pk AS pk, 0 AS threads, 0 AS questions, 0 AS notes, COUNT(*) AS reactions
             FROM paper_reactions
             WHERE platform = ? AND channel = ? AND reacted_at >= ? AND reacted_at < ?
               AND kind IN ('like', 'star') GROUP BY paper_pk
         ) AS activity GROUP BY pk`,
      )
      .all(...p, ...p, ...p, ...p) as {
      pk: number;
      threads: number;
      questions: number;
      notes: number;
      reactions: number;
    }[];
    return rows
      .map((r) => ({
        paperPk: r.pk,
        threads: r.threads,
        questions: r.questions,
        notes: r.notes,
        reactions: r.reactions,
      }))
      .sort((a, b) => activityScore(b) - activityScore(a) || a.paperPk - b.paperPk)
      .slice(0, limit);
  }

  /** The channel's reading queue now, and what was added and read between two instants. */
  queue(place: Pick<ChannelPlace, "platform" | "channel">, from: string, until: string): QueueActivity {
    const r = this.db
      .prepare(
        `SELECT
           SUM(CASE WHEN status = 'queued' THEN 1 ELSE 0 END) AS queued,
           SUM(CASE WHEN status = 'claimed' THEN 1 ELSE 0 END) AS claimed,
           SUM(CASE WHEN added_at >= ? AND added_at < ? THEN 1 ELSE 0 END) AS added,
           SUM(CASE WHEN status = 'done' AND done_at >= ? AND done_at < ? THEN 1 ELSE 0 END) AS read
         FROM reading_queue WHERE platform = ? AND channel = ?`,
      )
      .get(from, until, from, until, place.platform, place.channel) as Record<string, number | null>;
    return { queued: r.queued ?? 0, claimed: r.claimed ?? 0, added: r.added ?? 0, read: r.read ?? 0 };
  }
}
