import papers from "./001-papers.js";
import threads from "./002-threads.js";
import channels from "./003-channels.js";
import installations from "./004-installations.js";
import sourceSummary from "./005-source-summary.js";
import teamMemory from "./006-team-memory.js";
import seenRequests from "./007-seen-requests.js";
import channelInterests from "./008-channel-interests.js";
import alertsWeekly from "./009-alerts-weekly.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Ordered; a migration is never edited once released, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "papers", sql: papers },
  { version: 2, name: "threads", sql: threads },
  { version: 3, name: "channels", sql: channels },
  { version: 4, name: "installations", sql: installations },
  { version: 5, name: "source-summary", sql: sourceSummary },
  { version: 6, name: "team-memory", sql: teamMemory },
  { version: 7, name: "seen-requests", sql: seenRequests },
  { version: 8, name: "channel-interests", sql: channelInterests },
  { version: 9, name: "alerts-weekly", sql: alertsWeekly },
];
