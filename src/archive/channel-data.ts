/**
 * Everything paperboy keeps about one channel, counted or deleted as a whole: for a team that
 * leaves (`paperboy forget --channel`). One transaction: all of it goes, or (on any error) none.
 * A feature that adds a per-channel table adds it to TABLES.
 */
import type { Clock } from "../clock.js";
import { ErrorCode, PaperboyError } from "../errors.js";
import type { Db } from "./db.js";
import { writing } from "./write-errors.js";

/** Per-channel tables, children before parents (thread messages go with their threads' rows). */
const TABLES = [
  "notes",
  "reading_queue",
  "paper_reactions",
  "paper_messages",
  "thread_messages",
  "threads",
  "deliveries",
  "alerted_papers",
  "watches",
  "scheduled_posts",
  "channel_digests",
  "channels",
] as const;
export type ChannelTable = (typeof TABLES)[number];

export interface ChannelKey {
  platform: string;
  channel: string;
}

export type ChannelCounts = Record<ChannelTable, number>;

export class ChannelDataStore {
  constructor(
    private readonly db: Db,
    _clock: Clock,
  ) {}

  /** The platforms on which a channel id has any data (one id could exist on two platforms). */
  platformsOf(channel: string): string[] {
    const found = new Set<string>();
    for (const t of TABLES)
      for (const r of this.db.all(
        this.db.q.selectFrom(t).select("platform").distinct().where("channel", "=", channel),
      ))
        found.add(r.platform);
    return [...found].sort();
  }

  /**
   * The channel `spec` names: `platform:channel`, or a bare channel id when exactly one platform
   * has data for it. A clear error otherwise.
   */
  resolve(spec: string): ChannelKey {
    const trimmed = spec.trim();
    const colon = trimmed.indexOf(":");
    if (colon > 0) return { platform: trimmed.slice(0, colon), channel: trimmed.slice(colon + 1) };
    const platforms = this.platformsOf(trimmed);
    if (platforms.length === 1) return { platform: platforms[0] as string, channel: trimmed };
    if (platforms.length === 0)
      throw new PaperboyError(
        ErrorCode.InvalidArgument,
        `paperboy keeps nothing for channel "${trimmed}"; check the id as the chat platform shows it, or name its platform as platform:channel`,
        { key: "--channel" },
      );
    throw new PaperboyError(
      ErrorCode.InvalidArgument,
      `channel "${trimmed}" exists on ${platforms.join(" and ")}; say which: ${platforms.map((p) => `--channel ${p}:${trimmed}`).join(" or ")}`,
      { key: "--channel" },
    );
  }

  count(key: ChannelKey): ChannelCounts {
    const out = {} as ChannelCounts;
    for (const t of TABLES)
      out[t] = Number(
        this.db.get(
          this.db.q
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as("n"))
            .where("platform", "=", key.platform)
            .where("channel", "=", key.channel),
        )?.n ?? 0,
      );
    return out;
  }

  /** Deletes every row of the channel; what was deleted, per table. */
  forget(key: ChannelKey): ChannelCounts {
    return writing(`forget channel ${key.channel}`, () =>
      this.db.transaction(() => {
        const out = this.count(key);
        for (const t of TABLES)
          this.db.run(
            this.db.q.deleteFrom(t).where("platform", "=", key.platform).where("channel", "=", key.channel),
          );
        return out;
      }),
    );
  }
}
