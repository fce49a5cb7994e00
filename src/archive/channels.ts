/** Per-channel settings: the daily roundup subscription, its local time and zone, topic filters. */

import type { Clock } from "../clock.js";
import { DEFAULTS } from "../defaults.js";
import type { Db } from "./db.js";
import { writing } from "./sqlite-errors.js";

export interface ChannelRef {
  platform: string;
  channel: string;
}

export interface ChannelSettings extends ChannelRef {
  workspace: string;
  subscribed: boolean;
  timezone: string;
  /** HH:MM local time of the roundup. */
  time: string;
  /** Keywords; a roundup shows only papers matching one of them (none: every paper). */
  filters: string[];
  /** When the settings last changed (ISO); absent for a channel never saved. */
  updatedAt?: string;
}

interface Row {
  platform: string;
  channel: string;
  workspace: string;
  subscribed: number;
  timezone: string;
  time: string;
  filters: string;
  updated_at: string;
}

function fromRow(row: Row): ChannelSettings {
  return {
    platform: row.platform,
    channel: row.channel,
    workspace: row.workspace,
    subscribed: row.subscribed === 1,
    timezone: row.timezone,
    time: row.time,
    filters: JSON.parse(row.filters) as string[],
    updatedAt: row.updated_at,
  };
}

export class ChannelStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  get(ref: ChannelRef): ChannelSettings | null {
    const row = this.db
      .prepare("SELECT * FROM channels WHERE platform = ? AND channel = ?")
      .get(ref.platform, ref.channel) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** The stored settings, or the defaults for a channel never configured. */
  settings(
    ref: ChannelRef & { workspace?: string },
    defaults: { timezone?: string; time?: string } = {},
  ): ChannelSettings {
    return (
      this.get(ref) ?? {
        ...ref,
        workspace: ref.workspace ?? "",
        subscribed: false,
        timezone: defaults.timezone ?? DEFAULTS.timezone,
        time: defaults.time ?? DEFAULTS.roundupTime,
        filters: [],
      }
    );
  }

  save(settings: ChannelSettings): void {
    const now = this.clock.now().toISOString();
    writing(
      "save the channel settings",
      () =>
        this.db
          .prepare(
            `INSERT INTO channels (platform, channel, workspace, subscribed, timezone, time, filters, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(platform, channel) DO UPDATE SET workspace = excluded.workspace, subscribed = excluded.subscribed,
           timezone = excluded.timezone, time = excluded.time, filters = excluded.filters, updated_at = excluded.updated_at`,
          )
          .run(
            settings.platform,
            settings.channel,
            settings.workspace,
            settings.subscribed ? 1 : 0,
            settings.timezone,
            settings.time,
            JSON.stringify(settings.filters),
            now,
            now,
          ),
      this.db,
    );
  }

  subscribed(platform?: string): ChannelSettings[] {
    const rows = (
      platform
        ? this.db
            .prepare(
              "SELECT * FROM channels WHERE subscribed = 1 AND platform = ? ORDER BY platform, channel",
            )
            .all(platform)
        : this.db.prepare("SELECT * FROM channels WHERE subscribed = 1 ORDER BY platform, channel").all()
    ) as Row[];
    return rows.map(fromRow);
  }
}
