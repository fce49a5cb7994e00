import { papers } from "./001-papers.js";
import { threads } from "./002-threads.js";
import { channels } from "./003-channels.js";
import { installations } from "./004-installations.js";
import { sourceSummary } from "./005-source-summary.js";
import { teamMemory } from "./006-team-memory.js";
import { seenRequests } from "./007-seen-requests.js";
import { channelInterests } from "./008-channel-interests.js";
import { alertsWeekly } from "./009-alerts-weekly.js";
import type { Migration } from "./kit.js";

export type { Migration } from "./kit.js";

/**
 * Ordered; a migration is never edited once released, only followed by a new one. Each is built
 * with the schema builder, so the same numbered migration creates the same tables on SQLite and
 * on PostgreSQL.
 */
export const MIGRATIONS: readonly Migration[] = [
  papers,
  threads,
  channels,
  installations,
  sourceSummary,
  teamMemory,
  seenRequests,
  channelInterests,
  alertsWeekly,
];

/** The schema version this paperboy writes. */
export const LATEST_SCHEMA = MIGRATIONS.at(-1)?.version ?? 0;
