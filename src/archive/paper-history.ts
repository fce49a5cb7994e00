/**
 * What a team already did with a paper: the discussion threads opened on it and the notes written
 * about it, per channel, with their sizes. Reads only; the card's "discussed on … in #… (12
 * messages, 2 notes)" and the roundup's "discussed" marks are built from it.
 */
import type Database from "better-sqlite3";
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

function where(alias: string, scope: HistoryScope): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  for (const key of ["platform", "workspace", "channel"] as const) {
    const value = scope[key];
    if (value === undefined) continue;
    parts.push(`${alias}.${key} = ?`);
    params.push(value);
  }
  return { sql: parts.map((p) => `${p} AND `).join(""), params };
}

const CHUNK = 500;

export class PaperHistoryStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Db,
    _clock: Clock,
  ) {}

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.statements.size < 200) this.statements.set(sql, s);
    }
    return s;
  }

  /** Every mention of these papers within `scope`, newest first per paper. */
  mentions(scope: HistoryScope, paperPks: readonly number[]): Map<number, PaperMention[]> {
    const out = new Map<number, PaperMention[]>();
    const t = where("t", scope);
    const n = where("n", scope);
    for (let i = 0; i < paperPks.length; i += CHUNK) {
      const chunk = paperPks.slice(i, i + CHUNK);
      const marks = chunk.map(() => "?").join(",");
      const threads = this.stmt(
        `SELECT t.paper_pk, t.platform, t.workspace, t.channel, t.thread, t.created_at,
           (SELECT COUNT(*) FROM thread_messages m
              WHERE m.platform = t.platform AND m.channel = t.channel AND m.thread = t.thread) AS messages
         FROM threads t WHERE ${t.sql}t.paper_pk IN (${marks})`,
      ).all(...t.params, ...chunk) as {
        paper_pk: number;
        platform: string;
        workspace: string;
        channel: string;
        thread: string;
        created_at: string;
        messages: number;
      }[];
      const notes = this.stmt(
        `SELECT n.paper_pk, n.platform, MAX(n.workspace) AS workspace, n.channel, n.thread,
           MIN(n.created_at) AS first_at, COUNT(*) AS notes
         FROM notes n WHERE ${n.sql}n.paper_pk IN (${marks})
         GROUP BY n.paper_pk, n.platform, n.channel, n.thread`,
      ).all(...n.params, ...chunk) as {
        paper_pk: number;
        platform: string;
        workspace: string;
        channel: string;
        thread: string | null;
        first_at: string;
        notes: number;
      }[];
      const byThread = new Map<string, PaperMention>();
      for (const row of threads) {
        const m: PaperMention = {
          paperPk: row.paper_pk,
          platform: row.platform,
          workspace: row.workspace,
          channel: row.channel,
          thread: row.thread,
          since: row.created_at,
          messages: row.messages,
          notes: 0,
        };
        byThread.set(`${row.paper_pk}\u0000${row.platform}\u0000${row.channel}\u0000${row.thread}`, m);
      }
      for (const note of notes) {
        const key = `${note.paper_pk}\u0000${note.platform}\u0000${note.channel}\u0000${note.thread ?? ""}`;
        const thread = note.thread !== null ? byThread.get(key) : undefined;
        if (thread) {
          thread.notes += note.notes;
          continue;
        }
        // Notes outside a thread, or in a thread that is no discussion (any more): the channel's.
        const loose = `${note.paper_pk}\u0000${note.platform}\u0000${note.channel}\u0000`;
        const known = byThread.get(loose);
        if (known) {
          known.notes += note.notes;
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
            notes: note.notes,
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
    const t = where("t", scope);
    return (
      this.stmt(
        `SELECT DISTINCT t.paper_pk FROM threads t WHERE ${t.sql}t.created_at >= ? AND t.created_at <= ?`,
      ).all(...t.params, fromIso, toIso) as { paper_pk: number }[]
    ).map((r) => r.paper_pk);
  }

  /** Discussion threads within `scope`: the one with this platform id, or every one on this paper. */
  findThreads(
    scope: HistoryScope,
    by: { thread: string } | { paperPk: number },
  ): { platform: string; channel: string; thread: string }[] {
    const t = where("t", scope);
    const [column, value] = "thread" in by ? ["thread", by.thread] : ["paper_pk", by.paperPk];
    return this.stmt(
      `SELECT t.platform, t.channel, t.thread FROM threads t WHERE ${t.sql}t.${column} = ? ORDER BY t.created_at`,
    ).all(...t.params, value) as { platform: string; channel: string; thread: string }[];
  }
}
