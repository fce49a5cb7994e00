/**
 * A channel's weekly digest (which weekday, what local time; the zone is the channel's, as for
 * the daily roundup) and whether it wants a notice on quiet days. Kept beside `channels` rather
 * than in it, so the daily roundup's settings stay as they are.
 */
import type { Clock } from "../clock.js";
import type { Db } from "./db.js";
import type { ChannelPlace } from "./notes.js";
import { writing } from "./sqlite-errors.js";

export interface WeeklySchedule {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  day: number;
  /** HH:MM in the channel's zone. */
  time: string;
  /** When it was last set (ISO): a digest due before that is not owed. */
  since: string;
}

export interface ChannelDigests extends ChannelPlace {
  weekly: WeeklySchedule | null;
  quietNotices: boolean;
}

interface Row {
  platform: string;
  channel: string;
  workspace: string;
  weekly_day: number | null;
  weekly_time: string | null;
  weekly_since: string | null;
  quiet_notices: number;
}

function fromRow(r: Row): ChannelDigests {
  return {
    platform: r.platform,
    channel: r.channel,
    workspace: r.workspace,
    weekly:
      r.weekly_day !== null && r.weekly_time !== null
        ? { day: r.weekly_day, time: r.weekly_time, since: r.weekly_since ?? "" }
        : null,
    quietNotices: r.quiet_notices === 1,
  };
}

export class ChannelDigestStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The channel's choices; nothing chosen: no weekly digest, no quiet-day notices. */
  get(place: ChannelPlace): ChannelDigests {
    const row = this.db
      .prepare("SELECT * FROM channel_digests WHERE platform = ? AND channel = ?")
      .get(place.platform, place.channel) as Row | undefined;
    return row ? fromRow(row) : { ...place, weekly: null, quietNotices: false };
  }

  /** Sets (or, with null, stops) the weekly digest. */
  setWeekly(place: ChannelPlace, weekly: { day: number; time: string } | null): ChannelDigests {
    const now = this.clock.now().toISOString();
    writing("save the weekly digest", () =>
      this.db
        .prepare(
          `INSERT INTO channel_digests (platform, channel, workspace, weekly_day, weekly_time, weekly_since, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (platform, channel) DO UPDATE SET workspace = excluded.workspace,
             weekly_day = excluded.weekly_day, weekly_time = excluded.weekly_time,
             weekly_since = excluded.weekly_since, updated_at = excluded.updated_at`,
        )
        .run(
          place.platform,
          place.channel,
          place.workspace,
          weekly?.day ?? null,
          weekly?.time ?? null,
          weekly ? now : null,
          now,
        ),
    );
    return this.get(place);
  }

  setQuietNotices(place: ChannelPlace, on: boolean): ChannelDigests {
    const now = this.clock.now().toISOString();
    writing("save the quiet-day setting", () =>
      this.db
        .prepare(
          `INSERT INTO channel_digests (platform, channel, workspace, quiet_notices, updated_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (platform, channel) DO UPDATE SET workspace = excluded.workspace,
             quiet_notices = excluded.quiet_notices, updated_at = excluded.updated_at`,
        )
        .run(place.platform, place.channel, place.workspace, on ? 1 : 0, now),
    );
    return this.get(place);
  }

  /** Channels with a weekly digest, on these platforms. */
  weekly(platforms: readonly string[]): ChannelDigests[] {
    if (platforms.length === 0) return [];
    return (
      this.db
        .prepare(
          `SELECT * FROM channel_digests WHERE weekly_day IS NOT NULL
           AND platform IN (${platforms.map(() => "?").join(", ")}) ORDER BY platform, channel`,
        )
        .all(...platforms) as Row[]
    ).map(fromRow);
  }

  /** Whether each of these channels wants quiet-day notices (one read for all). */
  quietNotices(platforms: readonly string[]): Set<string> {
    if (platforms.length === 0) return new Set();
    const rows = this.db
      .prepare(
        `SELECT platform, channel FROM channel_digests WHERE quiet_notices = 1
         AND platform IN (${platforms.map(() => "?").join(", ")})`,
      )
      .all(...platforms) as { platform: string; channel: string }[];
    return new Set(rows.map((r) => `${r.platform}:${r.channel}`));
  }
}
