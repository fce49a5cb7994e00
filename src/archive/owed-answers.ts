/**
 * Answers owed to acknowledged chat requests (a Slack command's response_url), so that none is
 * lost when the replica that acked it dies before answering. A request is owed before it is
 * acked (a unique insert: the first replica to owe it owns it, a repeat is told so), settled once
 * every reply is delivered, and a claim past its lease is taken over by another replica (the one
 * take-over rule, claim-rules.ts) with a conditional UPDATE, so two replicas never take the same
 * row. Settled rows are kept until pruned so that a replay of a settled request is still a repeat.
 *
 * The row also records how far the answer got (migration 013): each message of the answer is a
 * numbered part, marked *sending* before it is posted and *sent* after, by its claimant only. A
 * take-over resumes after the last sent part; a part left sending is the one the dead replica may
 * or may not have posted, which the adapter checks (Slack: the message's metadata in the channel).
 */
import type { Selectable } from "kysely";
import type { Clock } from "../clock.js";
import { mayTakeOver } from "./claim-rules.js";
import type { Db } from "./db.js";
import type { OwedAnswersTable } from "./sql/tables.js";

export interface OwedAnswer {
  id: string;
  platform: string;
  /** The adapter's own record of the request (parsed JSON). */
  payload: unknown;
  claimedBy: string;
  claimedAt: string;
  attempts: number;
  createdAt: string;
  /** Parts of the answer known delivered (1, 2… in posting order). */
  sentParts: number;
  /** The part marked sending and not yet sent: posted or not, the claimant died not knowing. */
  sendingPart: number | null;
}

const COLUMNS = [
  "id",
  "platform",
  "payload",
  "claimed_by",
  "claimed_at",
  "attempts",
  "created_at",
  "sent_parts",
  "sending_part",
] as const;

/** The columns read, as the database hands them back (the table's own column types). */
type Row = Pick<Selectable<OwedAnswersTable>, (typeof COLUMNS)[number]>;

function fromRow(r: Row): OwedAnswer {
  return {
    id: r.id,
    platform: r.platform,
    payload: JSON.parse(r.payload) as unknown,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    attempts: Number(r.attempts),
    createdAt: r.created_at,
    sentParts: Number(r.sent_parts),
    sendingPart: r.sending_part === null ? null : Number(r.sending_part),
  };
}

/** Rows taken over per sweep: a burst after a crash is answered over a few sweeps, not at once. */
const CLAIM_BATCH = 50;

export class OwedAnswerStore {
  constructor(
    private readonly db: Db,
    _clock: Clock,
  ) {}

  /**
   * Records that `id` is owed an answer, claimed by `by`. True when first; false when the request
   * was already owed (being answered elsewhere, answered, or taken over): a repeat.
   */
  owe(id: string, platform: string, payload: unknown, by: string, now: Date): boolean {
    const at = now.toISOString();
    return (
      this.db.run(
        this.db.q
          .insertInto("owed_answers")
          .values({
            id,
            platform,
            payload: JSON.stringify(payload),
            claimed_by: by,
            claimed_at: at,
            attempts: 1,
            created_at: at,
            settled_at: null,
          })
          .onConflict((oc) => oc.column("id").doNothing()),
      ).changes === 1
    );
  }

  /**
   * Every reply was delivered, or none is owed after all: nobody answers it again. With `by`, only
   * while `by` still holds the claim (a replica that decided not to answer must not settle a row
   * another replica has taken over and is answering).
   */
  settle(id: string, now: Date, by?: string): void {
    let update = this.db.q
      .updateTable("owed_answers")
      .set({ settled_at: now.toISOString() })
      .where("id", "=", id)
      .where("settled_at", "is", null);
    if (by !== undefined) update = update.where("claimed_by", "=", by);
    this.db.run(update);
  }

  /**
   * Marks `part` of the answer as being posted, if `by` still holds the claim: false when another
   * replica has taken it over (this one was too slow), and then this one must post nothing more.
   */
  sending(id: string, part: number, by: string): boolean {
    return (
      this.db.run(
        this.db.q
          .updateTable("owed_answers")
          .set({ sending_part: part })
          .where("id", "=", id)
          .where("claimed_by", "=", by)
          .where("settled_at", "is", null),
      ).changes === 1
    );
  }

  /** Marks `part` posted (and every part before it), if `by` still holds the claim. */
  sent(id: string, part: number, by: string): boolean {
    return (
      this.db.run(
        this.db.q
          .updateTable("owed_answers")
          .set({ sent_parts: part, sending_part: null })
          .where("id", "=", id)
          .where("claimed_by", "=", by)
          .where("sent_parts", "<", part),
      ).changes === 1
    );
  }

  /**
   * Takes over unsettled answers whose claim is past `leaseMs` (their replica died or hung), made
   * less than `maxAgeMs` ago (older ones cannot be answered any more; see prune). Each row goes to
   * one claimant only: the UPDATE holds only if the row is still as read.
   */
  claimStale(by: string, now: Date, leaseMs: number, maxAgeMs: number): OwedAnswer[] {
    const stale = new Date(now.getTime() - leaseMs).toISOString();
    const oldest = new Date(now.getTime() - maxAgeMs).toISOString();
    const rows = this.db.all<Row>(
      this.db.q
        .selectFrom("owed_answers")
        .select([...COLUMNS])
        .where("settled_at", "is", null)
        .where("claimed_at", "<=", stale)
        .where("created_at", ">=", oldest)
        .orderBy("created_at")
        .limit(CLAIM_BATCH),
    );
    const taken: OwedAnswer[] = [];
    const at = now.toISOString();
    for (const row of rows) {
      const current = fromRow(row);
      if (
        !mayTakeOver(
          { status: "claimed", claimedAt: current.claimedAt },
          { now, leaseMs, retryFailed: () => false },
        )
      )
        continue;
      const won = this.db.run(
        this.db.q
          .updateTable("owed_answers")
          .set((eb) => ({ claimed_by: by, claimed_at: at, attempts: eb("attempts", "+", 1) }))
          .where("id", "=", current.id)
          .where("settled_at", "is", null)
          .where("claimed_by", "=", current.claimedBy)
          .where("claimed_at", "=", current.claimedAt)
          .where("attempts", "=", current.attempts),
      );
      if (won.changes !== 1) continue;
      // Read again once won: the old claimant may have marked progress since the read above, and
      // can mark none from now on (its claim is gone).
      const progress = this.db.get(
        this.db.q
          .selectFrom("owed_answers")
          .select(["sent_parts", "sending_part"])
          .where("id", "=", current.id),
      );
      taken.push({
        ...current,
        claimedBy: by,
        claimedAt: at,
        attempts: current.attempts + 1,
        sentParts: Number(progress?.sent_parts ?? current.sentParts),
        sendingPart:
          progress === undefined
            ? current.sendingPart
            : progress.sending_part === null
              ? null
              : Number(progress.sending_part),
      });
    }
    return taken;
  }

  /**
   * Deletes rows made more than `maxAgeMs` ago (past their response_url's life). Returns the
   * unsettled ones among them: answers given up on, for the caller to log.
   */
  prune(now: Date, maxAgeMs: number): OwedAnswer[] {
    const oldest = new Date(now.getTime() - maxAgeMs).toISOString();
    return this.db.transaction(() => {
      const given = this.db
        .all<Row>(
          this.db.q
            .selectFrom("owed_answers")
            .select([...COLUMNS])
            .where("created_at", "<", oldest)
            .where("settled_at", "is", null),
        )
        .map(fromRow);
      this.db.run(this.db.q.deleteFrom("owed_answers").where("created_at", "<", oldest));
      return given;
    });
  }

  /** Unsettled rows now (tests and /metrics). */
  pending(): number {
    return Number(
      this.db.get(
        this.db.q
          .selectFrom("owed_answers")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("settled_at", "is", null),
      )?.n ?? 0,
    );
  }
}
