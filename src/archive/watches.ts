/**
 * A channel's saved searches (watches) and the papers already alerted to it. Watches are numbered
 * per channel and keep their number (`unwatch 2` means the same watch after #1 is gone; a removed
 * watch's number is never given to a new one, so `watches <n>` and old alerts stay true). A paper
 * is alerted once per channel, by its key (a new arXiv version or a second id is the same paper):
 * the alert post and its papers are claimed in one IMMEDIATE transaction, so of two schedulers
 * only one posts each paper, and a paper claimed for one post is never put in another.
 */
import type { Clock } from "../clock.js";
import { ErrorCode, PaperboyError } from "../errors.js";
import type { Db } from "./db.js";
import type { ChannelPlace } from "./notes.js";
import type { Person } from "./reading-queue.js";
import { type PostClaimOptions, type ScheduledPost, ScheduledPostStore } from "./scheduled-posts.js";
import { writing } from "./sqlite-errors.js";

/** Watches a channel may keep: enough for a team's interests, few enough to read in one list. */
export const WATCHES_MAX = 25;
/** Characters of a watch's query (a few words to a sentence, as in `search`). */
export const WATCH_QUERY_MAX = 300;

export interface WatchFilters {
  /** YYYY-MM-DD bounds on the paper's date, inclusive (as `search`'s since: and until:). */
  since?: string;
  until?: string;
  hasCode?: boolean;
}

export interface Watch extends ChannelPlace {
  /** The channel's number for it. */
  n: number;
  query: string;
  filters: WatchFilters;
  createdBy: Person;
  createdAt: string;
}

/** A paper matched for a channel: which of its watches matched, and the best probability. */
export interface AlertMatch {
  paperPk: number;
  watches: number[];
  score: number;
}

/** A paper of a recent digest day, with when the archive first saw it. */
export interface RecentPaper {
  pk: number;
  date: string;
  createdAt: string;
  hasCode: boolean;
}

interface Row {
  platform: string;
  workspace: string;
  channel: string;
  n: number;
  query: string;
  since: string | null;
  until: string | null;
  has_code: number;
  created_by: string;
  created_name: string | null;
  created_at: string;
}

function fromRow(r: Row): Watch {
  const filters: WatchFilters = {};
  if (r.since) filters.since = r.since;
  if (r.until) filters.until = r.until;
  if (r.has_code === 1) filters.hasCode = true;
  return {
    platform: r.platform,
    workspace: r.workspace,
    channel: r.channel,
    n: r.n,
    query: r.query,
    filters,
    createdBy: r.created_name ? { id: r.created_by, name: r.created_name } : { id: r.created_by },
    createdAt: r.created_at,
  };
}

export type AddOutcome = { added: Watch } | { existing: Watch };

export class WatchStore {
  private readonly posts: ScheduledPostStore;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.posts = new ScheduledPostStore(db);
  }

  /** Saves a watch, or returns the channel's watch with the same query and filters. */
  add(place: ChannelPlace, query: string, filters: WatchFilters, by: Person): AddOutcome {
    const now = this.clock.now().toISOString();
    return writing("save the watch", () =>
      this.db
        .transaction((): AddOutcome => {
          const mine = this.list(place);
          const same = mine.find(
            (w) =>
              w.query.toLowerCase() === query.toLowerCase() &&
              (w.filters.since ?? "") === (filters.since ?? "") &&
              (w.filters.until ?? "") === (filters.until ?? "") &&
              Boolean(w.filters.hasCode) === Boolean(filters.hasCode),
          );
          if (same) return { existing: same };
          if (mine.length >= WATCHES_MAX)
            throw new PaperboyError(
              ErrorCode.TooManyWatches,
              `this channel already has ${mine.length} watches, the most it can keep (${WATCHES_MAX}); \`unwatch <n>\` one of them first (\`watches\` lists them)`,
            );
          const n =
            (
              this.db
                // Removed watches count: their numbers are not reused.
                .prepare("SELECT MAX(n) AS n FROM watches WHERE platform = ? AND channel = ?")
                .get(place.platform, place.channel) as { n: number | null }
            ).n ?? 0;
          this.db
            .prepare(
              `INSERT INTO watches (platform, channel, workspace, n, query, since, until, has_code, created_by, created_name, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              place.platform,
              place.channel,
              place.workspace,
              n + 1,
              query,
              filters.since ?? null,
              filters.until ?? null,
              filters.hasCode ? 1 : 0,
              by.id,
              by.name ?? null,
              now,
            );
          return { added: this.get(place, n + 1) as Watch };
        })
        .immediate(),
    );
  }

  get(place: Pick<ChannelPlace, "platform" | "channel">, n: number): Watch | null {
    const row = this.db
      .prepare("SELECT * FROM watches WHERE platform = ? AND channel = ? AND n = ? AND removed_at IS NULL")
      .get(place.platform, place.channel, n) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** The channel's watches, by number. */
  list(place: Pick<ChannelPlace, "platform" | "channel">): Watch[] {
    return (
      this.db
        .prepare("SELECT * FROM watches WHERE platform = ? AND channel = ? AND removed_at IS NULL ORDER BY n")
        .all(place.platform, place.channel) as Row[]
    ).map(fromRow);
  }

  /** Every watch of the channels on these platforms, by channel and number. */
  all(platforms: readonly string[]): Watch[] {
    if (platforms.length === 0) return [];
    return (
      this.db
        .prepare(
          `SELECT * FROM watches WHERE platform IN (${platforms.map(() => "?").join(", ")})
           AND removed_at IS NULL ORDER BY platform, channel, n`,
        )
        .all(...platforms) as Row[]
    ).map(fromRow);
  }

  /** Changes whenever a watch is added or removed anywhere (one indexed read). */
  fingerprint(): string {
    // Every add is a row and every removal sets removed_at; a forget deletes rows.
    const r = this.db
      .prepare(
        "SELECT COUNT(*) AS c, COUNT(removed_at) AS r, MAX(created_at) AS at, MAX(removed_at) AS gone FROM watches",
      )
      .get() as { c: number; r: number; at: string | null; gone: string | null };
    return `${r.c}|${r.r}|${r.at ?? ""}|${r.gone ?? ""}`;
  }

  /** Removes watch `n` of the channel; the removed watch, or null when there is none. */
  remove(place: Pick<ChannelPlace, "platform" | "channel">, n: number): Watch | null {
    return writing("remove the watch", () =>
      this.db
        .transaction((): Watch | null => {
          const watch = this.get(place, n);
          if (!watch) return null;
          this.db
            .prepare("UPDATE watches SET removed_at = ? WHERE platform = ? AND channel = ? AND n = ?")
            .run(this.clock.now().toISOString(), place.platform, place.channel, n);
          return watch;
        })
        .immediate(),
    );
  }

  /** Removes every watch of the channel; how many there were. */
  removeAll(place: Pick<ChannelPlace, "platform" | "channel">): number {
    return writing(
      "remove the watches",
      () =>
        this.db
          .prepare(
            "UPDATE watches SET removed_at = ? WHERE platform = ? AND channel = ? AND removed_at IS NULL",
          )
          .run(this.clock.now().toISOString(), place.platform, place.channel).changes,
    );
  }

  /** Papers alerted to the channel so far. */
  alertedCount(place: Pick<ChannelPlace, "platform" | "channel">): number {
    return (
      this.db
        .prepare("SELECT COUNT(*) AS n FROM alerted_papers WHERE platform = ? AND channel = ?")
        .get(place.platform, place.channel) as { n: number }
    ).n;
  }

  /**
   * Papers of the digest days from `sinceDate` on that the archive first saw at or after
   * `seenSince` (ISO): what can still be new to a watch.
   */
  recentPapers(sinceDate: string, seenSince: string): RecentPaper[] {
    const rows = this.db
      .prepare(
        `SELECT p.pk AS pk, MIN(d.date) AS date, p.created_at AS created_at, p.has_code AS has_code
         FROM day_papers d JOIN papers p ON p.pk = d.pk
         WHERE d.date >= ? AND p.created_at >= ?
         GROUP BY p.pk, p.created_at, p.has_code ORDER BY MIN(d.date), p.pk`,
      )
      .all(sinceDate, seenSince) as { pk: number; date: string; created_at: string; has_code: number }[];
    return rows.map((r) => ({ pk: r.pk, date: r.date, createdAt: r.created_at, hasCode: r.has_code === 1 }));
  }

  /**
   * Claims an alert post of `date`'s papers for the channel: of `matches`, those never alerted to
   * it are written as this post's and the post is claimed, in one transaction. Null when every
   * paper was alerted already (by this process or another). A second post for the same digest day
   * (papers added to it later) is slot "<date>.2", and so on.
   */
  claimAlert(
    place: ChannelPlace,
    date: string,
    matches: readonly AlertMatch[],
    options: PostClaimOptions,
  ): { post: ScheduledPost; matches: AlertMatch[] } | null {
    if (matches.length === 0) return null;
    return writing("claim an alert post", () =>
      this.db
        .transaction((): { post: ScheduledPost; matches: AlertMatch[] } | null => {
          const known = this.db.prepare(
            "SELECT 1 FROM alerted_papers WHERE platform = ? AND channel = ? AND paper_pk = ?",
          );
          const fresh = matches.filter((m) => !known.get(place.platform, place.channel, m.paperPk));
          if (fresh.length === 0) return null;
          const earlier = (
            this.db
              .prepare(
                `SELECT COUNT(*) AS n FROM scheduled_posts WHERE kind = 'alert' AND platform = ? AND channel = ?
                 AND (slot = ? OR slot LIKE ?)`,
              )
              .get(place.platform, place.channel, date, `${date}.%`) as { n: number }
          ).n;
          const slot = earlier === 0 ? date : `${date}.${earlier + 1}`;
          const post = this.posts.claimInTransaction(
            { kind: "alert", platform: place.platform, channel: place.channel, slot },
            place.workspace,
            options,
          );
          if (!post) return null;
          const insert = this.db.prepare(
            `INSERT INTO alerted_papers (platform, channel, paper_pk, slot, watches, score)
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          );
          for (const m of fresh)
            insert.run(place.platform, place.channel, m.paperPk, slot, m.watches.join(","), m.score);
          return { post, matches: fresh };
        })
        .immediate(),
    );
  }

  /** Papers alerted to the channel for watch `n`, newest alert first, and how many in all. */
  alertedFor(
    place: Pick<ChannelPlace, "platform" | "channel">,
    n: number,
    limit: number,
  ): { papers: AlertMatch[]; total: number } {
    const rows = this.db
      .prepare(
        `SELECT paper_pk, watches, score FROM alerted_papers WHERE platform = ? AND channel = ?
         ORDER BY slot DESC, score DESC, paper_pk`,
      )
      .all(place.platform, place.channel) as { paper_pk: number; watches: string; score: number }[];
    const mine = rows
      .map((r) => ({
        paperPk: r.paper_pk,
        watches: r.watches.split(",").filter(Boolean).map(Number),
        score: r.score,
      }))
      .filter((m) => m.watches.includes(n));
    return { papers: mine.slice(0, limit), total: mine.length };
  }

  /** The papers an alert post carries (for a retry), best first. */
  alertPapers(place: Pick<ChannelPlace, "platform" | "channel">, slot: string): AlertMatch[] {
    const rows = this.db
      .prepare(
        `SELECT paper_pk, watches, score FROM alerted_papers WHERE platform = ? AND channel = ? AND slot = ?
         ORDER BY score DESC, paper_pk`,
      )
      .all(place.platform, place.channel, slot) as { paper_pk: number; watches: string; score: number }[];
    return rows.map((r) => ({
      paperPk: r.paper_pk,
      watches: r.watches.split(",").filter(Boolean).map(Number),
      score: r.score,
    }));
  }
}
