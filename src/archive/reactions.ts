/**
 * Reactions on papers (👍 ⭐ 👎), per channel, and the bot's single-paper messages where a
 * platform's reaction event does not say what the message showed. A reaction row is keyed by the
 * message, the person and the kind, so adding twice is one row and removing deletes exactly it.
 * Every write is one transaction; plain SQL that ports to PostgreSQL.
 */
import type { Clock } from "../clock.js";
import type { ReactionRow } from "../interests/profile.js";
import type { ReactionKind } from "../interests/reaction-kinds.js";
import type { Db } from "./db.js";
import type { RawStatement } from "./sql/database.js";
import { writing } from "./write-errors.js";

export interface ChannelRef {
  platform: string;
  channel: string;
}

export interface MessageRef extends ChannelRef {
  /** The platform's id of the message (Slack ts, Discord snowflake). */
  message: string;
}

export interface ReactionKey extends MessageRef {
  user: string;
  kind: ReactionKind;
}

export class ReactionStore {
  private readonly statements = new Map<string, RawStatement>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private stmt(sql: string): RawStatement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Records a reaction on paper `paperPk`; false when the same one was already recorded. */
  add(key: ReactionKey & { workspace: string; paperPk: number; at: Date }): boolean {
    return writing("record the reaction", () =>
      this.db.transaction(
        () =>
          this.stmt(
            `INSERT INTO paper_reactions (platform, workspace, channel, message, user_id, kind, paper_pk, reacted_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (platform, channel, message, user_id, kind) DO NOTHING`,
          ).run(
            key.platform,
            key.workspace,
            key.channel,
            key.message,
            key.user,
            key.kind,
            key.paperPk,
            key.at.toISOString(),
          ).changes === 1,
      ),
    );
  }

  /** Deletes the reaction `key` names; false when there was none. */
  remove(key: ReactionKey): boolean {
    return writing("remove the reaction", () =>
      this.db.transaction(
        () =>
          this.stmt(
            `DELETE FROM paper_reactions
               WHERE platform = ? AND channel = ? AND message = ? AND user_id = ? AND kind = ?`,
          ).run(key.platform, key.channel, key.message, key.user, key.kind).changes === 1,
      ),
    );
  }

  /** A channel's reactions, oldest first. */
  forChannel(ref: ChannelRef): ReactionRow[] {
    return (
      this.stmt(
        `SELECT paper_pk, kind, reacted_at FROM paper_reactions
         WHERE platform = ? AND channel = ? ORDER BY reacted_at, paper_pk`,
      ).all(ref.platform, ref.channel) as { paper_pk: number; kind: ReactionKind; reacted_at: string }[]
    ).map((r) => ({ paperPk: r.paper_pk, kind: r.kind, at: r.reacted_at }));
  }

  /** Deletes a channel's reactions (`interests reset`); how many there were. */
  reset(ref: ChannelRef): number {
    return writing("reset the channel's interests", () =>
      this.db.transaction(
        () =>
          this.stmt("DELETE FROM paper_reactions WHERE platform = ? AND channel = ?").run(
            ref.platform,
            ref.channel,
          ).changes,
      ),
    );
  }

  /** Remembers that the bot's message `ref` shows paper `paperPk` (its reactions are about it). */
  rememberMessage(ref: MessageRef, paperPk: number): void {
    writing("remember the message", () =>
      this.db.transaction(() =>
        this.stmt(
          `INSERT INTO paper_messages (platform, channel, message, paper_pk, posted_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (platform, channel, message) DO UPDATE SET paper_pk = excluded.paper_pk`,
        ).run(ref.platform, ref.channel, ref.message, paperPk, this.clock.now().toISOString()),
      ),
    );
  }

  /** The paper a remembered bot message shows; null for a message the bot did not remember. */
  messagePaper(ref: MessageRef): number | null {
    const row = this.stmt(
      "SELECT paper_pk FROM paper_messages WHERE platform = ? AND channel = ? AND message = ?",
    ).get(ref.platform, ref.channel, ref.message) as { paper_pk: number } | undefined;
    return row?.paper_pk ?? null;
  }
}
