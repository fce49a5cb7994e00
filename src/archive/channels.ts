/** Per-channel settings: the daily roundup subscription, its local time and zone, topic filters. */

import type { Clock } from "../clock.js";
import { DEFAULTS } from "../defaults.js";
import type { Db } from "./db.js";
import { writing } from "./write-errors.js";

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
    const row = this.db.get(
      this.db.q
        .selectFrom("channels")
        .selectAll()
        .where("platform", "=", ref.platform)
        .where("channel", "=", ref.channel),
    ) as Row | undefined;
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
        this.db.run(
          this.db.q
            .insertInto("channels")
            .values({
              platform: settings.platform,
              channel: settings.channel,
              workspace: settings.workspace,
              subscribed: settings.subscribed ? 1 : 0,
              timezone: settings.timezone,
              time: settings.time,
              filters: JSON.stringify(settings.filters),
              created_at: now,
              updated_at: now,
            })
            .onConflict((oc) =>
              oc.columns(["platform", "channel"]).doUpdateSet((eb) => ({
                workspace: eb.ref("excluded.workspace"),
                subscribed: eb.ref("excluded.subscribed"),
                timezone: eb.ref("excluded.timezone"),
                time: eb.ref("excluded.time"),
                filters: eb.ref("excluded.filters"),
                updated_at: eb.ref("excluded.updated_at"),
              })),
            ),
        ),
      this.db,
    );
  }

  subscribed(platform?: string): ChannelSettings[] {
    const rows = this.db.all(
      this.db.q
        .selectFrom("channels")
        .selectAll()
        .where("subscribed", "=", 1)
        .$if(platform !== undefined, (qb) => qb.where("platform", "=", platform as string))
        .orderBy("platform")
        .orderBy("channel"),
    ) as Row[];
    return rows.map(fromRow);
  }
}
